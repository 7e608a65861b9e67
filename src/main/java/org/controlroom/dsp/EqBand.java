package org.controlroom.dsp;

import java.util.Objects;

/**
 * One band of a {@link ParametricEq}: its shape, frequency, gain, Q (the slope S for shelves) and
 * whether it is switched in. Immutable; the {@code with…} methods return changed copies.
 */
public record EqBand(FilterType type, double frequencyHz, double gainDb, double q, boolean enabled) {

    public EqBand {
        Objects.requireNonNull(type, "type");
        if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
            throw new IllegalArgumentException(type.cliName() + " band frequency must be above 0 Hz, was "
                    + frequencyHz + " Hz");
        }
        if (!Double.isFinite(gainDb)) {
            throw new IllegalArgumentException(type.cliName() + " band gain must be a number of dB, was " + gainDb);
        }
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException(type.cliName() + " band " + (type.isShelf() ? "slope S" : "Q")
                    + " must be above 0, was " + q);
        }
    }

    /** An enabled band. */
    public static EqBand of(FilterType type, double frequencyHz, double gainDb, double q) {
        return new EqBand(type, frequencyHz, gainDb, q, true);
    }

    /** A flat bell at 1 kHz, Q 1: the default of a new EQ band. */
    public static EqBand flat() {
        return of(FilterType.PEAK, 1000, 0, 1);
    }

    public EqBand withType(FilterType newType) {
        return new EqBand(newType, frequencyHz, gainDb, q, enabled);
    }

    public EqBand withFrequency(double hz) {
        return new EqBand(type, hz, gainDb, q, enabled);
    }

    public EqBand withGain(double db) {
        return new EqBand(type, frequencyHz, db, q, enabled);
    }

    public EqBand withQ(double newQ) {
        return new EqBand(type, frequencyHz, gainDb, newQ, enabled);
    }

    public EqBand withEnabled(boolean on) {
        return new EqBand(type, frequencyHz, gainDb, q, on);
    }

    /**
     * The band's coefficients at {@code sampleRate}. A frequency at or above half the sample rate
     * is pulled just below it, so a band set for 48 kHz still works on a 32 kHz file.
     */
    public BiquadCoefficients coefficients(double sampleRate) {
        return BiquadCoefficients.of(type, sampleRate, Math.min(frequencyHz, ParametricEq.MAX_FRACTION_OF_RATE * sampleRate),
                gainDb, q);
    }
}
