package org.controlroom.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.controlroom.store.AssignmentRepository;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.ClassRepository;
import org.controlroom.store.GradebookRepository;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.MusicLibraryRepository;
import org.controlroom.store.ProgressRepository;
import org.controlroom.store.SessionRepository;
import org.controlroom.store.TutorRepository;

/** The learner database on SQLite, the embedded default: one file, its repositories sharing one connection. */
public final class SqliteStore implements LearnerStore {

    private final SqliteDatabase db;
    private final LearnerRepository learners;
    private final AttemptRepository attempts;
    private final ProgressRepository progress;
    private final SessionRepository sessions;
    private final MusicLibraryRepository music;
    private final TutorRepository tutor;
    private final ClassRepository classes;
    private final AssignmentRepository assignments;
    private final GradebookRepository gradebook;

    private SqliteStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.learners = new SqliteLearnerRepository(db, clock);
        this.attempts = new SqliteAttemptRepository(db);
        this.progress = new SqliteProgressRepository(db);
        this.sessions = new SqliteSessionRepository(db);
        this.music = new SqliteMusicLibraryRepository(db, clock);
        this.tutor = new SqliteTutorRepository(db);
        this.classes = new SqliteClassRepository(db, clock);
        this.assignments = new SqliteAssignmentRepository(db);
        this.gradebook = new SqliteGradebookRepository(db);
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
    public TutorRepository tutor() {
        return tutor;
    }

    @Override
    public ClassRepository classes() {
        return classes;
    }

    @Override
    public AssignmentRepository assignments() {
        return assignments;
    }

    @Override
    public GradebookRepository gradebook() {
        return gradebook;
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
