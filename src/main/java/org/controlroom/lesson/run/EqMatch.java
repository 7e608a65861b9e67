package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.List;

import org.controlroom.analysis.SpectrumComparison;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;

/**
 * The sound and the measure of an eq-match answer. The learner's EQ shapes the question's B (undo: the
 * excerpt through the hidden EQ; copy: the excerpt as it is) to sound like its A (undo: the excerpt;
 * copy: the excerpt through the hidden EQ). The result is compared with A by their 1/3-octave spectra
 * (31.5 Hz–16 kHz, in dB), level-normalised: the mean band difference is taken out, so only the shape
 * counts ({@link SpectrumComparison}); the distance is the mean absolute band difference left, in dB.
 */
public final class EqMatch {

    /** The dials' limits (those of the mix console's EQ curve). */
    public static final double MIN_HZ = 20;
    public static final double MAX_HZ = 20000;
    public static final double MAX_GAIN_DB = 18;
    public static final double MIN_Q = 0.1;
    public static final double MAX_Q = 18;

    private static final int BLOCK = 1024;

    private EqMatch() {
    }

    /** The learner's bands as EQ bells. */
    public static List<EqBand> eq(List<Response.Band> bands) {
        List<EqBand> out = new ArrayList<>();
        for (Response.Band b : bands) {
            out.add(EqBand.of(FilterType.PEAK, b.hz(), b.gainDb(), b.q()));
        }
        return out;
    }

    /** Where the dials start: flat bells spread over the hidden EQ's range, Q 1.4. */
    public static List<Response.Band> start(int bands, double lowHz, double highHz) {
        List<Response.Band> out = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            double t = (i + 1.0) / (bands + 1);
            double hz = DrillPlay.threeFigures(lowHz * Math.pow(highHz / lowHz, t));
            out.add(new Response.Band(hz, 0, 1.4));
        }
        return out;
    }

    /** {@code input} through the learner's EQ (a new clip; {@code input} is left as it is). */
    public static AudioClip through(AudioClip input, List<Response.Band> bands) {
        AudioClip out = input.copy();
        ParametricEq eq = new ParametricEq(eq(bands));
        eq.prepare(out.sampleRate(), out.channels(), BLOCK);
        float[] s = out.samples();
        int step = BLOCK * out.channels();
        for (int i = 0; i < s.length; i += step) {
            eq.process(s, i, Math.min(step, s.length - i));
        }
        return out;
    }

    /** A clip's 1/3-octave spectrum. */
    public static List<SpectrumBand> spectrum(AudioClip clip) {
        return ThirdOctaveSpectrum.of(clip);
    }

    /** The level-normalised spectral distance between a result and its target, in dB. */
    public static double distanceDb(List<SpectrumBand> result, List<SpectrumBand> target) {
        return SpectrumComparison.of(result, target).distanceDb();
    }

    /** The level-normalised spectral distance between two clips, in dB (both measured here). */
    public static double distanceDb(AudioClip result, AudioClip target) {
        return distanceDb(spectrum(result), spectrum(target));
    }

    /** The error of a frequency, in octaves. */
    static double octaves(double given, double truth) {
        return Math.abs(Math.log(given / truth) / Math.log(2));
    }

    /**
     * Pairs each hidden band with one of the learner's (the pairing with the least total error in octaves,
     * so the order the bands were dialled in does not matter): {@code pairing[k]} is the learner's band for
     * hidden band {@code k}.
     */
    static int[] pairing(List<EqBand> hidden, List<Response.Band> given) {
        return Pairing.leastCost(hidden.size(), (a, t) -> octaves(given.get(a).hz(), hidden.get(t).frequencyHz()));
    }
}
