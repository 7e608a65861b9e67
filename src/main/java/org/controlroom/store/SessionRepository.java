package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Sessions in progress: the learner's work on a mix, arrange or takes lesson, saved as its plan (YAML)
 * while the learner edits, so a crash or a closed window resumes where the learner was. One saved
 * session per learner and lesson; each call is one committed transaction.
 */
public interface SessionRepository {

    /** Saves (inserting or replacing) the learner's session for a lesson; committed before this returns. */
    void save(long learnerId, String lessonId, String lessonHash, String planYaml, Instant savedAt);

    /** The learner's saved session for a lesson, if any. */
    Optional<SavedSession> find(long learnerId, String lessonId);

    /** Forgets the learner's saved session for a lesson (after a submit, or when the learner starts over). */
    void delete(long learnerId, String lessonId);
}
