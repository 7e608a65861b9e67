package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFaultsTest {

    @TempDir
    Path dir;

    private List<Path> siblings(String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsMovedAsideIntactAndAFreshDatabaseStarts() throws Exception {
        Path db = dir.resolve("cr.db");
        byte[] junk = new byte[10_000];
        new Random(1).nextBytes(junk);
        Files.write(db, junk);
        try (SqliteStore store = StoreTestSupport.open(db)) {
            Path aside = dir.resolve("cr.db.corrupt-20261125-101530");
            assertThat(aside).exists();
            assertThat(Files.readAllBytes(aside)).isEqualTo(junk);
            assertThat(store.notices()).singleElement().asString()
                    .contains("is not an SQLite database").contains(aside.toString()).contains("nothing was deleted");
            store.learners().add("Ana");
            assertThat(store.learners().list()).hasSize(1);
        }
    }

    @Test
    void aSecondDamagedFileNeverOverwritesTheFirstOneSetAside() throws Exception {
        Path db = dir.resolve("cr.db");
        Files.writeString(db, "first damaged file");
        StoreTestSupport.open(db).close();
        Files.delete(db);
        Files.writeString(db, "second damaged file");
        StoreTestSupport.open(db).close();
        List<Path> aside = siblings("cr.db.corrupt-");
        assertThat(aside).hasSize(2);
        assertThat(aside.stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("first damaged file", "second damaged file");
    }

    @Test
    void aDatabaseWithADamagedPageIsMovedAsideWithItsBytesKept() throws Exception {
        Path db = dir.resolve("cr.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            var ana = store.learners().add("Ana");
            long a = store.attempts().start(ana.id(), "l", "l.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            for (int i = 0; i < 400; i++) {
                store.attempts().recordAnswer(a, StoreTestSupport.answer(i, true, 0));
            }
        }
        // checkpointed on close: damage the middle of the file (b-tree pages), keep the header
        long size = Files.size(db);
        assertThat(size).isGreaterThan(8 * 4096);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] garbage = new byte[4096 * 3];
            new Random(7).nextBytes(garbage);
            f.seek(4096 * 2);
            f.write(garbage);
        }
        byte[] damaged = Files.readAllBytes(db);
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.notices()).singleElement().asString().contains("cr.db.corrupt-");
            assertThat(store.learners().list()).isEmpty();
        }
        assertThat(Files.readAllBytes(siblings("cr.db.corrupt-").get(0))).isEqualTo(damaged);
    }

    @Test
    void aDatabaseFromANewerControlRoomIsRefusedAndLeftUnchanged() throws Exception {
        Path db = dir.resolve("cr.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // a newer Control Room marks its files as ours (v4 on), whatever tables it has by then
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA application_id = " + SqliteDatabase.APPLICATION_ID);
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> StoreTestSupport.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Control Room").hasMessageContaining("v99").hasMessageContaining("not changed");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(siblings("cr.db.")).isEmpty();
    }

    @Test
    void aDatabaseAnotherProgramHoldsIsWaitedForThenReportedClearly() throws Exception {
        Path db = dir.resolve("cr.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            var ana = store.learners().add("Ana");
            long a = store.attempts().start(ana.id(), "l", "l.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                s.execute("INSERT INTO learners (name, created_at) VALUES ('Ben', 'x')");
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> store.attempts().recordAnswer(a, StoreTestSupport.answer(1, true, 0)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("is in use by another program").hasMessageContaining(db.toString());
                assertThat((System.nanoTime() - t0) / 1e6).as("waited for the busy timeout (ms)").isGreaterThanOrEqualTo(250);
                s.execute("ROLLBACK");
            }
            store.attempts().recordAnswer(a, StoreTestSupport.answer(1, true, 0));
            assertThat(store.attempts().answers(a)).hasSize(1);
        }
    }

    @Test
    void aDatabaseAnotherProcessHoldsIsReportedAsInUseAndNothingIsLost() throws Exception {
        Path db = dir.resolve("cr.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            var ana = store.learners().add("Ana");
            long a = store.attempts().start(ana.id(), "l", "l.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            store.attempts().recordAnswer(a, StoreTestSupport.answer(1, true, 0));
            Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), LockHolderMain.class.getName(), db.toString())
                    .redirectErrorStream(true).start();
            try {
                java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("locked"));
                assertThat(line).as("the other process took the lock").isEqualTo("locked");
                assertThatThrownBy(() -> store.attempts().recordAnswer(a, StoreTestSupport.answer(2, true, 0)))
                        .isInstanceOf(StoreException.class)
                        .hasMessage("the learner database " + db + " is in use by another program (another Control Room?);"
                                + " close it and try again");
            } finally {
                holder.destroyForcibly().waitFor();
            }
            store.attempts().recordAnswer(a, StoreTestSupport.answer(2, true, 0));
            assertThat(store.attempts().answers(a)).extracting(AnswerRecord::step).containsExactly(1, 2);
        }
    }

    @Test
    void waitingWritersGetThroughWhenTheOtherLetsGoWithinTheTimeout() throws Exception {
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = LearnerStore.open(db, java.time.Duration.ofSeconds(10), StoreTestSupport.CLOCK)) {
            var ana = store.learners().add("Ana");
            long a = store.attempts().start(ana.id(), "l", "l.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
            Statement s = other.createStatement();
            s.execute("BEGIN EXCLUSIVE");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    s.execute("COMMIT");
                    other.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            store.attempts().recordAnswer(a, StoreTestSupport.answer(1, true, 0));
            release.join();
            assertThat(store.attempts().answers(a)).hasSize(1);
        }
    }

    static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
