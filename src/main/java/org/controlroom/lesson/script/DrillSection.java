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
 * @param excerptFromSeconds excerpts start no earlier than this in the source (0: its start)
 * @param excerptToSeconds   excerpts end no later than this (empty: the source's end)
 * @param allowMyMusic       the drill may play on an excerpt of the learner's own music instead of its source
 * @param adaptive           each question is asked at the level of the learner's staircase for the drill's
 *                           family (the boost size, the gain, level or pan step, the ratio step), which moves
 *                           as the learner answers
 * @param weakSpots          the bands (or settings) the learner has missed most are asked more often
 * @param options            the newer settings: band shape, several bands, "no change" trials, grid offset,
 *                           the staircase's axis, the compressor's other controls, a mix's stems
 */
public record DrillSection(DrillExercise exercise, SoundSource source, int questions, double clipSeconds,
                           List<Double> choices, double gainDb, double q, Optional<Double> frequencyHz,
                           double thresholdDb, double tolerance, double penaltyPerUnit, double targetSeconds,
                           double excerptFromSeconds, Optional<Double> excerptToSeconds, boolean allowMyMusic,
                           boolean adaptive, boolean weakSpots, DrillOptions options)
        implements LessonSection {
    public DrillSection {
        choices = List.copyOf(choices);
    }

    /** A drill without the newer settings. */
    public DrillSection(DrillExercise exercise, SoundSource source, int questions, double clipSeconds,
                        List<Double> choices, double gainDb, double q, Optional<Double> frequencyHz,
                        double thresholdDb, double tolerance, double penaltyPerUnit, double targetSeconds,
                        double excerptFromSeconds, Optional<Double> excerptToSeconds, boolean allowMyMusic,
                        boolean adaptive, boolean weakSpots) {
        this(exercise, source, questions, clipSeconds, choices, gainDb, q, frequencyHz, thresholdDb, tolerance,
                penaltyPerUnit, targetSeconds, excerptFromSeconds, excerptToSeconds, allowMyMusic, adaptive, weakSpots,
                DrillOptions.DEFAULTS);
    }

    /** The same drill with other newer settings. */
    public DrillSection with(DrillOptions other) {
        return new DrillSection(exercise, source, questions, clipSeconds, choices, gainDb, q, frequencyHz, thresholdDb,
                tolerance, penaltyPerUnit, targetSeconds, excerptFromSeconds, excerptToSeconds, allowMyMusic, adaptive,
                weakSpots, other);
    }

    /** A fixed (not adaptive) drill. */
    public DrillSection(DrillExercise exercise, SoundSource source, int questions, double clipSeconds,
                        List<Double> choices, double gainDb, double q, Optional<Double> frequencyHz,
                        double thresholdDb, double tolerance, double penaltyPerUnit, double targetSeconds,
                        double excerptFromSeconds, Optional<Double> excerptToSeconds, boolean allowMyMusic) {
        this(exercise, source, questions, clipSeconds, choices, gainDb, q, frequencyHz, thresholdDb, tolerance,
                penaltyPerUnit, targetSeconds, excerptFromSeconds, excerptToSeconds, allowMyMusic, false, false);
    }

    /** The same drill with the learner's own settings (practice mode): bands, gain, Q and number of questions. */
    public DrillSection practising(List<Double> ownChoices, double ownGainDb, double ownQ, int ownQuestions,
                                   boolean ownWeakSpots) {
        return new DrillSection(exercise, source, ownQuestions, clipSeconds, ownChoices, ownGainDb, ownQ, frequencyHz,
                thresholdDb, tolerance, penaltyPerUnit, targetSeconds, excerptFromSeconds, excerptToSeconds, allowMyMusic,
                false, ownWeakSpots, options);
    }

    /** A drill whose excerpts come from anywhere in its source, without "My music". */
    public DrillSection(DrillExercise exercise, SoundSource source, int questions, double clipSeconds,
                        List<Double> choices, double gainDb, double q, Optional<Double> frequencyHz,
                        double thresholdDb, double tolerance, double penaltyPerUnit, double targetSeconds) {
        this(exercise, source, questions, clipSeconds, choices, gainDb, q, frequencyHz, thresholdDb, tolerance,
                penaltyPerUnit, targetSeconds, 0, Optional.empty(), false);
    }

    /** The same drill played on another source (e.g. the learner's own music), from anywhere in it. */
    public DrillSection withSource(SoundSource other) {
        return new DrillSection(exercise, other, questions, clipSeconds, choices, gainDb, q, frequencyHz, thresholdDb,
                tolerance, penaltyPerUnit, targetSeconds, 0, Optional.empty(), allowMyMusic, adaptive, weakSpots, options);
    }
}
