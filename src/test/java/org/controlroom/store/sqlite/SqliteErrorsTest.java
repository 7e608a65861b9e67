package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The store's messages read as sentences: what failed, where, what to do. */
class SqliteErrorsTest {

    @TempDir
    Path dir;

    private StoreException from(SQLiteErrorCode code, String action) {
        return SqliteErrors.from(new SQLiteException("[" + code.name() + "] " + code.message, code), dir.resolve("cr.db"),
                action);
    }

    @Test
    void anUnexpectedErrorWhileOpeningSaysItCouldNotOpenTheDatabase() {
        String db = dir.resolve("cr.db").toString();
        assertThat(from(SQLiteErrorCode.SQLITE_ERROR, "open").getMessage())
                .startsWith("could not open the learner database " + db + ": ").doesNotContain("open in");
        assertThat(from(SQLiteErrorCode.SQLITE_ERROR, "close").getMessage())
                .startsWith("could not close the learner database " + db + ": ");
        assertThat(from(SQLiteErrorCode.SQLITE_ERROR, "save an answer").getMessage())
                .startsWith("could not save an answer in the learner database " + db + ": ");
    }

    @Test
    void aFullDiskIsCalledAFullDiskWhicheverCodeSqliteUses() {
        assertThat(from(SQLiteErrorCode.SQLITE_FULL, "save an answer").getMessage())
                .startsWith("the disk is full: could not save an answer").contains("free some space");
    }

    @Test
    void aReadOnlyFileAndAReadOnlyFolderAreToldApart() throws Exception {
        // as root, permissions do not stop writes: this case needs an ordinary user (DiskFaultsTest covers root
        // with a read-only mount)
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "runs as root: file permissions do not apply to root");
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path db = folder.resolve("cr.db");
        StoreTestSupport.open(db).close();
        db.toFile().setWritable(false);
        assertThatThrownBy(() -> StoreTestSupport.open(db)).hasMessageStartingWith("the learner database file " + db
                + " is read-only");
        db.toFile().setWritable(true);
        folder.toFile().setWritable(false);
        try {
            Path fresh = folder.resolve("new.db");
            assertThatThrownBy(() -> StoreTestSupport.open(fresh)).hasMessageStartingWith("the folder " + folder
                    + " that holds the learner database is read-only");
        } finally {
            folder.toFile().setWritable(true);
        }
    }

    @Test
    void aFolderGivenAsTheDatabaseIsReportedAsAFolder() {
        assertThatThrownBy(() -> StoreTestSupport.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(dir + " is a folder, not a learner database file");
    }
}
