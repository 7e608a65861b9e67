package org.controlroom.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Lessons a tutor assigned to a class or to one learner.
 *
 * @param lessonIds the lessons, in the order given (one or more)
 * @param classId   the class it was given to, or empty
 * @param learnerId the learner it was given to, or empty (exactly one of the two is present)
 * @param dueAt     the moment it is due: work finished at or after it is late
 * @param passMark  the score (0–100) each lesson must reach; empty: each lesson's own pass mark
 */
public record Assignment(long id, List<String> lessonIds, Optional<Long> classId, Optional<Long> learnerId,
                         Instant dueAt, OptionalDouble passMark, Instant createdAt) {

    public Assignment {
        lessonIds = List.copyOf(lessonIds);
        if (lessonIds.isEmpty()) {
            throw new IllegalArgumentException("an assignment needs at least one lesson");
        }
        if (classId.isPresent() == learnerId.isPresent()) {
            throw new IllegalArgumentException("an assignment is for a class or for a learner");
        }
    }
}
