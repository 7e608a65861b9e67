package org.controlroom.ui.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The window's texts, for every screen package, from one resource bundle ({@code org/controlroom/ui/messages.properties}, English).
 * Keys are grouped by screen ({@code shell.}, {@code mix.}, {@code takes.}, {@code arrange.}, {@code drill.},
 * {@code budget.}); arguments use {@link MessageFormat} ({@code {0}}).
 */
public final class Texts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.controlroom.ui.messages", Locale.ENGLISH);

    private Texts() {
    }

    /** The text for {@code key}, with {@code args} put in its {@code {n}} places. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key '" + key + "' in messages.properties", e);
        }
        // always through MessageFormat, so '' is one quote whether or not the text takes arguments
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    /** Whether the bundle has a text for {@code key}. */
    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
