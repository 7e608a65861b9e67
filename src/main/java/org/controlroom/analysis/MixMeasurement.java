package org.controlroom.analysis;

import java.util.Map;

/**
 * What a rendered mix measures.
 *
 * @param trackLufs       each track's integrated loudness heard alone through its strip, fader and the
 *                        master (−∞ for a silent or muted track)
 * @param clippedSamples  samples at or beyond full scale (|x| ≥ 1) in the render
 * @param render          the mix as measured (for further analysis: its spectrum against a reference)
 */
public record MixMeasurement(double integratedLufs, double truePeakDbtp, double samplePeakDbfs, long clippedSamples,
                             Map<String, Double> trackLufs, double seconds, org.controlroom.dsp.AudioClip render) {
    public MixMeasurement {
        trackLufs = Map.copyOf(trackLufs);
    }

    /** A track's level relative to another's, in LU (dB of loudness). */
    public double relativeDb(String track, String anchor) {
        return trackLufs.get(track) - trackLufs.get(anchor);
    }
}
