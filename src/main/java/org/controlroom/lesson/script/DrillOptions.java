package org.controlroom.lesson.script;

import java.util.List;

/**
 * The newer, optional settings of a drill (each with a default that keeps older lesson files meaning
 * what they meant).
 *
 * @param filter          eq-frequency: the band's shape — {@code peak} (default), {@code lowshelf},
 *                        {@code highshelf}, {@code lowpass} or {@code highpass} (the choices are then corner
 *                        or cutoff frequencies)
 * @param bands           eq-frequency: how many bands B changes at once (1–3); the learner names each
 * @param noChange        share of questions (0–0.5) where B is A untouched; "no change" is then always offered
 * @param gridOffset      each question shifts the whole grid by up to half a step, so fixed centres cannot
 *                        be memorised
 * @param adaptBy         what an adaptive eq-frequency drill's staircase moves: {@code gain} (the boost size,
 *                        default) or {@code resolution} (octave → 2/3 → 1/3 octave spacing of the bands)
 * @param ratio           compression-threshold/-attack/-release: the compressor's ratio
 * @param attackMs        compression-threshold/-release (and compression): the attack
 * @param releaseMs       compression-threshold/-attack (and compression): the release
 * @param gainReductionDb compression-attack/-release: how deep the compressor digs (its threshold is set so
 *                        the RMS level drops by this much)
 * @param stems           mix-level: the stems of the mix (asset paths); one of them moves in B
 * @param match           eq-match: undo or copy, the tolerances and where the hidden bands lie
 */
public record DrillOptions(String filter, int bands, double noChange, boolean gridOffset, String adaptBy,
                           double ratio, double attackMs, double releaseMs, double gainReductionDb,
                           List<AssetSource> stems, MatchSettings match) {

    public static final List<String> FILTERS = List.of("peak", "lowshelf", "highshelf", "lowpass", "highpass");
    public static final List<String> ADAPT_BY = List.of("gain", "resolution");
    public static final DrillOptions DEFAULTS = new DrillOptions("peak", 1, 0, false, "gain", 4, 10, 100, 6,
            List.of());

    public DrillOptions {
        stems = List.copyOf(stems);
    }

    /** The settings of a drill that is not eq-match. */
    public DrillOptions(String filter, int bands, double noChange, boolean gridOffset, String adaptBy,
                        double ratio, double attackMs, double releaseMs, double gainReductionDb,
                        List<AssetSource> stems) {
        this(filter, bands, noChange, gridOffset, adaptBy, ratio, attackMs, releaseMs, gainReductionDb, stems,
                MatchSettings.DEFAULTS);
    }

    public boolean resolutionStaircase() {
        return adaptBy.equals("resolution");
    }

    public DrillOptions withBands(int n) {
        return new DrillOptions(filter, n, noChange, gridOffset, adaptBy, ratio, attackMs, releaseMs, gainReductionDb,
                stems, match);
    }

    public DrillOptions withNoChange(double share) {
        return new DrillOptions(filter, bands, share, gridOffset, adaptBy, ratio, attackMs, releaseMs, gainReductionDb,
                stems, match);
    }

    public DrillOptions withGridOffset(boolean on) {
        return new DrillOptions(filter, bands, noChange, on, adaptBy, ratio, attackMs, releaseMs, gainReductionDb,
                stems, match);
    }

    public DrillOptions withFilter(String f) {
        return new DrillOptions(f, bands, noChange, gridOffset, adaptBy, ratio, attackMs, releaseMs, gainReductionDb,
                stems, match);
    }
}
