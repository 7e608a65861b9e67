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
import org.controlroom.store.LearnerStore;
import org.controlroom.store.testing.Backend;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    /** Every earlier version, on each backend. */
    static Stream<org.junit.jupiter.params.provider.Arguments> earlierVersions() {
        return Stream.of(Backend.Kind.values()).flatMap(kind -> java.util.stream.IntStream
                .range(0, org.controlroom.store.jdbc.Schema.latest()).mapToObj(v -> org.junit.jupiter.params.provider.Arguments.of(kind, v)));
    }

    /** A database at schema {@code version}, made by that version's migrations only, with data in it. */
    private static void makeDatabaseAt(Backend b, int version) throws Exception {
        b.migrateTo(version);
        if (version == 0) {
            return;
        }
        try (Connection c = b.connect(); Statement s = c.createStatement()) {
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
                         + ", '{\"exercise\":\"eq-frequency\",\"answer\":1000}', '{\"answer\":" + (i % 2 == 0 ? 1000 : 2000) + "}', " + (i % 2 == 0 ? 1 : 0)
                        + ", " + (i % 2 == 0 ? 0 : 1) + ", 'octaves', " + (1000 + i) + ", 1, 2, '2025-03-01T00:01:00Z')");
            }
            if (version >= 2) {
                // a v2 app kept these itself as attempts finished
                s.execute("INSERT INTO career_state (learner_id, xp, updated_at) VALUES (1, 120, 'x'), (2, 0, 'x')");
                s.execute("INSERT INTO lesson_results VALUES (1, 'eq-octave-boosts', 85, 1, 2, '2025-03-01T00:05:00Z')");
            }
        }
        b.continueIds("learners", "attempts", "answers");
    }

    private static long count(Path db, String sql) throws Exception {
        return StoreFaultsTest.count(db, sql);
    }

    @ParameterizedTest(name = "[{0}] from schema v{1}")
    @MethodSource("earlierVersions")
    void upgradingFromAnEarlierSchemaKeepsEveryRowAndBacksUpFirst(Backend.Kind kind, int version) throws Exception {
        try (Backend b = kind.fresh()) {
            upgrade(b, version);
        }
    }

    private void upgrade(Backend b, int version) throws Exception {
        makeDatabaseAt(b, version);
        try (LearnerStore store = b.open()) {
            assertThat(((org.controlroom.store.jdbc.JdbcStore) store).database().schemaVersion())
                    .isEqualTo(org.controlroom.store.jdbc.Schema.latest());
            if (version == 0) {
                assertThat(store.notices()).isEmpty();
                assertThat(store.learners().list()).isEmpty();
                Learner cy = store.learners().add("Cy");
                long a = store.attempts().start(cy.id(), "drill-1", "d.yaml", StoreTestSupport.HASH, 1, java.time.Instant.EPOCH);
                store.attempts().recordAnswer(a, StoreTestSupport.answer(1, true, 0));
                assertThat(store.attempts().answers(a)).hasSize(1);
                return;
            }
            assertThat(store.learners().list()).extracting(Learner::name).containsExactly("Ana", "Ben");
            Learner ana = store.learners().findByName("ana").orElseThrow();
            LearnerProgress p = store.progress().progress(ana, StoreTestSupport.catalogue("drill-1", "eq-octave-boosts"));
            assertThat(p.answers()).isEqualTo(b.count("SELECT COUNT(*) FROM answers a JOIN attempts t"
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
            Learner cy = store.learners().add("Cy");
            assertThat(cy.id()).as("new rows continue after the old ones").isEqualTo(3);
        }
        assertThat(b.count("SELECT COUNT(*) FROM answers")).isEqualTo(25);
        assertThat(b.count("SELECT COUNT(*) FROM attempts")).isEqualTo(3);
        assertThat(b.count("SELECT COUNT(*) FROM sessions")).isZero();
        if (version < 6) {
            // answers from before v6 get their question columns from their JSON, on either database
            assertThat(b.count("SELECT COUNT(*) FROM answers WHERE exercise = 'eq-frequency' AND family = 'eq-frequency'"
                    + " AND truth = 1000 AND band_hz = 1000 AND response IN (1000, 2000)")).isEqualTo(25);
            assertThat(b.count("SELECT COUNT(*) FROM answers WHERE response = 2000")).isEqualTo(13);
        }
        if (b.isSqlite()) {
            Path db = b.folder().resolve("cr.db");
            assertThat(count(db, "PRAGMA application_id")).as("marked as Control Room's").isEqualTo(SqliteDatabase.APPLICATION_ID);
            Path backup = b.folder().resolve("cr.db.backup-v" + version + "-20261125-101530");
            assertThat(backup).exists();
            assertThat(count(backup, "PRAGMA user_version")).isEqualTo(version);
            assertThat(count(backup, "SELECT COUNT(*) FROM answers")).isEqualTo(25);
        } else {
            assertThat(b.count("SELECT MAX(version) FROM control_room_schema")).isEqualTo(org.controlroom.store.jdbc.Schema.latest());
        }
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
