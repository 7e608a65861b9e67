package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.controlroom.store.Learner;
import org.controlroom.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Another program's SQLite file is refused untouched; a damaged index is rebuilt instead of the file set aside. */
class ForeignAndDamagedFilesTest {

    @TempDir
    Path dir;

    private List<String> filesInDir() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Path db, String q) throws Exception {
        return StoreFaultsTest.count(db, q);
    }

    @Test
    void anotherProgramsDatabaseWithItsOwnTablesIsRefusedAndLeftUntouched() throws Exception {
        Path db = dir.resolve("photos.db");
        sql(db, "CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)", "CREATE TABLE photos (id INTEGER, album INTEGER)",
                "INSERT INTO albums (title) VALUES ('Summer')");
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> StoreTestSupport.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString()).hasMessageContaining("another program's database")
                .hasMessageContaining("albums, photos").hasMessageContaining("left it untouched")
                .hasMessageContaining("--db");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly("photos.db");
    }

    @Test
    void theCommandLineRefusesAnotherProgramsDatabaseInOneLineWithExitCode2() throws Exception {
        Path db = dir.resolve("notes.sqlite");
        sql(db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('buy strings')");
        byte[] before = Files.readAllBytes(db);
        for (String[] command : List.of(new String[] {"learner", "list"}, new String[] {"learner", "add", "Ana"},
                new String[] {"progress"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--db", db.toString()));
            org.controlroom.cli.CliHarness.Result r = org.controlroom.cli.CliHarness.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("control-room: " + db + " is another program's database")
                    .doesNotContain("\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly("notes.sqlite");
    }

    @ParameterizedTest(name = "user_version {0}")
    @ValueSource(ints = {0, 3, 99})
    void whateverSchemaVersionTheOtherProgramKeepsItsFileIsRefused(int userVersion) throws Exception {
        Path db = dir.resolve("other.db");
        sql(db, "CREATE TABLE settings (k TEXT, v TEXT)", "PRAGMA user_version = " + userVersion);
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> StoreTestSupport.open(db)).hasMessageContaining("another program's database")
                .hasMessageNotContaining("newer Control Room");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly("other.db");
    }

    @Test
    void aFileWithATableCalledLearnersButNotOursIsRefused() throws Exception {
        Path db = dir.resolve("school.db");
        sql(db, "CREATE TABLE learners (id INTEGER, name TEXT, created_at TEXT)", "CREATE TABLE classes (id INTEGER)");
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> StoreTestSupport.open(db)).hasMessageContaining("another program's database");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aFileMarkedWithAnotherProgramsApplicationIdIsRefusedEvenWhenEmpty() throws Exception {
        Path db = dir.resolve("fossil.db");
        sql(db, "PRAGMA application_id = 252006673"); // Fossil's
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> StoreTestSupport.open(db)).hasMessageContaining("belongs to another program")
                .hasMessageContaining("0x0F055111").hasMessageContaining("left it untouched");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void ourDatabasesAreMarkedWithControlRoomsApplicationId() throws Exception {
        Path db = dir.resolve("cr.db");
        StoreTestSupport.open(db).close();
        assertThat(count(db, "PRAGMA application_id")).isEqualTo(SqliteDatabase.APPLICATION_ID);
    }

    @Test
    void ourOlderFilesWithoutTheMarkAreUpgradedAndMarked() throws Exception {
        Path db = dir.resolve("cr.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            SqliteDatabase.migrate(c, 0, 3);
        }
        sql(db, "INSERT INTO learners (name, created_at) VALUES ('Ana', '2025-01-01T00:00:00Z')");
        assertThat(count(db, "PRAGMA application_id")).isZero();
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.learners().findByName("Ana")).isPresent();
        }
        assertThat(count(db, "PRAGMA application_id")).isEqualTo(SqliteDatabase.APPLICATION_ID);
    }

    @Test
    void anEmptySqliteFileFromAnotherToolStartsAFreshDatabase() throws Exception {
        Path db = dir.resolve("cr.db");
        sql(db, "CREATE TABLE t (x)", "DROP TABLE t"); // a valid SQLite file with no tables
        try (SqliteStore store = StoreTestSupport.open(db)) {
            store.learners().add("Ana");
            assertThat(store.notices()).isEmpty();
        }
    }

    /** Flips one bit of {@code needle}'s last byte inside the b-tree page of the named index. */
    private static void damageIndex(Path db, String index, String needle) throws Exception {
        int root;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + index + "'")) {
                rs.next();
                root = rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
        }
        byte[] bytes = Files.readAllBytes(db);
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = (root - 1) * pageSize;
        int flipped = 0;
        for (int i = start; i <= start + pageSize - n.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + n.length, n, 0, n.length)) {
                bytes[i + n.length - 1] ^= 1;
                flipped++;
            }
        }
        assertThat(flipped).as("the index page holds " + needle).isPositive();
        assertThat(db.resolveSibling(db.getFileName() + "-wal")).as("all data is in the main file").doesNotExist();
        Files.write(db, bytes);
        assertThat(integrity(db)).startsWith("row ").contains("missing from index " + index);
    }

    @Test
    void aDamagedLearnerNameIndexIsRebuiltAndNothingIsSetAside() throws Exception {
        Path db = dir.resolve("cr.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            store.learners().add("Ana");
            store.learners().add("Ben");
        }
        damageIndex(db, "learners_name", "Ana");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.notices()).singleElement().asString().contains("damaged index").contains("rebuilt")
                    .contains("nothing was lost").doesNotContain("moved");
            assertThat(store.learners().findByName("ana")).map(Learner::name).contains("Ana");
            assertThatThrownBy(() -> store.learners().add("ANA")).hasMessageContaining("already a learner");
        }
        assertThat(filesInDir()).containsExactly("cr.db");
        assertThat(integrity(db)).isEqualTo("ok");
        assertThat(count(db, "SELECT COUNT(*) FROM learners")).isEqualTo(2);
    }

    @Test
    void aDamagedAnswersIndexIsRebuiltWithEveryAnswerKept() throws Exception {
        Path db = dir.resolve("cr.db");
        long attempt;
        try (SqliteStore store = StoreTestSupport.open(db)) {
            Learner ana = store.learners().add("Ana");
            attempt = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            for (int i = 1; i <= 20; i++) {
                store.attempts().recordAnswer(attempt, StoreTestSupport.answer(i, i % 2 == 0, i % 2));
            }
        }
        damageIndex(db, "answers_attempt", "octaves");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.notices()).singleElement().asString().contains("damaged index").contains("answers_attempt");
            assertThat(store.attempts().answers(attempt)).hasSize(20);
            var p = store.progress().progress(store.learners().findByName("Ana").orElseThrow(),
                    StoreTestSupport.catalogue("eq-1"));
            assertThat(p.meanError()).containsKey("octaves");
            assertThat(p.answers()).isEqualTo(20);
        }
        assertThat(filesInDir()).containsExactly("cr.db");
        assertThat(integrity(db)).isEqualTo("ok");
    }

    @Test
    void aDamagedUniqueIndexThatHidADuplicateIsSetAsideRatherThanGuessed() throws Exception {
        Path db = dir.resolve("cr.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            store.learners().add("Ana");
        }
        // another tool slipped in a second 'Ana' past a dropped index, then put the index back without it
        sql(db, "PRAGMA writable_schema = ON",
                "UPDATE sqlite_master SET sql = 'CREATE INDEX learners_name ON learners (name COLLATE NOCASE)'"
                        + " WHERE name = 'learners_name'");
        sql(db, "INSERT INTO learners (name, created_at) VALUES ('ana', '2026-01-01T00:00:00Z')");
        sql(db, "PRAGMA writable_schema = ON",
                "UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX learners_name ON learners (name COLLATE NOCASE)'"
                        + " WHERE name = 'learners_name'");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.notices()).singleElement().asString().contains("moved to").contains("nothing was deleted");
        }
        try (Stream<Path> s = Files.list(dir)) {
            Path aside = s.filter(p -> p.getFileName().toString().startsWith("cr.db.corrupt-")).findFirst().orElseThrow();
            assertThat(count(aside, "SELECT COUNT(*) FROM learners")).as("both rows kept in the file set aside")
                    .isEqualTo(2);
        }
    }
}
