package org.controlroom.cli;

import java.util.List;
import java.util.Locale;

/**
 * One {@code --eq TYPE:FREQ_HZ:GAIN_DB:Q} argument of {@code render}, checked. For shelves the
 * last field is the shelf slope S (RBJ cookbook); for lowpass, highpass, notch and bandpass the
 * gain is ignored but must still be a number.
 *
 * @param type        one of {@link #TYPES}
 * @param frequencyHz centre or corner frequency
 * @param gainDb      boost (positive) or cut (negative)
 * @param q           Q, or the slope S for shelves
 */
public record EqBandSpec(String type, double frequencyHz, double gainDb, double q) {

    /** The EQ types of DESIGN.md, as typed on the command line. */
    public static final List<String> TYPES =
            List.of("peak", "lowshelf", "highshelf", "lowpass", "highpass", "notch", "bandpass");

    static final double MAX_GAIN_DB = 48;
    static final double MAX_Q = 100;

    /** Parses and checks one band; the message of any problem quotes the argument. */
    public static EqBandSpec parse(String arg) {
        String[] parts = arg.split(":", -1);
        if (parts.length != 4) {
            throw bad(arg, "expected TYPE:FREQ_HZ:GAIN_DB:Q with 4 fields, e.g. peak:1000:6:1");
        }
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw bad(arg, "unknown EQ type \"" + parts[0] + "\"; use one of " + String.join(", ", TYPES));
        }
        double freq = number(arg, parts[1], "frequency", "Hz");
        double gain = number(arg, parts[2], "gain", "dB");
        boolean shelf = type.endsWith("shelf");
        double q = number(arg, parts[3], shelf ? "slope S" : "Q", "");
        if (!(freq > 0)) {
            throw bad(arg, "frequency must be above 0 Hz, was " + parts[1].strip());
        }
        if (Math.abs(gain) > MAX_GAIN_DB) {
            throw bad(arg, "gain must be between -" + (int) MAX_GAIN_DB + " and " + (int) MAX_GAIN_DB
                    + " dB, was " + parts[2].strip());
        }
        if (!(q > 0)) {
            throw bad(arg, (shelf ? "slope S" : "Q") + " must be greater than 0, was " + parts[3].strip());
        }
        if (q > MAX_Q) {
            throw bad(arg, (shelf ? "slope S" : "Q") + " must be at most " + (int) MAX_Q + ", was "
                    + parts[3].strip());
        }
        return new EqBandSpec(type, freq, gain, q);
    }

    /** Checks the frequency against the input's sample rate (below Nyquist). */
    public void checkFrequencyBelowNyquist(double sampleRate, String inputName) {
        double nyquist = sampleRate / 2;
        if (frequencyHz >= nyquist) {
            throw new UserInputException("--eq " + this + ": frequency " + fmt(frequencyHz)
                    + " Hz must be below " + fmt(nyquist) + " Hz (half the sample rate of " + inputName + ")");
        }
    }

    /** The band as typed: {@code peak:1000:6:1}. */
    @Override
    public String toString() {
        return type + ":" + fmt(frequencyHz) + ":" + fmt(gainDb) + ":" + fmt(q);
    }

    private static double number(String arg, String text, String what, String unit) {
        return CliNumbers.parse(text).orElseThrow(() -> bad(arg, what + " \"" + text + "\" is not a number"
                + (unit.isEmpty() ? "" : " (" + unit + ")")));
    }

    private static UserInputException bad(String arg, String problem) {
        return new UserInputException("--eq " + arg + ": " + problem);
    }

    private static String fmt(double v) {
        return CliNumbers.fmt(v);
    }
}
