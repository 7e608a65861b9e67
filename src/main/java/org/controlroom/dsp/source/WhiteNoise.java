package org.controlroom.dsp.source;

import java.util.SplittableRandom;

/**
 * Seeded Gaussian white noise at a given RMS level in dBFS (0 dBFS RMS = the RMS of a full-scale
 * square wave). Flat power per Hz; samples are not clipped.
 */
public final class WhiteNoise implements SignalSource {

    private final long seed;
    private final double rms;
    private SplittableRandom random;

    public WhiteNoise(long seed, double rmsDbfs) {
        if (Double.isNaN(rmsDbfs) || rmsDbfs > 0) {
            throw new IllegalArgumentException("noise level must be at most 0 dBFS RMS, was " + rmsDbfs);
        }
        this.seed = seed;
        this.rms = Math.pow(10, rmsDbfs / 20);
    }

    @Override
    public void start(double sampleRate) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        random = new SplittableRandom(seed);
    }

    @Override
    public void fill(float[] out, int offset, int frames) {
        if (random == null) {
            throw new IllegalStateException("call start(sampleRate) before fill(...)");
        }
        for (int i = 0; i < frames; i++) {
            out[offset + i] = (float) (rms * random.nextGaussian());
        }
    }
}
