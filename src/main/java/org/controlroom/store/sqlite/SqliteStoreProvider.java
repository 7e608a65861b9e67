package org.controlroom.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreProvider;

/** Opens a learner database that is a file path: SQLite. */
public final class SqliteStoreProvider implements StoreProvider {

    @Override
    public boolean opens(Path location) {
        return true;
    }

    @Override
    public LearnerStore open(Path location, Duration busyTimeout, Clock clock) {
        return SqliteStore.open(location, busyTimeout, clock);
    }
}
