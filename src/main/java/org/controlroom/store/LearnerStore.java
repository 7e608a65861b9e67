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

    /** Each learner's career log (career mode). */
    CareerRepository careers();

    /**
     * The local file: the database itself (SQLite), or for a server the file beside the app's data that
     * keeps answers the server could not take yet.
     */
    Path file();

    /** Where the database is, for messages: its file, or the server's URL (never with a password). */
    default String where() {
        return file().toString();
    }

    /**
     * What the user should know about the store right now, beyond a failed call: for a server, that it is
     * unreachable and how many answers are kept on this computer to be sent when it is back.
     */
    default java.util.Optional<String> status() {
        return java.util.Optional.empty();
    }

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
        return open(new StoreLocation.File(file), busyTimeout, clock);
    }

    static LearnerStore open(StoreLocation location) {
        return open(location, DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    /**
     * Opens the learner database at {@code location}: a file, or a server (connecting, and creating or
     * upgrading its schema as needed).
     *
     * @throws StoreException when it cannot, with what failed, where, and what to do
     */
    static LearnerStore open(StoreLocation location, Duration busyTimeout, Clock clock) {
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, LearnerStore.class.getClassLoader())) {
            if (provider.opens(location)) {
                return provider.open(location, busyTimeout, clock);
            }
        }
        throw new StoreException("this build of Control Room has no database that can open " + location.describe()
                + "; reinstall Control Room");
    }
}
