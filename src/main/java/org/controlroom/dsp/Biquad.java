package org.controlroom.dsp;

import java.util.Objects;

/**
 * One second-order filter over interleaved audio of any channel count (transposed direct form II,
 * double-precision state). Coefficients change at once, without smoothing: for a smoothed,
 * multi-band EQ use {@link ParametricEq}. Good for analysis filters and reference measurements.
 */
public final class Biquad extends DspProcessor {

    private volatile BiquadCoefficients coefficients;
    private double[] state = new double[0];
    private int channels = 1;

    public Biquad(BiquadCoefficients coefficients) {
        this.coefficients = Objects.requireNonNull(coefficients, "coefficients");
    }

    public void setCoefficients(BiquadCoefficients coefficients) {
        this.coefficients = Objects.requireNonNull(coefficients, "coefficients");
    }

    public BiquadCoefficients coefficients() {
        return coefficients;
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        this.channels = channels;
        this.state = new double[2 * channels];
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(state, 0);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        BiquadCoefficients c = coefficients;
        double b0 = c.b0();
        double b1 = c.b1();
        double b2 = c.b2();
        double a1 = c.a1();
        double a2 = c.a2();
        int end = offset + length;
        for (int ch = 0; ch < channels; ch++) {
            double s1 = state[2 * ch];
            double s2 = state[2 * ch + 1];
            for (int i = offset + ch; i < end; i += channels) {
                double x = samples[i];
                double y = b0 * x + s1;
                s1 = b1 * x - a1 * y + s2;
                s2 = b2 * x - a2 * y;
                samples[i] = (float) y;
            }
            state[2 * ch] = s1;
            state[2 * ch + 1] = s2;
        }
    }
}
