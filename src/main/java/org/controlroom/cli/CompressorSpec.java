package org.controlroom.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --comp threshold=DB,ratio=R,attack=MS,release=MS,knee=DB,makeup=DB} argument of
 * {@code render}, checked. Settings left out take the defaults below.
 */
public record CompressorSpec(double thresholdDb, double ratio, double attackMs, double releaseMs,
                             double kneeDb, double makeupDb) {

    public static final double DEFAULT_THRESHOLD_DB = -18;
    public static final double DEFAULT_RATIO = 4;
    public static final double DEFAULT_ATTACK_MS = 10;
    public static final double DEFAULT_RELEASE_MS = 100;
    public static final double DEFAULT_KNEE_DB = 6;
    public static final double DEFAULT_MAKEUP_DB = 0;

    static final List<String> KEYS = List.of("threshold", "ratio", "attack", "release", "knee", "makeup");

    /** Parses and checks the comma-separated settings. */
    public static CompressorSpec parse(String arg) {
        Map<String, Double> v = new LinkedHashMap<>();
        if (arg.isBlank()) {
            throw bad("no settings given; e.g. --comp threshold=-18,ratio=4");
        }
        for (String pair : arg.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw bad("\"" + pair + "\" should be KEY=VALUE, e.g. ratio=4");
            }
            String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String text = pair.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw bad("unknown setting \"" + pair.substring(0, eq).strip() + "\"; use "
                        + String.join(", ", KEYS));
            }
            if (v.containsKey(key)) {
                throw bad(key + " is given twice");
            }
            v.put(key, number(key, text));
        }
        CompressorSpec spec = new CompressorSpec(
                v.getOrDefault("threshold", DEFAULT_THRESHOLD_DB),
                v.getOrDefault("ratio", DEFAULT_RATIO),
                v.getOrDefault("attack", DEFAULT_ATTACK_MS),
                v.getOrDefault("release", DEFAULT_RELEASE_MS),
                v.getOrDefault("knee", DEFAULT_KNEE_DB),
                v.getOrDefault("makeup", DEFAULT_MAKEUP_DB));
        spec.check();
        return spec;
    }

    private void check() {
        range("threshold", thresholdDb, -100, 0, " dB");
        if (ratio < 1) {
            throw bad("ratio must be at least 1 (1 means no compression), was " + CliNumbers.fmt(ratio));
        }
        range("ratio", ratio, 1, 100, "");
        range("attack", attackMs, 0, 1000, " ms");
        if (!(releaseMs > 0)) {
            throw bad("release must be greater than 0 ms, was " + CliNumbers.fmt(releaseMs));
        }
        range("release", releaseMs, 0, 10000, " ms");
        range("knee", kneeDb, 0, 48, " dB");
        range("makeup", makeupDb, -48, 48, " dB");
    }

    private static void range(String key, double value, double min, double max, String unit) {
        if (value < min || value > max) {
            throw bad(key + " must be between " + CliNumbers.fmt(min) + " and " + CliNumbers.fmt(max) + unit
                    + ", was " + CliNumbers.fmt(value));
        }
    }

    private static double number(String key, String text) {
        return CliNumbers.parse(text).orElseThrow(() -> bad(key + " \"" + text + "\" is not a number"));
    }

    private static UserInputException bad(String problem) {
        return new UserInputException("--comp: " + problem);
    }
}
