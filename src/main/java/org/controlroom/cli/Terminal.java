package org.controlroom.cli;

/** Text from lesson files on its way to a terminal: control characters never reach it raw. */
final class Terminal {
    private Terminal() {
    }

    /** {@code s} with control characters other than newline and tab shown as {@code \\uXXXX}. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if ((Character.isISOControl(cp) && cp != '\n' && cp != '\t') || cp == 0x2028 || cp == 0x2029) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
