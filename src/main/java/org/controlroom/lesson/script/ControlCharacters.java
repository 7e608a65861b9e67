package org.controlroom.lesson.script;

import java.util.Locale;

/**
 * Characters that must never reach a terminal or a label from lesson content: the C0 and C1
 * control characters and DEL (an ESC starts a terminal command sequence; a NUL cuts text short),
 * and the bidirectional overrides and isolates that make text display in a different order from
 * the one it is stored in. New line and tab are ordinary text.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True for a character lesson text may not hold. */
    public static boolean isForbidden(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Index (in chars) of the first forbidden character, or -1. */
    public static int first(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isForbidden(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** The character's code and, where it has a common one, its name: {@code U+001B (escape)}. */
    public static String name(int cp) {
        String code = String.format(Locale.ROOT, "U+%04X", cp);
        String word = switch (cp) {
            case 0x00 -> "NUL";
            case 0x07 -> "bell";
            case 0x08 -> "backspace";
            case 0x0D -> "carriage return";
            case 0x1B -> "escape";
            case 0x7F -> "delete";
            case 0x9B -> "control sequence introducer";
            case 0x202E -> "right-to-left override";
            default -> cp >= 0x202A ? "bidirectional control" : "control character";
        };
        return code + " (" + word + ")";
    }

    /** {@code s} with every control character (new line and tab included) written as {@code \\uXXXX}: safe to print. */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isForbidden(c) || c == '\n' || c == '\t') {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
