package org.controlroom.dsp;

/**
 * The filter shapes of the RBJ Audio EQ Cookbook that the EQ offers. Shelves take a slope S as
 * their last parameter; the others take Q. Only peak and shelves use the gain.
 */
public enum FilterType {
    /** Bell boost or cut around the centre frequency. */
    PEAK("peak"),
    /** Boosts or cuts everything below the corner frequency. */
    LOW_SHELF("lowshelf"),
    /** Boosts or cuts everything above the corner frequency. */
    HIGH_SHELF("highshelf"),
    /** 12 dB/octave low-pass (high cut). */
    LOW_PASS("lowpass"),
    /** 12 dB/octave high-pass (low cut). */
    HIGH_PASS("highpass"),
    /** Narrow cut at the centre frequency. */
    NOTCH("notch"),
    /** Band-pass with a constant 0 dB peak gain. */
    BAND_PASS("bandpass");

    private final String cliName;

    FilterType(String cliName) {
        this.cliName = cliName;
    }

    /** The name as typed on the command line and in lesson files, e.g. {@code lowshelf}. */
    public String cliName() {
        return cliName;
    }

    /** True for the types whose gain matters (peak and the two shelves). */
    public boolean usesGain() {
        return this == PEAK || this == LOW_SHELF || this == HIGH_SHELF;
    }

    /** True for the shelves, whose last parameter is the slope S rather than Q. */
    public boolean isShelf() {
        return this == LOW_SHELF || this == HIGH_SHELF;
    }

    /** The type for a command-line name such as {@code peak} or {@code highpass} (case-insensitive). */
    public static FilterType fromCliName(String name) {
        for (FilterType t : values()) {
            if (t.cliName.equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown filter type \"" + name
                + "\"; use peak, lowshelf, highshelf, lowpass, highpass, notch or bandpass");
    }
}
