package org.controlroom.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.controlroom.store.StoreException;
import org.controlroom.store.jdbc.Dialect;
import org.controlroom.store.jdbc.Schema;
import org.controlroom.store.jdbc.SqlDatabase;
import org.sqlite.SQLiteConfig;

/**
 * The learner database: one SQLite file, opened in WAL mode with a busy timeout and foreign keys on.
 *
 * <p>Opening it also looks after it: a file that is not SQLite or fails {@code PRAGMA integrity_check}
 * is moved aside (never overwritten) and a fresh database started, with a {@link #notices() notice}
 * saying where the old one went; a damaged index (the data intact) is rebuilt with {@code REINDEX}
 * instead; an older schema is backed up, then migrated; a schema newer than this build knows, another
 * program's database ({@code PRAGMA application_id}), and a read-only file or folder are refused without
 * touching anything (no {@code -wal} or {@code -shm} file is left behind).
 *
 * <p>Durability: every write is its own committed transaction, and with WAL and
 * {@code synchronous=FULL} each commit is synced to disk before it returns, so an answer survives a
 * killed process and a power cut alike. The connection is shared by the repositories and guarded by a
 * lock, so any thread may call them.
 */
public final class SqliteDatabase extends SqlDatabase {

    /** {@code PRAGMA application_id} of a Control Room database: "CtRm". */
    public static final int APPLICATION_ID = Schema.APPLICATION_ID;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The tables every Control Room schema has had since v1: how a file from before the application id is known. */
    private static final Set<String> OUR_TABLES = Set.of("learners", "attempts", "answers");
    private static final Pattern INDEX_PROBLEM = Pattern.compile(
            "(row \\d+ missing from index \\S+|wrong # of entries in index \\S+|non-unique entry in UNIQUE index \\S+)");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> notices;

    private SqliteDatabase(Path file, Connection connection, List<String> notices) {
        this.file = file;
        this.connection = connection;
        this.notices = List.copyOf(notices);
    }

    /**
     * Opens (creating, repairing or migrating as needed) the database at {@code file}.
     *
     * @throws StoreException when it cannot: in use by another program past the busy timeout, a newer
     *                        schema, another program's database, a read-only file or folder, a full disk
     */
    public static SqliteDatabase open(Path file, Duration busyTimeout, Clock clock) {
        Path db = file.toAbsolutePath().normalize();
        List<String> notices = new ArrayList<>();
        if (Files.isDirectory(db)) {
            throw new StoreException(db + " is a folder, not a learner database file; name a file (for example "
                    + db.resolve("control-room.db") + ")");
        }
        Path folder = db.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create the folder " + folder + " for the learner database: "
                    + SqliteErrors.reason(e) + "; create it yourself or choose another place with --db", e);
        }
        checkWritable(db);
        if (!looksLikeSqlite(db)) {
            notices.add(moveAside(db, clock, "is not an SQLite database"));
        }
        Connection c = connect(db, busyTimeout);
        try {
            refuseIfNotOurs(c, db);
            String check = integrityCheck(c);
            if (!"ok".equals(check) && indexProblemsOnly(check) && reindex(c)) {
                notices.add("The learner database " + db + " had a damaged index (" + check + "); the index was rebuilt"
                        + " from the data and nothing was lost.");
                check = "ok";
            }
            if (!"ok".equals(check)) {
                close(c);
                notices.add(moveAside(db, clock, "failed its integrity check (" + check + ")"));
                c = connect(db, busyTimeout);
            }
            int version = userVersion(c);
            if (version > Schema.latest()) {
                close(c);
                throw new StoreException("the learner database " + db + " was written by a newer Control Room (schema v"
                        + version + "; this version knows up to v" + Schema.latest()
                        + "); update Control Room. The file was not changed.");
            }
            settings(c);
            if (version < Schema.latest()) {
                if (version > 0) {
                    Path backup = backup(c, db, version, clock);
                    notices.add("The learner database was upgraded from schema v" + version + " to v"
                            + Schema.latest() + "; a copy of the old one is at " + backup);
                }
                migrate(c, version);
            }
            return new SqliteDatabase(db, c, notices);
        } catch (SQLException e) {
            close(c);
            int code = e.getErrorCode() & 0xff;
            if (code == 11 || code == 26) {
                notices.add(moveAside(db, clock, "is damaged (" + e.getMessage() + ")"));
                return reopenFresh(db, busyTimeout, notices);
            }
            throw SqliteErrors.from(e, db, "open");
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void settings(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    private static SqliteDatabase reopenFresh(Path db, Duration busyTimeout, List<String> notices) {
        Connection c = connect(db, busyTimeout);
        try {
            settings(c);
            migrate(c, 0);
            return new SqliteDatabase(db, c, notices);
        } catch (SQLException e) {
            close(c);
            throw SqliteErrors.from(e, db, "start a fresh database");
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
            throw SqliteErrors.from(e, db, "open");
        }
    }

    /**
     * Refuses a read-only file or folder before SQLite sees it: SQLite would open a read-only file
     * read-only and leave a {@code -shm} file with the file's read-only permissions, which keeps the
     * learner out even after the permissions are fixed. A read-only {@code -wal} or {@code -shm} left
     * by such a run is made writable again when the database itself is writable.
     */
    private static void checkWritable(Path db) {
        Path folder = db.getParent();
        if (Files.exists(db) && !Files.isWritable(db)) {
            throw new StoreException("the learner database file " + db + " is read-only, so your answers could not be"
                    + " saved; make it writable (for example: chmod u+w '" + db + "') and start again."
                    + " Nothing was changed.");
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException("the folder " + folder + " that holds the learner database is read-only"
                    + " (Control Room writes the database and its -wal and -shm files there); make the folder"
                    + " writable or choose another place with --db. Nothing was changed.");
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(side, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(side)) {
                try {
                    Set<PosixFilePermission> perms = new TreeSet<>(Files.getPosixFilePermissions(side));
                    perms.add(PosixFilePermission.OWNER_WRITE);
                    if (Files.exists(db)) {
                        perms.addAll(Files.getPosixFilePermissions(db));
                    }
                    Files.setPosixFilePermissions(side, perms);
                } catch (IOException | UnsupportedOperationException e) {
                    // reported just below
                }
                if (!Files.isWritable(side)) {
                    throw new StoreException("the file " + side + " beside the learner database is read-only (left by"
                            + " a run on a read-only database); make it writable (chmod u+w '" + side
                            + "') and start again. Nothing was changed.");
                }
            }
        }
    }

    /**
     * Refuses, untouched, an SQLite file that is not a Control Room database: one marked with another
     * program's application id, or one with tables but without ours. Our files from before the
     * application id was set (v1–v3) have our tables and are accepted.
     */
    private static void refuseIfNotOurs(Connection c, Path db) throws SQLException {
        int appId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            appId = rs.next() ? rs.getInt(1) : 0;
        }
        if (appId == APPLICATION_ID) {
            return;
        }
        if (appId != 0) {
            throw new StoreException(db + " belongs to another program (its SQLite application id is "
                    + String.format("0x%08X", appId) + ", not Control Room's), so Control Room left it untouched;"
                    + " choose another file with --db");
        }
        Set<String> tables = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty() && !tables.containsAll(OUR_TABLES)) {
            List<String> shown = tables.stream().limit(5).toList();
            throw new StoreException(db + " is another program's database (it has the tables " + String.join(", ", shown)
                    + (tables.size() > shown.size() ? ", …" : "") + " and not Control Room's), so Control Room left it"
                    + " untouched; choose another file with --db");
        }
    }

    private static boolean looksLikeSqlite(Path db) {
        try {
            if (!Files.exists(db) || Files.size(db) == 0) {
                return true;
            }
            try (InputStream in = Files.newInputStream(db)) {
                byte[] head = in.readNBytes(SQLITE_HEADER.length);
                return Arrays.equals(head, SQLITE_HEADER);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the learner database " + db + ": " + SqliteErrors.reason(e), e);
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

    static boolean indexProblemsOnly(String check) {
        return Arrays.stream(check.split("; ")).allMatch(line -> INDEX_PROBLEM.matcher(line).matches());
    }

    /** Rebuilds every index from the tables' data; true when the database then passes its check. */
    private static boolean reindex(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("REINDEX");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            return false; // e.g. the damaged unique index hid a duplicate: the file is set aside instead
        } finally {
            c.setAutoCommit(true);
        }
        return "ok".equals(integrityCheck(c));
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Runs the migrations after {@code from}, each in its own transaction with its version bump. */
    static void migrate(Connection c, int from) throws SQLException {
        migrate(c, from, Schema.latest());
    }

    static void migrate(Connection c, int from, int to) throws SQLException {
        Schema.migrate(c, from, to, Dialect.SQLITE);
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
                    + SqliteErrors.reason(e) + "); move or delete it yourself, then start again", e);
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

    @Override
    public int schemaVersion() {
        return call("read the schema version", SqliteDatabase::userVersion);
    }

    @Override
    public String where() {
        return file.toString();
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public <T> T call(String action, SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqliteErrors.from(e, file, action);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction (IMMEDIATE: the write lock is taken up front): all of it, or none. */
    @Override
    public <T> T transaction(String action, SqlWork<T> work) {
        return call(action, c -> inTransaction(c, work));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqliteErrors.from(e, file, "close");
        } finally {
            lock.unlock();
        }
    }
}
