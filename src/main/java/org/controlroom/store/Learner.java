package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A learner: someone whose answers and progress Control Room keeps.
 *
 * @param createdAt when the learner was added; empty when the stored date cannot be read (a row written
 *                  by another program)
 * @param problem   what could not be read in the learner's row, in words for the user; empty when all was fine
 */
public record Learner(long id, String name, Optional<Instant> createdAt, Optional<String> problem) {

    public Learner(long id, String name, Instant createdAt) {
        this(id, name, Optional.of(createdAt), Optional.empty());
    }
}
