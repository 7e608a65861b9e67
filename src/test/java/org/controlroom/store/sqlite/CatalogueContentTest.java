package org.controlroom.store.sqlite;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.testing.StoreTest;
import org.controlroom.store.testing.Backend;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LessonHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XP, passes and best scores count only attempts at lesson content the catalogue holds. */
class CatalogueContentTest {

    private static final String FORGED = "f".repeat(64);
    private static final String V2 = "2".repeat(64);

    @TempDir
    Path dir;

    private static long pass(org.controlroom.store.LearnerStore store, Learner l, String lesson, String hash, double score, int xp) {
        long a = store.attempts().start(l.id(), lesson, lesson + ".yaml", hash, 1, Instant.EPOCH);
        store.attempts().finish(a, score, true, "[]", xp, Instant.parse("2026-11-25T10:00:00Z"));
        return a;
    }

    @StoreTest
    void aForgedPassEarnsNothingAndTheGenuineLessonCanStillBeEarnedAfterIt(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            pass(store, ana, "eq-1", FORGED, 100, 1000);
            LessonHashes catalogue = StoreTestSupport.catalogue("eq-1");
            assertThat(store.progress().progress(ana, catalogue).xp()).isZero();
            assertThat(store.progress().progress(ana, catalogue).lessons()).isEmpty();

            pass(store, ana, "eq-1", StoreTestSupport.HASH, 75, 20);
            LearnerProgress p = store.progress().progress(ana, catalogue);
            assertThat(p.xp()).isEqualTo(20);
            assertThat(p.lessons()).singleElement().satisfies(r -> {
                assertThat(r.bestScore()).as("the forged 100 is not the best score").isEqualTo(75);
                assertThat(r.attempts()).isEqualTo(1);
            });
        }
    }

    @StoreTest
    void theSameAttemptsCountOnceATutorsPackInstallsThatContent(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            pass(store, ana, "eq-1", V2, 90, 30);
            assertThat(store.progress().progress(ana, StoreTestSupport.catalogue("eq-1")).xp()).isZero();
            LessonHashes withPack = new LessonHashes(Map.of("eq-1", Set.of(StoreTestSupport.HASH, V2)));
            assertThat(store.progress().progress(ana, withPack).xp()).isEqualTo(30);
        }
    }

    @StoreTest
    void passingTwoVersionsTheCatalogueHoldsEarnsTheLessonOnce(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            pass(store, ana, "eq-1", StoreTestSupport.HASH, 80, 20);
            pass(store, ana, "eq-1", V2, 85, 20);
            LessonHashes both = new LessonHashes(Map.of("eq-1", Set.of(StoreTestSupport.HASH, V2)));
            LearnerProgress p = store.progress().progress(ana, both);
            assertThat(p.xp()).isEqualTo(20);
            assertThat(p.lessons()).singleElement().satisfies(r -> {
                assertThat(r.attempts()).isEqualTo(2);
                assertThat(r.bestScore()).isEqualTo(85);
            });
        }
    }

    @StoreTest
    void aLessonTheCatalogueDoesNotHoldCountsForNothing(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            pass(store, ana, "gone", StoreTestSupport.HASH, 90, 50);
            LearnerProgress p = store.progress().progress(ana, StoreTestSupport.catalogue("eq-1"));
            assertThat(p.xp()).isZero();
            assertThat(p.lessons()).isEmpty();
        }
    }

    @StoreTest
    void eachAttemptKeepsTheContentItPlayedForTheGradebook(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            long forged = pass(store, ana, "eq-1", FORGED, 100, 1000);
            long genuine = pass(store, ana, "eq-1", StoreTestSupport.HASH, 70, 20);
            assertThat(store.attempts().lessonHash(forged)).contains(FORGED);
            assertThat(store.attempts().lessonHash(genuine)).contains(StoreTestSupport.HASH);
        }
    }

    @Test
    void attemptsFromBeforeHashesWereKeptStillCountAndTheirLessonsEarnNoSecondXp() throws Exception {
        Path db = dir.resolve("cr.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            SqliteDatabase.migrate(c, 0, 3);
            s.execute("INSERT INTO learners (id, name, created_at) VALUES (1, 'Ana', '2025-01-01T00:00:00Z')");
            s.execute("INSERT INTO attempts (id, learner_id, lesson_id, lesson_file, seed, started_at, finished_at, score,"
                    + " passed, xp_earned) VALUES (1, 1, 'eq-1', 'e.yaml', 7, '2025-03-01T00:00:00Z', '2025-03-01T00:05:00Z',"
                    + " 85, 1, 20)");
            s.execute("INSERT INTO career_state (learner_id, xp, updated_at) VALUES (1, 20, 'x')");
            s.execute("INSERT INTO lesson_results VALUES (1, 'eq-1', 85, 1, 1, '2025-03-01T00:05:00Z')");
        }
        try (SqliteStore store = StoreTestSupport.open(db)) {
            Learner ana = store.learners().findByName("Ana").orElseThrow();
            LessonHashes catalogue = StoreTestSupport.catalogue("eq-1");
            assertThat(store.progress().progress(ana, catalogue).xp()).isEqualTo(20);
            assertThat(store.progress().progress(ana, catalogue).lessonsPassed()).isEqualTo(1);
            long again = store.attempts().start(ana.id(), "eq-1", "e.yaml", StoreTestSupport.HASH, 2, Instant.EPOCH);
            assertThat(store.attempts().finish(again, 95, true, "[]", 20, Instant.EPOCH)).isZero();
            LearnerProgress p = store.progress().progress(ana, catalogue);
            assertThat(p.xp()).isEqualTo(20);
            assertThat(p.lessons()).singleElement().satisfies(r -> {
                assertThat(r.attempts()).isEqualTo(2);
                assertThat(r.bestScore()).isEqualTo(95);
            });
        }
    }
}
