package org.controlroom.store.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreLocation;
import org.junit.jupiter.api.Assumptions;

/**
 * One learner database for one test, on SQLite (a file in a fresh folder) or on the PostgreSQL server
 * named by {@value #PG_ENV} (a fresh schema, dropped afterwards), with a second, raw connection for the
 * test to check what the store wrote.
 */
public abstract class Backend implements AutoCloseable {

    /** {@code postgresql://ROLE@HOST:PORT/DATABASE} of the test server (the password in PGPASSWORD). */
    public static final String PG_ENV = "CONTROL_ROOM_TEST_PG";
    /** When {@code 1}, a missing or unreachable test server fails the PostgreSQL runs instead of skipping them. */
    public static final String PG_REQUIRED_ENV = "CONTROL_ROOM_TEST_PG_REQUIRED";
    /** A command that takes {@code stop} or {@code start} and stops or starts the test server (waiting). */
    public static final String PG_CTL_ENV = "CONTROL_ROOM_TEST_PG_CTL";

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);

    static final String HOW = "PostgreSQL variant skipped: no test server. Run `bash .ci/run` (it installs and starts"
            + " one), or start one yourself and set " + PG_ENV + "=postgresql://ROLE@localhost:PORT/DATABASE and"
            + " PGPASSWORD (and " + PG_CTL_ENV + " for the stop/start tests)";

    public enum Kind {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public Backend fresh() throws Exception {
            return this == SQLITE ? new Sqlite() : Postgres.fresh();
        }
    }

    /** Each of {@code values} on each backend: arguments (kind, value) for a parameterized test. */
    public static Stream<org.junit.jupiter.params.provider.Arguments> onEach(Object... values) {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of(values)
                .map(v -> org.junit.jupiter.params.provider.Arguments.of(k, v)));
    }

    public abstract Kind kind();

    public boolean isSqlite() {
        return kind() == Kind.SQLITE;
    }

    public abstract StoreLocation location();

    /** What to give {@code --db} or {@code CONTROL_ROOM_DB} for this database. */
    public abstract String dbArgument();

    /** The environment a child process needs to open it (the password). */
    public Map<String, String> environment() {
        return Map.of();
    }

    /** A folder of this test's own (the SQLite file's; for the server, the local outbox's). */
    public abstract Path folder();

    public LearnerStore open() {
        return open(CLOCK);
    }

    /** Opened as the tests' stores are: a short busy timeout on a file, a few seconds of retries on the server. */
    public LearnerStore open(Clock clock) {
        return open(clock, isSqlite() ? Duration.ofMillis(300) : Duration.ofSeconds(5));
    }

    public LearnerStore open(Clock clock, Duration busyTimeout) {
        return LearnerStore.open(location(), busyTimeout, clock);
    }

    public abstract org.controlroom.store.jdbc.Dialect dialect();

    /** Brings the (empty) database to schema {@code version} with that version's migrations only. */
    public void migrateTo(int version) throws SQLException {
        try (Connection c = connect()) {
            org.controlroom.store.jdbc.Schema.migrate(c, 0, version, dialect());
        }
    }

    /** After rows were inserted with explicit ids: the server's identity columns continue after them. */
    public void continueIds(String... tables) throws SQLException {
        if (kind() == Kind.POSTGRESQL) {
            for (String t : tables) {
                execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT MAX(id) FROM " + t + "))");
            }
        }
    }

    /** A raw connection of the test's own (not the store's). */
    public abstract Connection connect() throws SQLException;

    public long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Each row of {@code sql} as its columns' text. */
    public List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return kind().label();
    }

    static final class Sqlite extends Backend {
        private final Path dir;
        private final Path file;

        Sqlite() throws IOException {
            dir = Files.createTempDirectory("cr-store-test");
            file = dir.resolve("cr.db");
        }

        @Override
        public Kind kind() {
            return Kind.SQLITE;
        }

        @Override
        public StoreLocation location() {
            return new StoreLocation.File(file);
        }

        @Override
        public String dbArgument() {
            return file.toString();
        }

        @Override
        public Path folder() {
            return dir;
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file);
        }

        @Override
        public org.controlroom.store.jdbc.Dialect dialect() {
            return org.controlroom.store.jdbc.Dialect.SQLITE;
        }

        @Override
        public void close() throws IOException {
            deleteTree(dir);
        }
    }

    /** The test server, or a skip (a failure when required) when there is none. */
    public static final class Postgres extends Backend {
        private final StoreLocation.Server base;
        private final String schema;
        private final Path dir;

        private Postgres(StoreLocation.Server base, String schema, Path dir) {
            this.base = base;
            this.schema = schema;
            this.dir = dir;
        }

        /** The test server's URL, or a skip/failure saying how to get one. */
        public static StoreLocation.Server server(Path localFolder) {
            String url = System.getenv(PG_ENV);
            if (url == null || url.isBlank()) {
                if ("1".equals(System.getenv(PG_REQUIRED_ENV))) {
                    throw new AssertionError(PG_ENV + " is not set but " + PG_REQUIRED_ENV + "=1: the test server did"
                            + " not start");
                }
                Assumptions.abort(HOW);
            }
            return (StoreLocation.Server) StoreLocation.parse(url, System.getProperty("user.name"), localFolder);
        }

        static Postgres fresh() throws Exception {
            Path dir = Files.createTempDirectory("cr-pg-test");
            StoreLocation.Server base = server(dir);
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            Postgres pg = new Postgres(base, schema, dir);
            try (Connection c = pg.connectTo(null); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                deleteTree(dir);
                if ("1".equals(System.getenv(PG_REQUIRED_ENV))) {
                    throw new AssertionError("the test server " + base.url() + " is not usable: " + e.getMessage(), e);
                }
                Assumptions.abort(HOW + " (" + base.url() + ": " + e.getMessage() + ")");
            }
            return pg;
        }

        public String schema() {
            return schema;
        }

        @Override
        public Kind kind() {
            return Kind.POSTGRESQL;
        }

        @Override
        public StoreLocation.Server location() {
            Map<String, String> options = new HashMap<>(base.options());
            options.put("currentSchema", schema);
            return new StoreLocation.Server(base.host(), base.port(), base.database(), base.user(), options, dir);
        }

        @Override
        public String dbArgument() {
            String h = base.host().contains(":") ? "[" + base.host() + "]" : base.host();
            return URI.create("postgresql://" + base.user() + "@" + h + ":" + base.port() + "/" + base.database()
                    + "?currentSchema=" + schema).toString();
        }

        @Override
        public Map<String, String> environment() {
            String pw = System.getenv("PGPASSWORD");
            return pw == null ? Map.of() : Map.of("PGPASSWORD", pw);
        }

        @Override
        public Path folder() {
            return dir;
        }

        @Override
        public Connection connect() throws SQLException {
            return connectTo(schema);
        }

        @Override
        public org.controlroom.store.jdbc.Dialect dialect() {
            return org.controlroom.store.jdbc.Dialect.POSTGRESQL;
        }

        private Connection connectTo(String currentSchema) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", base.user());
            String pw = System.getenv("PGPASSWORD");
            if (pw != null) {
                p.setProperty("password", pw);
            }
            if (currentSchema != null) {
                p.setProperty("currentSchema", currentSchema);
            }
            p.setProperty("connectTimeout", "5");
            return DriverManager.getConnection("jdbc:postgresql://" + base.host() + ":" + base.port() + "/"
                    + base.database(), p);
        }

        @Override
        public void close() throws Exception {
            try (Connection c = connectTo(null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                // the server may be stopped by the test; the schema is then left for the next run's cleanup
            }
            deleteTree(dir);
        }
    }
}
