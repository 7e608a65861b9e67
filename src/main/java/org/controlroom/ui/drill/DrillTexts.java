package org.controlroom.ui.drill;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The drill screens' texts: the {@code drill.} keys of the window's one bundle
 * ({@code org/controlroom/ui/messages.properties}), read here so this package does not depend back on
 * {@code ui} (the window depends on it).
 */
final class DrillTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.controlroom.ui.messages", Locale.ENGLISH);

    private DrillTexts() {
    }

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
