package org.controlroom.lesson.run;

import java.util.LinkedHashMap;
import java.util.Map;

import org.controlroom.lesson.script.DrillExercise;

/**
 * One drill question: what was done to the sound (the hidden answer and the fixed settings around
 * it) and which excerpt of the source it is heard on. {@code A} is the source as it is, {@code B} the
 * source with the change applied.
 *
 * @param number          1-based question number
 * @param answer          the true value, one of the drill's choices (Hz, dB, pan position or ratio)
 * @param gainDb          the EQ boost or cut for eq-frequency questions
 * @param q               the EQ band's Q
 * @param frequencyHz     the EQ band's centre for eq-gain questions (NaN otherwise)
 * @param thresholdDb     the compressor threshold for compression questions
 * @param excerptStart    where the excerpt starts in the source, in seconds
 * @param excerptSeconds  how long the excerpt is
 */
public record DrillQuestion(int number, DrillExercise exercise, double answer, double gainDb, double q,
                            double frequencyHz, double thresholdDb, double excerptStart, double excerptSeconds) {

    /** The question's parameters as stored with the answer (without the answer itself hidden: tutors see it). */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exercise", exercise.id());
        m.put("answer", answer);
        switch (exercise) {
            case EQ_FREQUENCY -> {
                m.put("gain_db", gainDb);
                m.put("q", q);
            }
            case EQ_GAIN -> {
                m.put("frequency_hz", frequencyHz);
                m.put("q", q);
            }
            case COMPRESSION -> m.put("threshold_db", thresholdDb);
            default -> {
            }
        }
        m.put("excerpt_start_s", excerptStart);
        m.put("excerpt_s", excerptSeconds);
        return m;
    }
}
