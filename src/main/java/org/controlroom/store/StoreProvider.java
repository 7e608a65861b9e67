package org.controlroom.store;

import java.time.Clock;
import java.time.Duration;

/**
 * One kind of learner database (SQLite, PostgreSQL), found by {@link LearnerStore#open} through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.controlroom.store.StoreProvider}), so the
 * {@code store} package does not depend on any implementation.
 */
public interface StoreProvider {

    /** Whether this provider opens the database named by {@code location}. */
    boolean opens(StoreLocation location);

    LearnerStore open(StoreLocation location, Duration busyTimeout, Clock clock);
}
