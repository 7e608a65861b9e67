package org.controlroom.store.postgres;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;

import org.controlroom.store.StoreLocation;
import org.controlroom.store.jdbc.JdbcAttemptRepository;
import org.controlroom.store.jdbc.JdbcStore;

/** The learner database on a classroom's PostgreSQL server: the shared repositories on one connection. */
public final class PostgresStore extends JdbcStore {

    /** The outbox's file name, in the app's data folder. */
    static final String OUTBOX = "outbox.db";

    private final PostgresDatabase db;
    private final ServerAttempts attempts;
    private final Outbox outbox;
    private final List<String> notices = new ArrayList<>();

    private PostgresStore(PostgresDatabase db, Outbox outbox, ServerAttempts attempts, Clock clock) {
        super(db, clock, attempts);
        this.db = db;
        this.outbox = outbox;
        this.attempts = attempts;
        notices.addAll(db.notices());
        int[] waiting = outbox.pending();
        if (waiting[0] + waiting[1] > 0) {
            notices.add(attempts.send()
                    ? waiting[0] + " answers kept on this computer while the classroom server was unreachable were sent"
                    + " to it."
                    : attempts.status().orElse(""));
        }
    }

    public static PostgresStore open(StoreLocation.Server server, Duration retryFor, Clock clock) {
        return open(server, retryFor, clock, System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", ""));
    }

    static PostgresStore open(StoreLocation.Server server, Duration retryFor, Clock clock, Map<String, String> env,
                              Path home, String osName) {
        PgPass.Found password = PgPass.lookup(server, env, home, osName);
        PostgresDatabase db = PostgresDatabase.open(server, password, retryFor);
        Outbox outbox;
        try {
            outbox = Outbox.open(server.localFolder().resolve(OUTBOX), server.url());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new PostgresStore(db, outbox, new ServerAttempts(new JdbcAttemptRepository(db), outbox, server.url()), clock);
    }

    /** The file beside the app's data that keeps answers the server could not take yet. */
    @Override
    public Path file() {
        return outbox.file();
    }

    @Override
    public List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public Optional<String> status() {
        return attempts.status();
    }

    /** Sends the answers kept on this computer now; whether none waits any more. */
    public boolean sendKeptAnswers() {
        return attempts.send();
    }

    @Override
    public void close() {
        attempts.close();
        outbox.close();
        super.close();
    }

    @Override
    public PostgresDatabase database() {
        return db;
    }
}
