package org.controlroom.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.controlroom.store.StoreException;

/** Translates SQLite's errors into words a learner can act on: what failed, where, what to do. */
final class SqliteErrors {

    /** Below this much free space, an I/O error writing the database is the disk being full. */
    static final long LOW_SPACE_BYTES = 1 << 20;

    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqliteErrors() {
    }

    /**
     * @param action what was being done, as a verb phrase ("save an answer"); "open", "close" and "start a
     *               fresh database" are done to the database itself
     */
    static StoreException from(SQLException e, Path db, String action) {
        int code = e.getErrorCode() & 0xff;
        String msg = switch (code) {
            case BUSY, LOCKED -> "the learner database " + db + " is in use by another program (another Control Room?);"
                    + " close it and try again";
            case CORRUPT, NOTADB -> "the learner database " + db + " is damaged; restart Control Room to set it aside and"
                    + " start a fresh one";
            case FULL -> diskFull(db, action);
            case IOERR -> lowOnSpace(db) ? diskFull(db, action)
                    : "could not " + what(action, db) + ": the disk reported an error (" + e.getMessage()
                    + "); check the disk and try again";
            case READONLY, CANTOPEN -> readOnly(db).orElse(code == READONLY
                    ? "the learner database " + db + " is read-only; check the file's permissions"
                    : "cannot open the learner database " + db + "; check that the folder exists and is writable");
            default -> "could not " + what(action, db) + ": " + e.getMessage();
        };
        return new StoreException(msg, e);
    }

    private static String what(String action, Path db) {
        return switch (action) {
            case "open", "close" -> action + " the learner database " + db;
            default -> action + " in the learner database " + db;
        };
    }

    private static String diskFull(Path db, String action) {
        return "the disk is full: could not " + action + " (learner database " + db + "). Everything saved before is"
                + " kept; free some space on the disk that holds " + db.getParent() + " and try again";
    }

    /** Which of the database, its folder or its side files is read-only, in words. */
    private static java.util.Optional<String> readOnly(Path db) {
        Path folder = db.getParent();
        if (Files.exists(db) && !Files.isWritable(db)) {
            return java.util.Optional.of("the learner database file " + db + " is read-only; make it writable (for"
                    + " example: chmod u+w '" + db + "') and try again");
        }
        if (folder != null && Files.exists(folder) && !Files.isWritable(folder)) {
            return java.util.Optional.of("the folder " + folder + " that holds the learner database is read-only;"
                    + " make the folder writable or choose another place with --db");
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(side) && !Files.isWritable(side)) {
                return java.util.Optional.of("the file " + side + " beside the learner database is read-only; make it"
                        + " writable (chmod u+w '" + side + "') and try again");
            }
        }
        return java.util.Optional.empty();
    }

    static boolean lowOnSpace(Path db) {
        try {
            Path folder = db.getParent() == null ? db : db.getParent();
            return Files.getFileStore(folder).getUsableSpace() < LOW_SPACE_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** An I/O failure's reason, as the operating system put it. */
    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
