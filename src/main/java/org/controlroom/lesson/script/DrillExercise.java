package org.controlroom.lesson.script;

import java.util.Arrays;
import java.util.Optional;

/** What an ear-training drill asks; answers and errors are in the exercise's own unit. */
public enum DrillExercise {
    EQ_FREQUENCY("eq-frequency", "octaves", 5, 20, 20000),
    EQ_GAIN("eq-gain", "dB", 2, -24, 24),
    LEVEL("level", "dB", 2, -24, 24),
    PAN("pan", "pan", 10, -1, 1),
    COMPRESSION("compression", "ratio", 2, 1, 30),
    /** Was the band boosted or cut (or left alone)? Choices +1 boost, -1 cut (0: no change). */
    EQ_BOOST_CUT("eq-boost-cut", "choices", 10, -1, 1),
    /** Was the band wide or narrow? Choices are the band's Q. */
    EQ_Q("eq-q", "choices", 10, 0.1, 20),
    /** How deep does the compressor dig? Choices are the gain reduction in dB (the drop in RMS level). */
    COMPRESSION_DEPTH("compression-threshold", "dB", 2, 0.5, 30),
    /** Attack fast or slow? Choices in ms. */
    COMPRESSION_ATTACK("compression-attack", "choices", 10, 0.1, 500),
    /** Release fast or slow? Choices in ms. */
    COMPRESSION_RELEASE("compression-release", "choices", 10, 5, 5000),
    /** Which track of a mix moved, and by how many dB? Choices are the dB steps; every stem is offered with each. */
    MIX_LEVEL("mix-level", "dB", 2, -24, 24),
    /** Narrower or wider? Choices are the side-signal factor (1: the width as it is). */
    WIDTH("width", "choices", 10, 0, 3),
    /**
     * Dial frequency, gain and Q of 1–3 bands to undo or copy a hidden EQ (continuous controls, no choices);
     * the error is in octaves (and in dB for the gain, see {@link MatchSettings}).
     */
    EQ_MATCH("eq-match", "octaves", 6, 20, 20000);

    private final String id;
    private final String errorUnit;
    private final double defaultPenaltyPerUnit;
    private final double minChoice;
    private final double maxChoice;

    DrillExercise(String id, String errorUnit, double defaultPenaltyPerUnit, double minChoice, double maxChoice) {
        this.id = id;
        this.errorUnit = errorUnit;
        this.defaultPenaltyPerUnit = defaultPenaltyPerUnit;
        this.minChoice = minChoice;
        this.maxChoice = maxChoice;
    }

    public String id() {
        return id;
    }

    /** The unit an answer's error is measured in: "octaves", "dB", "pan" or "ratio". */
    public String errorUnit() {
        return errorUnit;
    }

    /** Points lost per unit of error when the script gives no {@code penalty_per_unit}. */
    public double defaultPenaltyPerUnit() {
        return defaultPenaltyPerUnit;
    }

    /** Smallest allowed answer choice (Hz, dB, pan position or ratio). */
    public double minChoice() {
        return minChoice;
    }

    /** Largest allowed answer choice. */
    public double maxChoice() {
        return maxChoice;
    }

    /** The unit of the answer choices themselves: "Hz", "dB", "pan", "ratio", "Q", "ms" or "x". */
    public String choiceUnit() {
        return switch (this) {
            case EQ_FREQUENCY -> "Hz";
            case EQ_BOOST_CUT -> "+1 boost / -1 cut";
            case EQ_Q -> "Q";
            case COMPRESSION_ATTACK, COMPRESSION_RELEASE -> "ms";
            case WIDTH -> "x";
            default -> errorUnit;
        };
    }

    /** Whether the exercise is about a compressor (its lessons start with an explore step). */
    public boolean compression() {
        return this == COMPRESSION || this == COMPRESSION_DEPTH || this == COMPRESSION_ATTACK
                || this == COMPRESSION_RELEASE;
    }

    /** Whether the exercise is about an EQ band (its feedback draws the curve). */
    public boolean eq() {
        return this == EQ_FREQUENCY || this == EQ_GAIN || this == EQ_BOOST_CUT || this == EQ_Q;
    }

    /** Whether the learner dials the answer (frequency, gain and Q of each band) instead of choosing it. */
    public boolean dialled() {
        return this == EQ_MATCH;
    }

    /** Whether A and B are played at the same loudness (level is not what is asked). */
    public boolean matchLoudness() {
        return this != LEVEL && this != PAN && this != MIX_LEVEL && this != EQ_GAIN;
    }

    /** The answer that means "no change" (B is A), for exercises that may offer it. */
    public java.util.OptionalDouble noChangeValue() {
        return switch (this) {
            case EQ_FREQUENCY, EQ_BOOST_CUT -> java.util.OptionalDouble.of(0);
            case WIDTH -> java.util.OptionalDouble.of(1);
            default -> java.util.OptionalDouble.empty();
        };
    }

    public static Optional<DrillExercise> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
