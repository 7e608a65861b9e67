package org.controlroom.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The raw rows behind the gradebook: the attempts of some learners at some lessons, with their answers
 * counted. The gradebook itself ({@code lesson.tutor.Gradebook}) is computed from these.
 */
public interface GradebookRepository {

    /**
     * Every attempt (finished or not, replays included and marked) by these learners at these lessons,
     * oldest first. Attempts whose start time cannot be read are left out.
     */
    List<GradedAttempt> attempts(Collection<Long> learnerIds, Collection<String> lessonIds);

    /** The criteria breakdown stored with a finished attempt (JSON: a list of criteria with their measured numbers). */
    Optional<String> criteriaJson(long attemptId);
}
