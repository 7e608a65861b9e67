package org.controlroom.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The learner database with its repositories: what the app and the command line open. Callers see only
 * these interfaces; the database behind them (SQLite, the embedded default, in
 * {@code org.controlroom.store.sqlite}) is found through a {@link StoreProvider}, so another database can
 * join without touching a caller.
 */
public interface LearnerStore extends AutoCloseable {

    /** How long a database another program is writing is waited for. */
    Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    LearnerRepository learners();

    AttemptRepository attempts();

    ProgressRepository progress();

    SessionRepository sessions();

    /** Each learner's "My music": the files and folders they added. */
    MusicLibraryRepository music();

    /** The tutor profile: the PIN record and the wrong-PIN count. */
    TutorRepository tutor();

    /** The tutor's classes and their learners. */
    ClassRepository classes();

    /** Lessons assigned to classes and learners. */
    AssignmentRepository assignments();

    /** The attempts behind the gradebook. */
    GradebookRepository gradebook();

    /** Where the database is (for messages). */
    Path file();

    /** What opening did that the user should hear about (a damaged file set aside, a backup taken). */
    List<String> notices();

    @Override
    void close();

    static LearnerStore open(Path file) {
        return open(file, DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    /**
     * Opens (creating, repairing or upgrading as needed) the learner database at {@code file}.
     *
     * @throws StoreException when it cannot, with what failed, where, and what to do
     */
    static LearnerStore open(Path file, Duration busyTimeout, Clock clock) {
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, LearnerStore.class.getClassLoader())) {
            if (provider.opens(file)) {
                return provider.open(file, busyTimeout, clock);
            }
        }
        throw new StoreException("this build of Control Room has no database that can open " + file
                + "; reinstall Control Room");
    }
}
