package org.controlroom.ui.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shell screens' texts from the window's one bundle ({@code org/controlroom/ui/messages.properties},
 * section {@code shell.}), read as {@code org.controlroom.ui.Texts} reads it; a class of its own so this
 * package does not depend back on {@code ui} (the architecture test forbids package cycles).
 */
final class ShellTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.controlroom.ui.messages", Locale.ENGLISH);

    private ShellTexts() {
    }

    static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key '" + key + "' in messages.properties", e);
        }
        // always through MessageFormat, so '' is one quote whether or not the text takes arguments
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
