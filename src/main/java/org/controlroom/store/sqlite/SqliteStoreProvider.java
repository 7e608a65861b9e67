package org.controlroom.store.sqlite;

import java.time.Clock;
import java.time.Duration;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreLocation;
import org.controlroom.store.StoreProvider;

/** Opens a learner database that is a file path: SQLite. */
public final class SqliteStoreProvider implements StoreProvider {

    @Override
    public boolean opens(StoreLocation location) {
        return location instanceof StoreLocation.File;
    }

    @Override
    public LearnerStore open(StoreLocation location, Duration busyTimeout, Clock clock) {
        return SqliteStore.open(((StoreLocation.File) location).path(), busyTimeout, clock);
    }
}
