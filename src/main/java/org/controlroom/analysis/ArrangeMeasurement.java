package org.controlroom.analysis;

import java.util.List;

import org.controlroom.dsp.AudioClip;

/**
 * What a rendered arrangement measures.
 *
 * @param shortTermLufs the short-term loudness curve (BS.1770, 3 s window), one point every
 *                      {@code stepSeconds} (point k: the 3 s ending at (k + 1) · step); −∞ where silent
 * @param sectionLufs   each placed section's integrated loudness (BS.1770 gating over its span), in play order
 * @param render        the arrangement as measured
 */
public record ArrangeMeasurement(double seconds, double stepSeconds, List<Double> shortTermLufs,
                                 List<Double> sectionLufs, double integratedLufs, AudioClip render) {
    public ArrangeMeasurement {
        shortTermLufs = List.copyOf(shortTermLufs);
        sectionLufs = List.copyOf(sectionLufs);
    }
}
