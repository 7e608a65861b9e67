package org.controlroom.store;

import java.nio.file.Path;
import java.sql.SQLException;

/** The learner store failed; the message says what happened to which file and what to do. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Translates an SQLite error into words a learner can act on. */
    static StoreException from(SQLException e, Path db, String action) {
        int code = e.getErrorCode() & 0xff;
        String msg = switch (code) {
            case 5, 6 -> "the learner database " + db + " is in use by another program (another Control Room?);"
                    + " close it and try again";
            case 11, 26 -> "the learner database " + db + " is damaged; restart Control Room to set it aside and start"
                    + " a fresh one";
            case 13 -> "the disk holding " + db + " is full; free some space and try again";
            case 8 -> "the learner database " + db + " is read-only; check the file's permissions";
            case 14 -> "cannot open the learner database " + db + "; check that the folder exists and is writable";
            default -> "could not " + action + " in the learner database " + db + ": " + e.getMessage();
        };
        return new StoreException(msg, e);
    }
}
