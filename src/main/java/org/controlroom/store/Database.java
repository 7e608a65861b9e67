package org.controlroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * The learner database: one SQLite file, opened in WAL mode with a busy timeout and foreign keys on.
 *
 * <p>Opening it also looks after it: a file that is not SQLite or fails {@code PRAGMA integrity_check}
 * is moved aside (never overwritten) and a fresh database started, with a {@link #notices() notice}
 * saying where the old one went; an older schema is backed up, then migrated; a schema newer than this
 * build knows is refused without touching the file.
 *
 * <p>Durability: every write is its own committed transaction, and with WAL and
 * {@code synchronous=FULL} each commit is synced to disk before it returns, so an answer survives a
 * killed process and a power cut alike ({@code bench store}: p99 about 1 ms a commit). The connection
 * is shared by the repositories and
 * guarded by a lock, so any thread may call them.
 */
public final class Database implements AutoCloseable {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> notices;

    private Database(Path file, Connection connection, List<String> notices) {
        this.file = file;
        this.connection = connection;
        this.notices = List.copyOf(notices);
    }

    public static Database open(Path file) {
        return open(file, DEFAULT_BUSY_TIMEOUT, Clock.systemDefaultZone());
    }

    /**
     * Opens (creating, repairing or migrating as needed) the database at {@code file}.
     *
     * @throws StoreException when it cannot: in use by another program past the busy timeout, a newer
     *                        schema, an unwritable folder
     */
    public static Database open(Path file, Duration busyTimeout, Clock clock) {
        Path db = file.toAbsolutePath().normalize();
        List<String> notices = new ArrayList<>();
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for the learner database " + db + ": " + e.getMessage(), e);
        }
        if (!looksLikeSqlite(db)) {
            notices.add(moveAside(db, clock, "is not an SQLite database"));
        }
        Connection c = connect(db, busyTimeout);
        try {
            String check = integrityCheck(c);
            if (!"ok".equals(check)) {
                close(c);
                notices.add(moveAside(db, clock, "failed its integrity check (" + check + ")"));
                c = connect(db, busyTimeout);
            }
            int version = userVersion(c);
            if (version > Migrations.latest()) {
                close(c);
                throw new StoreException("the learner database " + db + " was written by a newer Control Room (schema v"
                        + version + "; this version knows up to v" + Migrations.latest()
                        + "); update Control Room. The file was not changed.");
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            if (version < Migrations.latest()) {
                if (version > 0) {
                    Path backup = backup(c, db, version, clock);
                    notices.add("The learner database was upgraded from schema v" + version + " to v"
                            + Migrations.latest() + "; a copy of the old one is at " + backup);
                }
                migrate(c, version);
            }
            return new Database(db, c, notices);
        } catch (SQLException e) {
            close(c);
            int code = e.getErrorCode() & 0xff;
            if (code == 11 || code == 26) {
                notices.add(moveAside(db, clock, "is damaged (" + e.getMessage() + ")"));
                return reopenFresh(db, busyTimeout, notices);
            }
            throw StoreException.from(e, db, "open");
        }
    }

    private static Database reopenFresh(Path db, Duration busyTimeout, List<String> notices) {
        Connection c = connect(db, busyTimeout);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            migrate(c, 0);
            return new Database(db, c, notices);
        } catch (SQLException e) {
            close(c);
            throw StoreException.from(e, db, "start a fresh database");
        }
    }

    private static Connection connect(Path db, Duration busyTimeout) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            // Write transactions take the write lock up front, so two writers queue on the busy timeout
            // instead of failing on a lock upgrade.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, busyTimeout.toMillis())));
            return DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
        } catch (SQLException e) {
            throw StoreException.from(e, db, "open");
        }
    }

    private static boolean looksLikeSqlite(Path db) {
        try {
            if (!Files.exists(db) || Files.size(db) == 0) {
                return true;
            }
            try (InputStream in = Files.newInputStream(db)) {
                byte[] head = in.readNBytes(SQLITE_HEADER.length);
                return java.util.Arrays.equals(head, SQLITE_HEADER);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the learner database " + db + ": " + e.getMessage(), e);
        }
    }

    private static String integrityCheck(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(rs.getString(1));
            }
            return sb.toString();
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Runs the migrations after {@code from}, each in its own transaction with its version bump. */
    static void migrate(Connection c, int from) throws SQLException {
        migrate(c, from, Migrations.latest());
    }

    static void migrate(Connection c, int from, int to) throws SQLException {
        for (int v = from; v < to; v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : Migrations.STEPS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static Path backup(Connection c, Path db, int version, Clock clock) throws SQLException {
        Path target = free(db.resolveSibling(db.getFileName() + ".backup-v" + version + "-"
                + LocalDateTime.now(clock).format(STAMP)));
        try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
            p.setString(1, target.toString());
            p.execute();
        }
        return target;
    }

    /** Moves a bad database (and its WAL and shared-memory files) aside; returns the notice for the user. */
    private static String moveAside(Path db, Clock clock, String why) {
        Path target = free(db.resolveSibling(db.getFileName() + ".corrupt-" + LocalDateTime.now(clock).format(STAMP)));
        try {
            Files.move(db, target, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, target.resolveSibling(target.getFileName() + suffix));
                }
            }
        } catch (IOException e) {
            throw new StoreException("the learner database " + db + " " + why + ", and it could not be moved aside ("
                    + e.getMessage() + "); move or delete it yourself, then start again", e);
        }
        return "The learner database " + db + " " + why + ". It was moved to " + target
                + " (nothing was deleted) and a fresh database was started.";
    }

    /** {@code path}, or {@code path-1}, {@code path-2}… whichever does not exist yet. */
    private static Path free(Path path) {
        Path p = path;
        for (int i = 1; Files.exists(p); i++) {
            p = path.resolveSibling(path.getFileName() + "-" + i);
        }
        return p;
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what the user needs to hear about
        }
    }

    public Path file() {
        return file;
    }

    /** What opening the database did that the user should know (a damaged file set aside, a backup made). */
    public List<String> notices() {
        return notices;
    }

    public int schemaVersion() {
        return call("read the schema version", Database::userVersion);
    }

    /** Work with the connection, one caller at a time. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T call(String action, SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.from(e, file, action);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    <T> T transaction(String action, SqlWork<T> work) {
        return call(action, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreException.from(e, file, "close");
        } finally {
            lock.unlock();
        }
    }
}
