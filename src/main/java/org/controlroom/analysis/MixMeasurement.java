package org.controlroom.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.SpectrumBand;

/**
 * What a rendered mix measures.
 *
 * @param clippedSamples        samples at or beyond full scale (|x| ≥ 1, or not finite) in the render, after the limiter
 * @param clippedBeforeLimiter  the same count on the master after its fader and before the limiter
 * @param tracks                each track as it reaches the master, in track order
 * @param spectrum              the mix's long-term 1/3-octave spectrum
 * @param render                the mix as measured
 */
public record MixMeasurement(double integratedLufs, double loudnessRangeLu, double shortTermMaxLufs,
                             double truePeakDbtp, double samplePeakDbfs, long clippedSamples, long clippedBeforeLimiter,
                             Map<String, TrackMeasurement> tracks, List<SpectrumBand> spectrum, double seconds,
                             AudioClip render) {
    public MixMeasurement {
        tracks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tracks));
        spectrum = List.copyOf(spectrum);
    }

    /** Each track's integrated loudness heard alone (−∞ for a silent or muted track). */
    public Map<String, Double> trackLufs() {
        Map<String, Double> m = new LinkedHashMap<>();
        tracks.forEach((n, t) -> m.put(n, t.integratedLufs()));
        return m;
    }

    public TrackMeasurement track(String name) {
        TrackMeasurement t = tracks.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no track '" + name + "' in this mix");
        }
        return t;
    }

    /** A track's level relative to another's, in LU (dB of loudness). */
    public double relativeDb(String track, String anchor) {
        return track(track).integratedLufs() - track(anchor).integratedLufs();
    }
}
