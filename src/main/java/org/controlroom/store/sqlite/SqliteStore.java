package org.controlroom.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.controlroom.store.jdbc.JdbcStore;

/** The learner database on SQLite, the embedded default: one file, the shared repositories on one connection. */
public final class SqliteStore extends JdbcStore {

    private final SqliteDatabase db;

    private SqliteStore(SqliteDatabase db, Clock clock) {
        super(db, clock);
        this.db = db;
    }

    public static SqliteStore open(Path file, Duration busyTimeout, Clock clock) {
        return new SqliteStore(SqliteDatabase.open(file, busyTimeout, clock), clock);
    }

    @Override
    public Path file() {
        return db.file();
    }

    @Override
    public List<String> notices() {
        return db.notices();
    }

    @Override
    public SqliteDatabase database() {
        return db;
    }
}
