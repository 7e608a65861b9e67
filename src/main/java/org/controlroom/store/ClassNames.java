package org.controlroom.store;

import java.text.Normalizer;

/**
 * What makes a class name: Unicode NFC without the spaces around it, at least one visible character, at
 * most {@value #MAX_LENGTH} characters, no control characters; compared case-folded ({@link #key}), so
 * "Year 10" and "YEAR 10" are one class. Every database implementation stores names in this form.
 */
public final class ClassNames {

    public static final int MAX_LENGTH = 80;

    private ClassNames() {
    }

    /**
     * The name as stored.
     *
     * @throws StoreException when the name cannot be a class's name, saying why
     */
    public static String clean(String name) {
        String clean = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).strip();
        if (clean.isEmpty() || clean.codePoints().noneMatch(LearnerNames::visible)) {
            throw new StoreException("a class needs a name with at least one visible character");
        }
        if (clean.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            throw new StoreException("a class's name cannot hold control characters (such as tabs or line breaks)");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            throw new StoreException("a class's name is at most " + MAX_LENGTH + " characters");
        }
        return clean;
    }

    /** The name as compared (unique per database). */
    public static String key(String name) {
        return LearnerNames.key(name);
    }
}
