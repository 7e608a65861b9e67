package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored answer: the question's parameters and the response as JSON, right or wrong (when the
 * question has a right answer), the error in its unit ("dB", "octaves", "cents", ...), the time taken,
 * how often A and B were played, the points won of those possible, and for drill questions their
 * parameters and the response in columns.
 */
public record AnswerRecord(int step, String questionJson, String responseJson, Optional<Boolean> correct,
                           Optional<Double> error, Optional<String> errorUnit, long responseMillis, int playsA,
                           int playsB, double points, double maxPoints, Instant answeredAt,
                           Optional<QuestionColumns> columns) {

    /** An answer without drill question columns (a decision, a session). */
    public AnswerRecord(int step, String questionJson, String responseJson, Optional<Boolean> correct,
                        Optional<Double> error, Optional<String> errorUnit, long responseMillis, int playsA,
                        int playsB, double points, double maxPoints, Instant answeredAt) {
        this(step, questionJson, responseJson, correct, error, errorUnit, responseMillis, playsA, playsB, points,
                maxPoints, answeredAt, Optional.empty());
    }
}
