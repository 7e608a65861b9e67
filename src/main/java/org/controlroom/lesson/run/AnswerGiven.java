package org.controlroom.lesson.run;

import java.util.Optional;

/**
 * One answer, with everything a tutor or the progress view needs: the question's parameters and the
 * response (as JSON), right or wrong, the error in its unit, how long it took and how often the
 * learner listened to A and B.
 */
public record AnswerGiven(int step, String questionJson, String responseJson, Optional<Boolean> correct,
                          Optional<Double> error, Optional<String> errorUnit, long responseMillis,
                          int playsA, int playsB, double points, double maxPoints,
                          Optional<org.controlroom.store.QuestionColumns> columns) {

    public AnswerGiven(int step, String questionJson, String responseJson, Optional<Boolean> correct,
                       Optional<Double> error, Optional<String> errorUnit, long responseMillis,
                       int playsA, int playsB, double points, double maxPoints) {
        this(step, questionJson, responseJson, correct, error, errorUnit, responseMillis, playsA, playsB, points,
                maxPoints, Optional.empty());
    }
}
