package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt as the gradebook reads it: what the attempts table says, with its answers counted.
 *
 * @param lessonHash   the lesson content played ("" when not recorded)
 * @param finishedAt   empty while unfinished
 * @param score        0–100, empty while unfinished
 * @param replay       a {@code --seed} replay: shown, never counted
 * @param answers      how many answers were stored
 * @param answerMillis the answers' response times added up
 * @param lastAnswerAt when the last answer was given (empty with none)
 */
public record GradedAttempt(long attemptId, long learnerId, String lessonId, String lessonHash, Instant startedAt,
                            Optional<Instant> finishedAt, Optional<Double> score, boolean passed, boolean replay,
                            int answers, long answerMillis, Optional<Instant> lastAnswerAt) {
}
