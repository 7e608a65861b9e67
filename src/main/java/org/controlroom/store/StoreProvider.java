package org.controlroom.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One kind of learner database (SQLite; PostgreSQL later), found by {@link LearnerStore#open} through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.controlroom.store.StoreProvider}), so the
 * {@code store} package does not depend on any implementation.
 */
public interface StoreProvider {

    /** Whether this provider opens the database named by {@code location}. */
    boolean opens(Path location);

    LearnerStore open(Path location, Duration busyTimeout, Clock clock);
}
