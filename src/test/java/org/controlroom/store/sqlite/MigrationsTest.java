package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    static Stream<Integer> earlierVersions() {
        return java.util.stream.IntStream.range(1, org.controlroom.store.jdbc.Schema.latest()).boxed();
    }

    /** A database at schema {@code version}, made by that version's migrations only, with data in it. */
    private static void makeDatabaseAt(Path db, int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            SqliteDatabase.migrate(c, 0, version);
            s.execute("INSERT INTO learners (id, name, created_at) VALUES (1, 'Ana', '2025-01-01T00:00:00Z'),"
                    + " (2, 'Ben', '2025-02-01T00:00:00Z')");
            s.execute("INSERT INTO attempts (id, learner_id, lesson_id, lesson_file, seed, started_at, finished_at, score,"
                    + " passed) VALUES (1, 1, 'eq-octave-boosts', 'e.yaml', 7, '2025-03-01T00:00:00Z',"
                    + " '2025-03-01T00:05:00Z', 85, 1), (2, 1, 'eq-octave-boosts', 'e.yaml', 8, '2025-03-02T00:00:00Z',"
                    + " '2025-03-02T00:05:00Z', 60, 0), (3, 2, 'level-steps', 'l.yaml', 9, '2025-03-03T00:00:00Z', NULL,"
                    + " NULL, NULL)");
            for (int i = 1; i <= 25; i++) {
                s.execute("INSERT INTO answers (attempt_id, step, question_json, response_json, correct, error, error_unit,"
                        + " response_ms, plays_a, plays_b, answered_at) VALUES (" + (1 + i % 3) + ", " + i
                        + ", '{\"answer\":1000}', '{\"answer\":" + (i % 2 == 0 ? 1000 : 2000) + "}', " + (i % 2 == 0 ? 1 : 0)
                        + ", " + (i % 2 == 0 ? 0 : 1) + ", 'octaves', " + (1000 + i) + ", 1, 2, '2025-03-01T00:01:00Z')");
            }
            if (version >= 2) {
                // a v2 app kept these itself as attempts finished
                s.execute("INSERT INTO career_state (learner_id, xp, updated_at) VALUES (1, 120, 'x'), (2, 0, 'x')");
                s.execute("INSERT INTO lesson_results VALUES (1, 'eq-octave-boosts', 85, 1, 2, '2025-03-01T00:05:00Z')");
            }
        }
    }

    private static long count(Path db, String sql) throws Exception {
        return StoreFaultsTest.count(db, sql);
    }

    @ParameterizedTest(name = "from schema v{0}")
    @MethodSource("earlierVersions")
    void upgradingFromAnEarlierSchemaKeepsEveryRowAndBacksUpFirst(int version) throws Exception {
        Path db = dir.resolve("cr.db");
        makeDatabaseAt(db, version);
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.database().schemaVersion()).isEqualTo(org.controlroom.store.jdbc.Schema.latest());
            assertThat(store.learners().list()).extracting(Learner::name).containsExactly("Ana", "Ben");
            Learner ana = store.learners().findByName("ana").orElseThrow();
            LearnerProgress p = store.progress().progress(ana, StoreTestSupport.catalogue("drill-1", "eq-octave-boosts"));
            assertThat(p.answers()).isEqualTo(count(db, "SELECT COUNT(*) FROM answers a JOIN attempts t"
                    + " ON a.attempt_id = t.id WHERE t.learner_id = 1"));
            assertThat(p.lessons()).singleElement().satisfies(r -> {
                assertThat(r.lessonId()).isEqualTo("eq-octave-boosts");
                assertThat(r.bestScore()).isEqualTo(85);
                assertThat(r.passed()).isTrue();
                assertThat(r.attempts()).isEqualTo(2);
            });
            if (version >= 2) {
                assertThat(p.xp()).isEqualTo(120);
            }
            assertThat(store.notices()).singleElement().asString().contains("upgraded from schema v" + version);
        }
        assertThat(count(db, "SELECT COUNT(*) FROM answers")).isEqualTo(25);
        assertThat(count(db, "SELECT COUNT(*) FROM attempts")).isEqualTo(3);
        assertThat(count(db, "PRAGMA application_id")).as("marked as Control Room's").isEqualTo(SqliteDatabase.APPLICATION_ID);
        assertThat(count(db, "SELECT COUNT(*) FROM sessions")).isZero();
        Path backup = dir.resolve("cr.db.backup-v" + version + "-20261125-101530");
        assertThat(backup).exists();
        assertThat(count(backup, "PRAGMA user_version")).isEqualTo(version);
        assertThat(count(backup, "SELECT COUNT(*) FROM answers")).isEqualTo(25);
    }

    @Test
    void anEmptyFileBecomesAFreshDatabaseWithoutABackup() throws Exception {
        Path db = dir.resolve("cr.db");
        Files.createFile(db);
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.database().schemaVersion()).isEqualTo(org.controlroom.store.jdbc.Schema.latest());
            assertThat(store.notices()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("backup"));
        }
    }

    @Test
    void reopeningTheLatestSchemaChangesNothing() throws Exception {
        Path db = dir.resolve("cr.db");
        StoreTestSupport.open(db).close();
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.notices()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(org.controlroom.store.jdbc.Schema.latest());
        }
    }
}
