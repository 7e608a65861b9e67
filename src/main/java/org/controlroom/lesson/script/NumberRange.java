package org.controlroom.lesson.script;

/** The allowed values of a number field, with words for error messages. */
record NumberRange(double min, boolean minInclusive, double max, boolean maxInclusive) {

    static NumberRange between(double min, double max) {
        return new NumberRange(min, true, max, true);
    }

    static NumberRange atLeast(double min) {
        return new NumberRange(min, true, Double.POSITIVE_INFINITY, false);
    }

    static NumberRange above(double min) {
        return new NumberRange(min, false, Double.POSITIVE_INFINITY, false);
    }

    boolean contains(double v) {
        boolean lowOk = minInclusive ? v >= min : v > min;
        boolean highOk = Double.isInfinite(max) ? Double.isFinite(v) : (maxInclusive ? v <= max : v < max);
        return lowOk && highOk;
    }

    String describe() {
        if (Double.isInfinite(max)) {
            return minInclusive ? "at least " + format(min) : "greater than " + format(min);
        }
        return "between " + format(min) + " and " + format(max);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
