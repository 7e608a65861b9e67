package org.controlroom.store.jdbc;

import java.time.Clock;

import org.controlroom.store.AssignmentRepository;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.ClassRepository;
import org.controlroom.store.GradebookRepository;
import org.controlroom.store.TutorRepository;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.MusicLibraryRepository;
import org.controlroom.store.ProgressRepository;
import org.controlroom.store.SessionRepository;

/**
 * The learner store on a JDBC database: the shared repositories over one {@link SqlDatabase}. SQLite
 * and PostgreSQL run the same repositories; only connecting, error messages and the {@link Dialect} differ.
 */
public abstract class JdbcStore implements LearnerStore {

    private final SqlDatabase db;
    private final LearnerRepository learners;
    private final AttemptRepository attempts;
    private final ProgressRepository progress;
    private final SessionRepository sessions;
    private final MusicLibraryRepository music;
    private final TutorRepository tutor;
    private final ClassRepository classes;
    private final AssignmentRepository assignments;
    private final GradebookRepository gradebook;
    private final org.controlroom.store.CareerRepository careers;

    protected JdbcStore(SqlDatabase db, Clock clock) {
        this(db, clock, new JdbcAttemptRepository(db));
    }

    /** With {@code attempts} in place of the shared repository (the server's keeps answers it cannot send). */
    protected JdbcStore(SqlDatabase db, Clock clock, AttemptRepository attempts) {
        this.db = db;
        this.learners = new JdbcLearnerRepository(db, clock);
        this.attempts = attempts;
        this.progress = new JdbcProgressRepository(db);
        this.sessions = new JdbcSessionRepository(db);
        this.music = new JdbcMusicLibraryRepository(db, clock);
        this.tutor = new JdbcTutorRepository(db);
        this.classes = new JdbcClassRepository(db, clock);
        this.assignments = new JdbcAssignmentRepository(db);
        this.gradebook = new JdbcGradebookRepository(db);
        this.careers = new JdbcCareerRepository(db, clock);
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
    public org.controlroom.store.CareerRepository careers() {
        return careers;
    }

    @Override
    public String where() {
        return db.where();
    }

    public SqlDatabase database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
