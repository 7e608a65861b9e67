package org.controlroom.lesson.adapt;

import java.util.List;
import java.util.Locale;

/**
 * A drill family's difficulty axis: the values a question can be asked at, easiest first (a 12 dB boost
 * before a 0.5 dB one, a pan step of 0.5 before 0.05).
 *
 * @param unit what the values are in ("dB", "pan", "x")
 */
public record Ladder(List<Double> levels, String unit) {

    public Ladder {
        levels = List.copyOf(levels);
        if (levels.size() < 2) {
            throw new IllegalArgumentException("a ladder needs at least two levels");
        }
    }

    public int size() {
        return levels.size();
    }

    public double level(int index) {
        return levels.get(Math.max(0, Math.min(levels.size() - 1, index)));
    }

    /** The index whose level is nearest {@code value}. */
    public int nearest(double value) {
        int best = 0;
        for (int i = 1; i < levels.size(); i++) {
            if (Math.abs(levels.get(i) - value) < Math.abs(levels.get(best) - value)) {
                best = i;
            }
        }
        return best;
    }

    /** Boost or cut size, easiest first: 12 dB down to 0.5 dB. */
    public static final Ladder GAIN_DB = new Ladder(List.of(12.0, 10.0, 8.0, 6.0, 5.0, 4.0, 3.0, 2.5, 2.0, 1.5, 1.0,
            0.5), "dB");
    /** Step between the offered gains or levels. */
    public static final Ladder STEP_DB = new Ladder(List.of(6.0, 4.0, 3.0, 2.0, 1.5, 1.0, 0.5), "dB");
    /** Step between offered pan positions (1 = hard left to centre). */
    public static final Ladder PAN_STEP = new Ladder(List.of(0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05), "pan");
    /** Factor between neighbouring offered ratios. */
    public static final Ladder RATIO_FACTOR = new Ladder(List.of(4.0, 3.0, 2.0, 1.6, 1.4, 1.25), "x");

    /** Band spacing in octaves, easiest first: octave, 2/3 octave, 1/3 octave (ISO 266 grids). */
    public static final Ladder RESOLUTION = new Ladder(List.of(1.0, 2.0 / 3, 1.0 / 3), "octave");

    static String format(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
