package org.controlroom.store;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What makes a learner's name: Unicode NFC (so "É" typed as one character or as "E" + a combining accent
 * is one name), without the spaces and invisible characters around it, with at least one visible
 * character, at most {@value #MAX_LENGTH} characters and no control characters. Every database
 * implementation stores names in this form.
 */
public final class LearnerNames {

    public static final int MAX_LENGTH = 80;

    private LearnerNames() {
    }

    /**
     * The name as stored.
     *
     * @throws StoreException when the name cannot be a learner's name, saying why
     */
    public static String clean(String name) {
        String nfc = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC);
        int start = 0;
        int end = nfc.length();
        while (start < end && blank(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        while (end > start && blank(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        String clean = nfc.substring(start, end);
        if (clean.isEmpty()) {
            throw new StoreException(nfc.isEmpty() ? "a learner needs a name"
                    : "a learner needs a name with at least one visible character (this one is only spaces or"
                    + " invisible characters)");
        }
        if (clean.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            throw new StoreException("a learner's name cannot hold control characters (such as tabs or line breaks)");
        }
        if (clean.codePoints().noneMatch(LearnerNames::visible)) {
            throw new StoreException("a learner needs a name with at least one visible character (this one is only"
                    + " spaces or invisible characters)");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            throw new StoreException("a learner's name is at most " + MAX_LENGTH + " characters");
        }
        return clean;
    }

    /** The name as compared: clean, then case-folded, so "émile" and "ÉMILE" are the same learner. */
    public static String key(String name) {
        String nfc = Normalizer.normalize(name == null ? "" : name.strip(), Normalizer.Form.NFC);
        return Normalizer.normalize(nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /** Spaces and characters that show nothing on their own: trimmed from the ends of a name. */
    private static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT
                || filler(cp);
    }

    /** Hangul fillers, the blank Braille pattern, Khmer and Mongolian invisibles, the grapheme joiner. */
    private static boolean filler(int cp) {
        return switch (cp) {
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5, 0x180E, 0x034F -> true;
            default -> false;
        };
    }

    /** A character that leaves a mark: a letter, digit, punctuation or symbol, but not a filler that looks blank. */
    static boolean visible(int cp) {
        if (filler(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
