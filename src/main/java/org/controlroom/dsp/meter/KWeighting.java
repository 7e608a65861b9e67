package org.controlroom.dsp.meter;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf pre-filter (+4 dB above about 1.7 kHz, the
 * acoustic effect of the head) followed by the RLB high-pass (about 38 Hz). Both stages are
 * biquads derived from their analog prototypes with the bilinear transform, so any sample rate
 * works; at 48 kHz they reproduce the coefficient tables printed in the Recommendation.
 */
public final class KWeighting {

    /** Normalised biquad coefficients (a0 = 1): y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2. */
    public record Coefficients(double b0, double b1, double b2, double a1, double a2) {
    }

    // Analog prototype of the pre-filter (shelf) and of the RLB high-pass.
    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double SHELF_BAND_EXPONENT = 0.4996667741545416;
    private static final double HIGH_PASS_HZ = 38.13547087602444;
    private static final double HIGH_PASS_Q = 0.5003270373238773;

    private KWeighting() {
    }

    /** Stage 1, the high-shelf pre-filter, at sample rate {@code fs}. */
    public static Coefficients preFilter(double fs) {
        requireRate(fs);
        double k = Math.tan(Math.PI * SHELF_HZ / fs);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_BAND_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        return new Coefficients(
                (vh + vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - vh) / a0,
                (vh - vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - 1) / a0,
                (1 - k / SHELF_Q + k * k) / a0);
    }

    /**
     * Stage 2, the RLB high-pass, at sample rate {@code fs}. As in the Recommendation's table the
     * numerator is (1, -2, 1), not rescaled.
     */
    public static Coefficients rlbHighPass(double fs) {
        requireRate(fs);
        double k = Math.tan(Math.PI * HIGH_PASS_HZ / fs);
        double a0 = 1 + k / HIGH_PASS_Q + k * k;
        return new Coefficients(1, -2, 1,
                2 * (k * k - 1) / a0,
                (1 - k / HIGH_PASS_Q + k * k) / a0);
    }

    private static void requireRate(double fs) {
        if (!(fs > 2 * SHELF_HZ) || Double.isInfinite(fs)) {
            throw new IllegalArgumentException("K-weighting needs a sample rate above "
                    + Math.round(2 * SHELF_HZ) + " Hz, was " + fs);
        }
    }
}
