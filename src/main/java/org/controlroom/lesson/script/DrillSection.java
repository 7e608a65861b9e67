package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/**
 * An ear-training drill.
 *
 * @param choices        answer options in the exercise's unit (Hz, dB, pan position, ratio)
 * @param gainDb         eq-frequency: the boost (negative = cut)
 * @param q              eq-frequency / eq-gain: the band's Q
 * @param frequencyHz    eq-gain: the band's centre
 * @param thresholdDb    compression: the threshold
 * @param tolerance      error still counted right, in {@link DrillExercise#errorUnit()}
 * @param penaltyPerUnit points lost per unit of error (10 points a question)
 * @param targetSeconds  answers faster than this score full "speed"
 */
public record DrillSection(DrillExercise exercise, SoundSource source, int questions, double clipSeconds,
                           List<Double> choices, double gainDb, double q, Optional<Double> frequencyHz,
                           double thresholdDb, double tolerance, double penaltyPerUnit, double targetSeconds)
        implements LessonSection {
    public DrillSection {
        choices = List.copyOf(choices);
    }
}
