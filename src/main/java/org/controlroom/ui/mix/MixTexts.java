package org.controlroom.ui.mix;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts: the {@code mix.} keys of the window's one bundle
 * ({@code org/controlroom/ui/messages.properties}), read here so this package needs nothing of
 * {@code ui} (which uses it). Same rules as {@code ui.Texts}: MessageFormat with arguments.
 */
final class MixTexts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.controlroom.ui.messages", Locale.ENGLISH);

    private MixTexts() {
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
