package org.controlroom.dsp;

/**
 * The RBJ Audio EQ Cookbook's closed-form responses, written out independently of the code under
 * test. The cookbook gives each filter as an analog prototype H(s) (s normalised to the centre or
 * corner frequency) and makes the digital filter with the bilinear transform pre-warped at that
 * frequency, so the digital response at f is the analog one at s = jΩ with
 * Ω = tan(πf/fs) / tan(πf0/fs). A = 10^(gain/40); for shelves 1/Q = √((A + 1/A)(1/S − 1) + 2).
 *
 * <pre>
 * LPF:       H(s) = 1 / (s² + s/Q + 1)
 * HPF:       H(s) = s² / (s² + s/Q + 1)
 * BPF:       H(s) = (s/Q) / (s² + s/Q + 1)          (constant 0 dB peak gain)
 * notch:     H(s) = (s² + 1) / (s² + s/Q + 1)
 * peakingEQ: H(s) = (s² + s·(A/Q) + 1) / (s² + s/(A·Q) + 1)
 * lowShelf:  H(s) = A · (s² + (√A/Q)·s + A) / (A·s² + (√A/Q)·s + 1)
 * highShelf: H(s) = A · (A·s² + (√A/Q)·s + 1) / (s² + (√A/Q)·s + A)
 * </pre>
 */
final class CookbookMagnitude {

    private CookbookMagnitude() {
    }

    /** |H| in dB at {@code hz} for a filter of {@code type} at {@code f0}; {@code qOrS} is S for shelves. */
    static double db(FilterType type, double fs, double f0, double gainDb, double qOrS, double hz) {
        double w = Math.tan(Math.PI * hz / fs) / Math.tan(Math.PI * f0 / fs);
        double a = Math.pow(10, gainDb / 40);
        double q = switch (type) {
            case LOW_SHELF, HIGH_SHELF -> 1 / Math.sqrt((a + 1 / a) * (1 / qOrS - 1) + 2);
            default -> qOrS;
        };
        // numerator n2·s² + n1·s + n0 over denominator d2·s² + d1·s + d0, times k
        double n2;
        double n1;
        double n0;
        double d2;
        double d1;
        double d0;
        double k = 1;
        switch (type) {
            case LOW_PASS -> {
                n2 = 0; n1 = 0; n0 = 1; d2 = 1; d1 = 1 / q; d0 = 1;
            }
            case HIGH_PASS -> {
                n2 = 1; n1 = 0; n0 = 0; d2 = 1; d1 = 1 / q; d0 = 1;
            }
            case BAND_PASS -> {
                n2 = 0; n1 = 1 / q; n0 = 0; d2 = 1; d1 = 1 / q; d0 = 1;
            }
            case NOTCH -> {
                n2 = 1; n1 = 0; n0 = 1; d2 = 1; d1 = 1 / q; d0 = 1;
            }
            case PEAK -> {
                n2 = 1; n1 = a / q; n0 = 1; d2 = 1; d1 = 1 / (a * q); d0 = 1;
            }
            case LOW_SHELF -> {
                k = a;
                n2 = 1; n1 = Math.sqrt(a) / q; n0 = a; d2 = a; d1 = Math.sqrt(a) / q; d0 = 1;
            }
            case HIGH_SHELF -> {
                k = a;
                n2 = a; n1 = Math.sqrt(a) / q; n0 = 1; d2 = 1; d1 = Math.sqrt(a) / q; d0 = a;
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
        // s = jw: s² = −w², so P(jw) = (p0 − p2·w²) + j·p1·w
        double nRe = n0 - n2 * w * w;
        double nIm = n1 * w;
        double dRe = d0 - d2 * w * w;
        double dIm = d1 * w;
        double mag2 = k * k * (nRe * nRe + nIm * nIm) / (dRe * dRe + dIm * dIm);
        return 10 * Math.log10(mag2);
    }

    /** The same for a band. */
    static double db(EqBand band, double fs, double hz) {
        return db(band.type(), fs, band.frequencyHz(), band.gainDb(), band.q(), hz);
    }
}
