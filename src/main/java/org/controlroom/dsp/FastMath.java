package org.controlroom.dsp;

/**
 * Logarithm and exponential approximations for the compressor's gain computer, several times faster
 * than {@link Math#log} and {@link Math#exp} and accurate to better than 0.0001 dB over the audio range.
 */
final class FastMath {

    private static final double DB_PER_LOG2 = 20 * Math.log10(2);   // 6.0206 dB per doubling
    private static final double LN2 = Math.log(2);
    private static final double SQRT2 = Math.sqrt(2);

    private FastMath() {
    }

    /** log2(x) for positive, finite, normal x (error below 1e-6). */
    static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3ff0_0000_0000_0000L);
        if (m > SQRT2) {
            m *= 0.5;
            exponent++;
        }
        // m in [0.707, 1.414]: log(m) = 2·atanh(t), t = (m − 1)/(m + 1), |t| ≤ 0.172
        double t = (m - 1) / (m + 1);
        double t2 = t * t;
        double ln = 2 * t * (1 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7))));
        return exponent + ln / LN2;
    }

    /** 2^y for |y| < 1000 (relative error below 1e-7). */
    static double exp2(double y) {
        double n = Math.rint(y);
        double z = (y - n) * LN2; // |z| <= 0.347
        double p = 1 + z * (1 + z * (1.0 / 2 + z * (1.0 / 6 + z * (1.0 / 24 + z * (1.0 / 120
                + z * (1.0 / 720 + z * (1.0 / 5040)))))));
        return p * Double.longBitsToDouble(((long) n + 1023) << 52);
    }

    /** Level in dB of a positive amplitude. */
    static double amplitudeToDb(double amplitude) {
        return DB_PER_LOG2 * log2(amplitude);
    }

    /** Level in dB of a positive power (mean square). */
    static double powerToDb(double power) {
        return DB_PER_LOG2 / 2 * log2(power);
    }

    /** Linear amplitude factor for a gain in dB (between about −3000 and +3000 dB). */
    static double dbToAmplitude(double db) {
        return exp2(db / DB_PER_LOG2);
    }
}
