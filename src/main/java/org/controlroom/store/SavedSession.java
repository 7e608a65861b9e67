package org.controlroom.store;

import java.time.Instant;

/**
 * A saved session in progress.
 *
 * @param lessonHash the content hash of the lesson the session was made on (a changed lesson file shows
 *                   as a different hash: the session is kept and reported, not dropped)
 * @param planYaml   the session as a plan file (DESIGN.md, "Sessions and plans")
 */
public record SavedSession(long learnerId, String lessonId, String lessonHash, String planYaml, Instant savedAt) {
}
