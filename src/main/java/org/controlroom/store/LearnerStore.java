package org.controlroom.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The learner database with its repositories: what the app and the command line open. */
public final class LearnerStore implements AutoCloseable {

    private final Database db;
    private final LearnerRepository learners;
    private final AttemptRepository attempts;
    private final ProgressRepository progress;

    private LearnerStore(Database db, Clock clock) {
        this.db = db;
        this.learners = new LearnerRepository(db, clock);
        this.attempts = new AttemptRepository(db);
        this.progress = new ProgressRepository(db);
    }

    public static LearnerStore open(Path file) {
        return open(file, Database.DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    public static LearnerStore open(Path file, Duration busyTimeout, Clock clock) {
        return new LearnerStore(Database.open(file, busyTimeout, clock), clock);
    }

    public LearnerRepository learners() {
        return learners;
    }

    public AttemptRepository attempts() {
        return attempts;
    }

    public ProgressRepository progress() {
        return progress;
    }

    public Path file() {
        return db.file();
    }

    /** What opening did that the user should hear about (a damaged file set aside, a backup taken). */
    public List<String> notices() {
        return db.notices();
    }

    Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
