package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A tutor's class: a named group of learners that assignments can be given to.
 *
 * @param archivedAt when the class was archived (kept with its members and assignments, shown apart and
 *                   no longer on its learners' home); empty while it is active
 */
public record TutorClass(long id, String name, Instant createdAt, Optional<Instant> archivedAt) {

    public boolean archived() {
        return archivedAt.isPresent();
    }
}
