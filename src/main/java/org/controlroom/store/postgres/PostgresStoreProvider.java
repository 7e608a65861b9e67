package org.controlroom.store.postgres;

import java.time.Clock;
import java.time.Duration;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreLocation;
import org.controlroom.store.StoreProvider;

/** Opens a learner database that is a {@code postgresql://} URL: a classroom server. */
public final class PostgresStoreProvider implements StoreProvider {

    @Override
    public boolean opens(StoreLocation location) {
        return location instanceof StoreLocation.Server;
    }

    @Override
    public LearnerStore open(StoreLocation location, Duration busyTimeout, Clock clock) {
        return PostgresStore.open((StoreLocation.Server) location, busyTimeout, clock);
    }
}
