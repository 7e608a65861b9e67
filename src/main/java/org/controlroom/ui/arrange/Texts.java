package org.controlroom.ui.arrange;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The arranging screen's texts: the {@code arrange.} keys of the window's one bundle
 * ({@code org/controlroom/ui/messages.properties}), read here so this package does not depend back on
 * {@code ui} (the screens register in {@code ui.SessionScreens}; no cycle).
 */
final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.controlroom.ui.messages", Locale.ENGLISH);

    private Texts() {
    }

    static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key '" + key + "' in messages.properties", e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
