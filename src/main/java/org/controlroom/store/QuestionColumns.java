package org.controlroom.store;

/**
 * A drill question's parameters and the learner's response, kept in columns of their own (not only in
 * the question JSON) so that confusion and threshold queries are plain SQL. A parameter the question
 * does not have is {@code NaN} (stored as NULL).
 *
 * @param exercise    the exercise id ("eq-frequency", "eq-gain", "level", "pan", "compression", ...)
 * @param family      the drill family whose staircase the question belongs to (e.g. "eq-frequency/third-octave")
 * @param difficulty  the value on the family's difficulty axis the question was asked at (dB, ratio step, pan step)
 * @param truth       the right answer, in the exercise's unit
 * @param response    the learner's answer, in the same unit
 * @param listened    whether the learner played A and B (or the processed side) before answering
 * @param timed       whether the answer could score speed (heard, typed by the learner, not a replay)
 */
public record QuestionColumns(String exercise, String family, double difficulty, double truth, double response,
                              double bandHz, double gainDb, double q, double levelDb, double pan, double ratio,
                              double thresholdDb, double attackMs, double releaseMs, boolean listened, boolean timed) {
}
