package org.controlroom.dsp.meter;

/**
 * A snapshot of a {@link LoudnessMeter}: loudness in LUFS, range in LU. Values that could not be
 * measured yet (window not full, all silence) are negative infinity; the range is then 0.
 */
public record LoudnessReading(double momentaryLufs, double shortTermLufs, double integratedLufs,
        double loudnessRangeLu, double momentaryMaxLufs, double shortTermMaxLufs) {
}
