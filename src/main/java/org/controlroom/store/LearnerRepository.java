package org.controlroom.store;

import java.util.List;
import java.util.Optional;

/**
 * Adds and finds learners. A name is stored as {@link LearnerNames#clean its clean form} (Unicode NFC,
 * trimmed), so the precomposed and the decomposed spelling of "Émile" are one learner, and names are
 * unique regardless of case.
 */
public interface LearnerRepository {

    int MAX_NAME_LENGTH = LearnerNames.MAX_LENGTH;

    /**
     * Adds a learner.
     *
     * @throws StoreException when the name has no visible character, is too long, holds control
     *                        characters, or is already taken
     */
    Learner add(String name);

    /** The learner with this name (spelled in any Unicode form, any case), if there is one. */
    Optional<Learner> findByName(String name);

    /**
     * Every learner, by name. A row this build cannot fully read (a date written by another program)
     * is still listed: its {@link Learner#createdAt()} is empty and {@link Learner#problem()} says why.
     */
    List<Learner> list();

    /**
     * Renames a learner; their attempts, progress, sessions and music stay theirs.
     *
     * @throws StoreException when there is no such learner, or the new name is not allowed or is taken by
     *                        another learner (a change of case or spelling of one's own name is allowed)
     */
    Learner rename(String name, String newName);

    /**
     * Removes a learner with everything stored for them (attempts, answers, progress, sessions, music
     * list), in one transaction. Export first ({@link AttemptRepository#history}, {@link AttemptRepository#answers})
     * to keep the attempts.
     *
     * @throws StoreException when there is no such learner
     */
    void remove(String name);
}
