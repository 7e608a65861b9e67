package org.controlroom.lesson.run;

import java.util.Optional;

/** What the learner is told after answering a step. */
public record Feedback(String message, Optional<Boolean> correct, Optional<Double> error,
                       Optional<String> errorUnit, double points, double maxPoints) {
}
