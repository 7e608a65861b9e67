package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One of a learner's attempts as lists show it (home's recent results, the streak, an export).
 *
 * @param finishedAt empty for an attempt left unfinished
 * @param score      0–100, empty while unfinished
 */
public record AttemptSummary(long id, String lessonId, Instant startedAt, Optional<Instant> finishedAt,
                             Optional<Double> score, boolean passed, int xpEarned) {
}
