package org.controlroom.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.controlroom.store.AttemptRepository;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.MusicLibraryRepository;
import org.controlroom.store.ProgressRepository;
import org.controlroom.store.SessionRepository;

/** The learner database on SQLite, the embedded default: one file, its repositories sharing one connection. */
public final class SqliteStore implements LearnerStore {

    private final SqliteDatabase db;
    private final LearnerRepository learners;
    private final AttemptRepository attempts;
    private final ProgressRepository progress;
    private final SessionRepository sessions;
    private final MusicLibraryRepository music;

    private SqliteStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.learners = new SqliteLearnerRepository(db, clock);
        this.attempts = new SqliteAttemptRepository(db);
        this.progress = new SqliteProgressRepository(db);
        this.sessions = new SqliteSessionRepository(db);
        this.music = new SqliteMusicLibraryRepository(db, clock);
    }

    public static SqliteStore open(Path file, Duration busyTimeout, Clock clock) {
        return new SqliteStore(SqliteDatabase.open(file, busyTimeout, clock), clock);
    }

    @Override
    public LearnerRepository learners() {
        return learners;
    }

    @Override
    public AttemptRepository attempts() {
        return attempts;
    }

    @Override
    public ProgressRepository progress() {
        return progress;
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public MusicLibraryRepository music() {
        return music;
    }

    @Override
    public Path file() {
        return db.file();
    }

    @Override
    public List<String> notices() {
        return db.notices();
    }

    SqliteDatabase database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
