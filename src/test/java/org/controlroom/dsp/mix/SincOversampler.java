package org.controlroom.dsp.mix;

/**
 * An independent true-peak measurement for tests: band-limited interpolation by a Blackman-windowed
 * sinc, computed here from its formula (nothing from the code under test) at {@code factor}
 * points per sample. x(t) = Σ x[m]·sinc(t − m)·w((t − m)/HALF_WIDTH) over the nearest 2·HALF_WIDTH
 * samples.
 */
final class SincOversampler {

    static final int HALF_WIDTH = 48;

    private SincOversampler() {
    }

    /** The largest |x(t)| over frames [fromFrame, end − HALF_WIDTH) of every channel, in dBTP. */
    static double truePeakDb(float[] interleaved, int channels, int fromFrame, int factor) {
        int frames = interleaved.length / channels;
        // weights[k][j]: the kernel at t = n + k/factor for sample m = n − HALF_WIDTH + 1 + j
        double[][] weights = new double[factor][2 * HALF_WIDTH];
        for (int k = 0; k < factor; k++) {
            for (int j = 0; j < 2 * HALF_WIDTH; j++) {
                double d = k / (double) factor + HALF_WIDTH - 1 - j;
                weights[k][j] = sinc(d) * blackman(d / HALF_WIDTH);
            }
        }
        double max = 0;
        for (int c = 0; c < channels; c++) {
            for (int n = Math.max(fromFrame, HALF_WIDTH); n < frames - HALF_WIDTH; n++) {
                int first = n - HALF_WIDTH + 1;
                for (int k = 0; k < factor; k++) {
                    double[] w = weights[k];
                    double sum = 0;
                    for (int j = 0; j < w.length; j++) {
                        sum += interleaved[(first + j) * channels + c] * w[j];
                    }
                    max = Math.max(max, Math.abs(sum));
                }
            }
        }
        return 20 * Math.log10(max);
    }

    private static double sinc(double d) {
        return d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
    }

    /** Blackman window on [-1, 1]. */
    private static double blackman(double u) {
        if (Math.abs(u) >= 1) {
            return 0;
        }
        double p = Math.PI * (u + 1);
        return 0.42 - 0.5 * Math.cos(p) + 0.08 * Math.cos(2 * p);
    }
}
