package org.controlroom.cli;

import java.util.OptionalDouble;

/** Plain decimal numbers as typed on the command line: finite, no "NaN", no "1k", no "1d". */
final class CliNumbers {

    private CliNumbers() {
    }

    static OptionalDouble parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || !Character.isDigit(t.charAt(t.length() - 1))) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** 1000 rather than 1000.0; other values as Java prints them. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
