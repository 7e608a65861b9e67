package org.controlroom.lesson.script;

/**
 * The settings of an {@code eq-match} drill: the learner dials frequency, gain and Q of 1–3 bands to undo
 * or copy a hidden EQ.
 *
 * @param mode         {@code undo} (B is the excerpt through the hidden EQ; dial it back to A) or {@code copy}
 *                     (A is the excerpt through the hidden EQ; dial B, the excerpt as it is, to sound like it)
 * @param toleranceDb  a band's gain error still counted right, in dB
 * @param penaltyPerDb points (of a question's 10, shared among its bands) lost per dB of gain error beyond it
 * @param lowHz        the hidden bands' centres lie between {@code lowHz} and {@code highHz} (log-uniform)
 * @param highHz       see {@code lowHz}
 * @param minGainDb    the hidden gains' smallest size; their largest is the drill's {@code gain_db}
 * @param minQ         the hidden bands' Q lies between {@code minQ} and {@code maxQ} (the drill's {@code q}
 *                     both, unless {@code q_range} says otherwise)
 * @param maxQ         see {@code minQ}
 */
public record MatchSettings(String mode, double toleranceDb, double penaltyPerDb, double lowHz, double highHz,
                            double minGainDb, double minQ, double maxQ) {

    public static final java.util.List<String> MODES = java.util.List.of("undo", "copy");
    /** Older drills have no match settings; these are never read for them. */
    public static final MatchSettings DEFAULTS = new MatchSettings("undo", 1, 1, 100, 8000, 3, 1.4, 1.4);

    public boolean undo() {
        return mode.equals("undo");
    }
}
