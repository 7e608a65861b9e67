package org.controlroom.store.postgres;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import org.controlroom.store.StoreException;
import org.controlroom.store.StoreLocation;
import org.controlroom.store.jdbc.Dialect;
import org.controlroom.store.jdbc.Schema;
import org.controlroom.store.jdbc.SqlDatabase;

/**
 * The learner database on a PostgreSQL server (a classroom's): the same schema and migrations as the
 * SQLite file, its version in the table {@code control_room_schema} (also the mark that the database is
 * Control Room's), migrated under an advisory lock so two copies starting at once migrate it once.
 *
 * <p>Every call commits before it returns (the server's default {@code synchronous_commit}). A lost or
 * refused connection is retried on a new one, with a doubling pause, for as long as the busy timeout
 * allows; the work is then done again, so every write that can be repeated says so in its SQL (answers
 * and attempts carry a client key inserted with {@code ON CONFLICT DO NOTHING}).
 */
final class PostgresDatabase extends SqlDatabase {

    /** The advisory lock key migrations are run under: "CtRm". */
    private static final long MIGRATION_LOCK = Schema.APPLICATION_ID;
    private static final long FIRST_PAUSE_MS = 50;
    private static final long LONGEST_PAUSE_MS = 1000;

    private final StoreLocation.Server server;
    private final PgPass.Found password;
    private final long retryMs;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private final List<String> notices = new java.util.ArrayList<>();

    private PostgresDatabase(StoreLocation.Server server, PgPass.Found password, Duration retryFor) {
        this.server = server;
        this.password = password;
        this.retryMs = Math.max(0, retryFor.toMillis());
    }

    /**
     * Connects, creating or upgrading the schema as needed.
     *
     * @throws StoreException when it cannot: the server unreachable past {@code retryFor}, a wrong password,
     *                        no such database, another program's tables, a schema newer than this build
     */
    static PostgresDatabase open(StoreLocation.Server server, PgPass.Found password, Duration retryFor) {
        PostgresDatabase db = new PostgresDatabase(server, password, retryFor);
        try {
            db.call("open the learner database", db::prepareSchema);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private Void prepareSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
        try {
            int version = version(c);
            if (version > Schema.latest()) {
                throw new StoreException("the learner database on the classroom server " + server.url() + " was written"
                        + " by a newer Control Room (schema v" + version + "; this version knows up to v" + Schema.latest()
                        + "); update Control Room on this computer. Nothing was changed.");
            }
            if (version < Schema.latest()) {
                Schema.migrate(c, version, Schema.latest(), Dialect.POSTGRESQL);
                if (version > 0) {
                    notices.add("The learner database on the classroom server " + server.url() + " was upgraded from"
                            + " schema v" + version + " to v" + Schema.latest() + " (back the server up with pg_dump"
                            + " before upgrading Control Room).");
                }
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
        return null;
    }

    /** The schema version; 0 for an empty schema; refuses one holding another program's tables. */
    private int version(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.contains("control_room_schema")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM control_room_schema")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (!tables.isEmpty()) {
            List<String> shown = tables.stream().limit(5).toList();
            throw new StoreException("the database " + server.url() + " holds another program's tables ("
                    + String.join(", ", shown) + (tables.size() > shown.size() ? ", …" : "") + ") and not Control Room's,"
                    + " so Control Room left it untouched; give Control Room a database (or schema) of its own");
        }
        return 0;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        for (Map.Entry<String, String> o : server.options().entrySet()) {
            p.setProperty(o.getKey(), o.getValue());
        }
        p.setProperty("user", server.user());
        password.password().ifPresent(pw -> p.setProperty("password", pw));
        p.putIfAbsent("ApplicationName", "Control Room");
        p.putIfAbsent("connectTimeout", "5");
        p.putIfAbsent("loginTimeout", "10");
        p.putIfAbsent("socketTimeout", "30");
        p.putIfAbsent("tcpKeepAlive", "true");
        String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + server.port() + "/"
                + URLEncoder.encode(server.database(), StandardCharsets.UTF_8), p);
    }

    @Override
    public <T> T call(String action, SqlWork<T> work) {
        lock.lock();
        try {
            long start = System.nanoTime();
            long pause = FIRST_PAUSE_MS;
            while (true) {
                try {
                    if (connection == null) {
                        connection = connect();
                    }
                    return work.run(connection);
                } catch (SQLException e) {
                    if (!PostgresErrors.connectionLost(e)) {
                        throw PostgresErrors.from(e, server, password.source(), action);
                    }
                    drop();
                    long waited = (System.nanoTime() - start) / 1_000_000;
                    if (waited + pause > retryMs) {
                        throw PostgresErrors.unreachable(server, e, waited);
                    }
                    sleep(pause);
                    pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T transaction(String action, SqlWork<T> work) {
        return call(action, c -> inTransaction(c, work));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the classroom server", e);
        }
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is already gone: that is the news
            }
            connection = null;
        }
    }

    List<String> notices() {
        return List.copyOf(notices);
    }

    StoreLocation.Server server() {
        return server;
    }

    @Override
    public String where() {
        return server.url();
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public int schemaVersion() {
        return call("read the schema version", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MAX(version) FROM control_room_schema");
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }
}
