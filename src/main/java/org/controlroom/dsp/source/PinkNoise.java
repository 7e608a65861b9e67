package org.controlroom.dsp.source;

import java.util.SplittableRandom;

/**
 * Seeded pink noise (power falling 3 dB per octave: equal power in every 1/3-octave band) at a given
 * RMS level in dBFS. Gaussian white noise is shaped by Paul Kellet's refined filter (six one-pole
 * sections plus a direct path), accurate to about ±0.05 dB of the 1/f slope above ~10 Hz.
 */
public final class PinkNoise implements SignalSource {

    private static final double[] POLES = {0.99886, 0.99332, 0.96900, 0.86650, 0.55000, -0.7616};
    private static final double[] GAINS = {0.0555179, 0.0750759, 0.1538520, 0.3104856, 0.5329522, -0.0168980};
    private static final double DIRECT = 0.5362;
    private static final double DELAYED = 0.115926;
    /** RMS of the filter's output for unit-RMS white input (from its impulse response). */
    private static final double FILTER_RMS = filterRms();

    private final long seed;
    private final double gain;
    private SplittableRandom random;
    private final double[] state = new double[POLES.length];
    private double delayed;

    public PinkNoise(long seed, double rmsDbfs) {
        if (Double.isNaN(rmsDbfs) || rmsDbfs > 0) {
            throw new IllegalArgumentException("noise level must be at most 0 dBFS RMS, was " + rmsDbfs);
        }
        this.seed = seed;
        this.gain = Math.pow(10, rmsDbfs / 20) / FILTER_RMS;
    }

    private static double filterRms() {
        double[] h = GAINS.clone();
        double energy = 0;
        for (int n = 0; n < 200_000; n++) {
            double sample = n == 0 ? DIRECT : n == 1 ? DELAYED : 0;
            for (int k = 0; k < h.length; k++) {
                sample += h[k];
                h[k] *= POLES[k];
            }
            energy += sample * sample;
        }
        return Math.sqrt(energy);
    }

    @Override
    public void start(double sampleRate) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        random = new SplittableRandom(seed);
        java.util.Arrays.fill(state, 0);
        delayed = 0;
        // let the slowest section settle so the level is right from the first sample
        for (int i = 0; i < 8192; i++) {
            next();
        }
    }

    private double next() {
        double white = random.nextGaussian();
        double sum = 0;
        for (int k = 0; k < POLES.length; k++) {
            state[k] = POLES[k] * state[k] + GAINS[k] * white;
            sum += state[k];
        }
        double pink = sum + delayed + DIRECT * white;
        delayed = DELAYED * white;
        return pink;
    }

    @Override
    public void fill(float[] out, int offset, int frames) {
        if (random == null) {
            throw new IllegalStateException("call start(sampleRate) before fill(...)");
        }
        for (int i = 0; i < frames; i++) {
            out[offset + i] = (float) (gain * next());
        }
    }
}
