package org.controlroom.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Assignments: lessons given to a class or a learner, with a due time and a pass mark. Each call is committed. */
public interface AssignmentRepository {

    /**
     * Stores an assignment for a class.
     *
     * @throws StoreException when there is no such class, or a pass mark is outside 0–100
     */
    Assignment assignToClass(long classId, List<String> lessonIds, Instant dueAt, OptionalDouble passMark,
                             Instant createdAt);

    /**
     * Stores an assignment for one learner.
     *
     * @throws StoreException when there is no such learner, or a pass mark is outside 0–100
     */
    Assignment assignToLearner(long learnerId, List<String> lessonIds, Instant dueAt, OptionalDouble passMark,
                               Instant createdAt);

    Optional<Assignment> find(long id);

    /** Every assignment, oldest first. */
    List<Assignment> list();

    /** The class's assignments, oldest first. */
    List<Assignment> forClass(long classId);

    /**
     * What a learner was given, oldest first: assignments to them and to every active (not archived) class
     * they are in.
     */
    List<Assignment> forLearner(long learnerId);

    /** Deletes an assignment (attempts stay); false when there was none. */
    boolean remove(long id);
}
