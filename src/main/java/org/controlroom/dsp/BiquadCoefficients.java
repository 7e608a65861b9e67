package org.controlroom.dsp;

/**
 * Normalised second-order filter coefficients (a0 = 1) for
 * {@code y[n] = b0·x[n] + b1·x[n-1] + b2·x[n-2] − a1·y[n-1] − a2·y[n-2]}, computed in double
 * precision with the formulas of Robert Bristow-Johnson's Audio EQ Cookbook.
 */
public record BiquadCoefficients(double b0, double b1, double b2, double a1, double a2) {

    /** The filter that passes everything unchanged. */
    public static final BiquadCoefficients IDENTITY = new BiquadCoefficients(1, 0, 0, 0, 0);

    /** Peaking EQ (bell): {@code gainDb} at {@code frequencyHz}, bandwidth set by {@code q}. */
    public static BiquadCoefficients peak(double sampleRate, double frequencyHz, double gainDb, double q) {
        return of(FilterType.PEAK, sampleRate, frequencyHz, gainDb, q);
    }

    /** Low shelf: {@code gainDb} below {@code frequencyHz} (the mid-point of the slope), slope S. */
    public static BiquadCoefficients lowShelf(double sampleRate, double frequencyHz, double gainDb, double slope) {
        return of(FilterType.LOW_SHELF, sampleRate, frequencyHz, gainDb, slope);
    }

    /** High shelf: {@code gainDb} above {@code frequencyHz} (the mid-point of the slope), slope S. */
    public static BiquadCoefficients highShelf(double sampleRate, double frequencyHz, double gainDb, double slope) {
        return of(FilterType.HIGH_SHELF, sampleRate, frequencyHz, gainDb, slope);
    }

    /** Low-pass (high cut) with corner {@code frequencyHz}; Q 0.7071 is Butterworth. */
    public static BiquadCoefficients lowPass(double sampleRate, double frequencyHz, double q) {
        return of(FilterType.LOW_PASS, sampleRate, frequencyHz, 0, q);
    }

    /** High-pass (low cut) with corner {@code frequencyHz}; Q 0.7071 is Butterworth. */
    public static BiquadCoefficients highPass(double sampleRate, double frequencyHz, double q) {
        return of(FilterType.HIGH_PASS, sampleRate, frequencyHz, 0, q);
    }

    /** Notch at {@code frequencyHz}. */
    public static BiquadCoefficients notch(double sampleRate, double frequencyHz, double q) {
        return of(FilterType.NOTCH, sampleRate, frequencyHz, 0, q);
    }

    /** Band-pass around {@code frequencyHz} with 0 dB at the peak. */
    public static BiquadCoefficients bandPass(double sampleRate, double frequencyHz, double q) {
        return of(FilterType.BAND_PASS, sampleRate, frequencyHz, 0, q);
    }

    /**
     * Coefficients for any type. {@code qOrSlope} is Q, or the slope S for shelves;
     * {@code gainDb} is ignored by the types that have no gain.
     *
     * @throws IllegalArgumentException if the sample rate is not positive, the frequency is not
     *                                  between 0 and half the sample rate (both excluded), Q/S is not
     *                                  above 0, or the gain is not a finite number
     */
    public static BiquadCoefficients of(FilterType type, double sampleRate, double frequencyHz, double gainDb,
                                        double qOrSlope) {
        double[] c = new double[5];
        into(type, sampleRate, frequencyHz, gainDb, qOrSlope, c, 0);
        return new BiquadCoefficients(c[0], c[1], c[2], c[3], c[4]);
    }

    /**
     * The same coefficients as {@link #of}, written as b0 b1 b2 a1 a2 into {@code out} from
     * {@code at}: for the audio thread, which must not allocate while a setting glides.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static void into(FilterType type, double sampleRate, double frequencyHz, double gainDb,
                            double qOrSlope, double[] out, int at) {
        check(type, sampleRate, frequencyHz, gainDb, qOrSlope);
        double w0 = 2 * Math.PI * frequencyHz / sampleRate;
        double cos = Math.cos(w0);
        double sin = Math.sin(w0);
        double a = Math.pow(10, gainDb / 40);
        double alpha = type.isShelf()
                ? sin / 2 * Math.sqrt(Math.max(0, (a + 1 / a) * (1 / qOrSlope - 1) + 2))
                : sin / (2 * qOrSlope);
        double b0;
        double b1;
        double b2;
        double a0;
        double a1;
        double a2;
        switch (type) {
            case PEAK -> {
                b0 = 1 + alpha * a;
                b1 = -2 * cos;
                b2 = 1 - alpha * a;
                a0 = 1 + alpha / a;
                a1 = -2 * cos;
                a2 = 1 - alpha / a;
            }
            case LOW_SHELF -> {
                double r = 2 * Math.sqrt(a) * alpha;
                b0 = a * ((a + 1) - (a - 1) * cos + r);
                b1 = 2 * a * ((a - 1) - (a + 1) * cos);
                b2 = a * ((a + 1) - (a - 1) * cos - r);
                a0 = (a + 1) + (a - 1) * cos + r;
                a1 = -2 * ((a - 1) + (a + 1) * cos);
                a2 = (a + 1) + (a - 1) * cos - r;
            }
            case HIGH_SHELF -> {
                double r = 2 * Math.sqrt(a) * alpha;
                b0 = a * ((a + 1) + (a - 1) * cos + r);
                b1 = -2 * a * ((a - 1) + (a + 1) * cos);
                b2 = a * ((a + 1) + (a - 1) * cos - r);
                a0 = (a + 1) - (a - 1) * cos + r;
                a1 = 2 * ((a - 1) - (a + 1) * cos);
                a2 = (a + 1) - (a - 1) * cos - r;
            }
            case LOW_PASS -> {
                b0 = (1 - cos) / 2;
                b1 = 1 - cos;
                b2 = (1 - cos) / 2;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
            case HIGH_PASS -> {
                b0 = (1 + cos) / 2;
                b1 = -(1 + cos);
                b2 = (1 + cos) / 2;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
            case NOTCH -> {
                b0 = 1;
                b1 = -2 * cos;
                b2 = 1;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
            case BAND_PASS -> {
                b0 = alpha;
                b1 = 0;
                b2 = -alpha;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
            default -> throw new IllegalStateException("unhandled filter type " + type);
        }
        out[at] = b0 / a0;
        out[at + 1] = b1 / a0;
        out[at + 2] = b2 / a0;
        out[at + 3] = a1 / a0;
        out[at + 4] = a2 / a0;
    }

    private static void check(FilterType type, double sampleRate, double frequencyHz, double gainDb, double qOrSlope) {
        if (type == null) {
            throw new IllegalArgumentException("filter type is missing");
        }
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate + " Hz");
        }
        if (!(frequencyHz > 0 && frequencyHz < sampleRate / 2)) {
            throw new IllegalArgumentException(type.cliName() + " frequency must be above 0 Hz and below "
                    + sampleRate / 2 + " Hz (half the sample rate), was " + frequencyHz + " Hz");
        }
        String qName = type.isShelf() ? "slope S" : "Q";
        if (!(qOrSlope > 0) || Double.isInfinite(qOrSlope)) {
            throw new IllegalArgumentException(type.cliName() + " " + qName + " must be above 0, was " + qOrSlope);
        }
        if (!Double.isFinite(gainDb)) {
            throw new IllegalArgumentException(type.cliName() + " gain must be a number of dB, was " + gainDb);
        }
    }

    /** The analytic magnitude response at {@code hz} for sample rate {@code sampleRate}, in dB. */
    public double magnitudeDb(double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = -(a1 * s1 + a2 * s2);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** True if the poles lie inside the unit circle. */
    public boolean isStable() {
        return Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2;
    }
}
