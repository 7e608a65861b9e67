package org.controlroom.lesson.script;

import java.util.Arrays;
import java.util.Optional;

/** What an ear-training drill asks; answers and errors are in the exercise's own unit. */
public enum DrillExercise {
    EQ_FREQUENCY("eq-frequency", "octaves", 5, 20, 20000),
    EQ_GAIN("eq-gain", "dB", 2, -24, 24),
    LEVEL("level", "dB", 2, -24, 24),
    PAN("pan", "pan", 10, -1, 1),
    COMPRESSION("compression", "ratio", 2, 1, 30);

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

    /** The unit of the answer choices themselves: "Hz", "dB", "pan" or "ratio". */
    public String choiceUnit() {
        return this == EQ_FREQUENCY ? "Hz" : errorUnit;
    }

    public static Optional<DrillExercise> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
