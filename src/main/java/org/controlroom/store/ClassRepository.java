package org.controlroom.store;

import java.util.List;
import java.util.Optional;

/**
 * Classes and their learners. Names are unique regardless of case ({@link ClassNames}). Each call is one
 * committed transaction.
 */
public interface ClassRepository {

    /**
     * Creates a class.
     *
     * @throws StoreException when the name is not allowed or another class has it
     */
    TutorClass add(String name);

    /** The class with this name (any case), archived or not. */
    Optional<TutorClass> findByName(String name);

    /** Every class, active and archived, by name. */
    List<TutorClass> list();

    /**
     * Renames a class; its learners and assignments stay.
     *
     * @throws StoreException when there is no such class or the new name is not allowed or taken
     */
    TutorClass rename(String name, String newName);

    /**
     * Archives a class (or, with {@code archived} false, makes it active again). Members and assignments
     * are kept; an archived class's assignments leave its learners' home.
     *
     * @throws StoreException when there is no such class
     */
    TutorClass setArchived(String name, boolean archived);

    /**
     * Puts a learner in a class.
     *
     * @return false when the learner was in it already
     * @throws StoreException when there is no such class or learner
     */
    boolean addLearner(long classId, long learnerId);

    /**
     * Takes a learner out of a class (their attempts stay theirs).
     *
     * @return false when the learner was not in it
     */
    boolean removeLearner(long classId, long learnerId);

    /** The class's learners, by name. */
    List<Learner> members(long classId);

    /** The classes a learner is in, by name. */
    List<TutorClass> classesOf(long learnerId);
}
