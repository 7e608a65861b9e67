package org.controlroom.dsp.meter;

/**
 * The programme figures of a piece of audio, as a loudness report states them: integrated loudness
 * (LUFS), loudness range (LU), true peak (dBTP), sample peak (dBFS), momentary and short-term maxima
 * (LUFS). Anything too quiet or too short to measure is negative infinity (the range is then 0).
 */
public record LoudnessSummary(double integratedLufs, double loudnessRangeLu, double truePeakDbtp,
        double samplePeakDbfs, double momentaryMaxLufs, double shortTermMaxLufs) {
}
