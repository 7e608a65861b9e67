package org.controlroom.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreException;

/**
 * Run by {@link ReadOnlyDatabaseTest} in a child JVM as an ordinary user (file permissions do not stop
 * root): a learner's database made read-only, opened, made writable again. Prints what it saw, one line
 * a step.
 */
public final class ReadOnlyDatabaseMain {

    private ReadOnlyDatabaseMain() {
    }

    private static String files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return String.join(",", s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static void open(Path db, String label) {
        try (LearnerStore store = LearnerStore.open(db, Duration.ofMillis(300), StoreTestSupport.CLOCK)) {
            store.learners().add(label);
            System.out.println(label + ": ok " + store.learners().list().size());
        } catch (StoreException e) {
            System.out.println(label + ": refused " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path db = dir.resolve("cr.db");
        open(db, "Ana");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        open(db, "Ben");
        System.out.println("files: " + files(dir));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        open(db, "Cy");

        // what an earlier version left: a reader on the read-only file made -wal/-shm with its permissions
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM learners")) {
            rs.next();
            System.out.println("reader saw " + rs.getInt(1));
        }
        System.out.println("left: " + files(dir));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        open(db, "Dee");

        // a read-only folder: for a new database, and for one already there whose file is writable
        Path locked = Files.createDirectories(dir.resolve("locked"));
        open(locked.resolve("old.db"), "Eve");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        open(locked.resolve("new.db"), "Fay");
        open(locked.resolve("old.db"), "Gus");
        System.out.println("locked: " + files(locked));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        open(locked.resolve("old.db"), "Hal");
    }
}
