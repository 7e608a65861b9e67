package org.controlroom.dsp.meter;

/**
 * 4× oversampling interpolator for true-peak measurement, per ITU-R BS.1770-4 Annex 2: the
 * published 48-tap FIR split into four 12-tap phases. One instance holds the history of ONE
 * channel; use one per channel.
 *
 * <p>For every input sample it computes the four interpolated points that lie 1/8, 3/8, 5/8 and
 * 7/8 of a sample period between two input samples, {@link #LATENCY_SAMPLES} samples back in time.
 * The filter is designed for 48 kHz input; at higher rates it still interpolates correctly (the
 * signal is simply more oversampled than needed).
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class TruePeakOversampler {

    /** Oversampling factor. */
    public static final int FACTOR = 4;

    /** Taps per phase. */
    public static final int TAPS = 12;

    /** How many input samples the interpolated points lag the newest input. */
    public static final int LATENCY_SAMPLES = 6;

    /** BS.1770-4 Annex 2, the four phases of the interpolating filter; index k weights x[n-k]. */
    private static final double[][] PHASES = {
            {0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000,
                    -0.0594482421875, 0.1373291015625, 0.9721679687500, -0.1022949218750,
                    0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500},
            {-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250,
                    -0.1665039062500, 0.4650878906250, 0.7797851562500, -0.2003173828125,
                    0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375},
            {-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000,
                    -0.2003173828125, 0.7797851562500, 0.4650878906250, -0.1665039062500,
                    0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875},
            {-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750,
                    -0.1022949218750, 0.9721679687500, 0.1373291015625, -0.0594482421875,
                    0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750}};

    /**
     * The interpolation filter of one phase (0..3): {@code point = sum of h[k] * x[n - k]}, k = 0..11.
     * A copy: callers that run the filter their own way (the master limiter, block-wise) use these.
     */
    public static double[] phaseCoefficients(int phase) {
        return PHASES[phase].clone();
    }

    /** History, written twice (at i and i + TAPS) so a window is always contiguous. */
    private final double[] history = new double[2 * TAPS];
    private int pos;

    /**
     * Pushes one input sample and writes the four interpolated points it completes into
     * {@code out[0..3]} (in time order).
     */
    public void interpolate(float sample, double[] out) {
        pos = pos == 0 ? TAPS - 1 : pos - 1;
        history[pos] = sample;
        history[pos + TAPS] = sample;
        // history[pos + k] == x[n - k]
        for (int p = 0; p < FACTOR; p++) {
            double[] h = PHASES[p];
            double acc = 0;
            for (int k = 0; k < TAPS; k++) {
                acc += h[k] * history[pos + k];
            }
            out[p] = acc;
        }
    }

    /**
     * Pushes one input sample and returns the largest magnitude among the four interpolated points
     * it completes and the input sample they surround (linear, full scale 1.0), so the true peak
     * never reads below the sample peak. The interpolated points lie 1/8 sample to either side of
     * the input samples, so a crest that falls exactly on a sample would otherwise read up to
     * 0.2 dB low at high frequencies.
     */
    public double nextPeak(float sample) {
        pos = pos == 0 ? TAPS - 1 : pos - 1;
        history[pos] = sample;
        history[pos + TAPS] = sample;
        int base = pos;
        // x[n - 5] lies between this step's last point and the next step's first
        double max = Math.abs(history[base + LATENCY_SAMPLES - 1]);
        for (int p = 0; p < FACTOR; p++) {
            double[] h = PHASES[p];
            double acc = 0;
            for (int k = 0; k < TAPS; k++) {
                acc += h[k] * history[base + k];
            }
            double a = Math.abs(acc);
            if (a > max) {
                max = a;
            }
        }
        return max;
    }

    /**
     * Feeds every {@code stride}-th sample of {@code samples} from {@code offset} ({@code frames}
     * of them: pass the channel index as part of the offset and the channel count as stride for
     * interleaved audio) and returns the largest interpolated magnitude among them.
     */
    public double nextPeak(float[] samples, int offset, int frames, int stride) {
        double max = 0;
        for (int i = 0, j = offset; i < frames; i++, j += stride) {
            double a = nextPeak(samples[j]);
            if (a > max) {
                max = a;
            }
        }
        return max;
    }

    /** Forgets the history (as if silence had been playing). */
    public void reset() {
        java.util.Arrays.fill(history, 0);
        pos = 0;
    }
}
