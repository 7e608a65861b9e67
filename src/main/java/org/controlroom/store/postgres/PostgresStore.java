package org.controlroom.store.postgres;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.controlroom.store.StoreLocation;
import org.controlroom.store.jdbc.JdbcStore;

/** The learner database on a classroom's PostgreSQL server: the shared repositories on one connection. */
public final class PostgresStore extends JdbcStore {

    private final PostgresDatabase db;

    private PostgresStore(PostgresDatabase db, Clock clock) {
        super(db, clock);
        this.db = db;
    }

    public static PostgresStore open(StoreLocation.Server server, Duration retryFor, Clock clock) {
        return open(server, retryFor, clock, System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", ""));
    }

    static PostgresStore open(StoreLocation.Server server, Duration retryFor, Clock clock, Map<String, String> env,
                              Path home, String osName) {
        PgPass.Found password = PgPass.lookup(server, env, home, osName);
        return new PostgresStore(PostgresDatabase.open(server, password, retryFor), clock);
    }

    /** The file beside the app's data that keeps answers the server could not take yet. */
    @Override
    public Path file() {
        return db.server().localFolder().resolve("outbox.db");
    }

    @Override
    public List<String> notices() {
        return db.notices();
    }

    @Override
    public PostgresDatabase database() {
        return db;
    }
}
