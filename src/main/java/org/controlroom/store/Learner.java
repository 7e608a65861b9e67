package org.controlroom.store;

import java.time.Instant;

/** A learner: someone whose answers and progress Control Room keeps. */
public record Learner(long id, String name, Instant createdAt) {
}
