package org.controlroom.store;

/** A learner's standing on one lesson: best score, whether it was ever passed, how many attempts finished. */
public record LessonResult(String lessonId, double bestScore, boolean passed, int attempts) {
}
