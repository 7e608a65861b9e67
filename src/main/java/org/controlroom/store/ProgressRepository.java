package org.controlroom.store;

/**
 * Reads a learner's progress: the query behind the progress view and {@code progress}.
 *
 * <p>XP, passes and best scores count only attempts at lesson content the catalogue holds: the caller
 * passes the catalogue's {@link LessonHashes}, and an attempt at any other content (an edited copy of a
 * lesson with the same id) earns nothing. Attempts stored before content hashes were kept count for any
 * lesson id the catalogue holds, and the XP a learner had then is kept.
 */
public interface ProgressRepository {

    LearnerProgress progress(Learner learner, LessonHashes catalogue);
}
