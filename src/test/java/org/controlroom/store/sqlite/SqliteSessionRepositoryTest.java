package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.SavedSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionRepositoryTest {

    private static final String PLAN = """
            mix:
              tracks:
                vocal: {gain_db: -2.5, pan: 0, eq: [{type: peak, hz: 320, gain_db: -3, q: 1.4}]}
                bass: {gain_db: -6}
            """;
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:00:02Z");

    @TempDir
    Path dir;

    @Test
    void aSavedSessionIsThereAfterTheAppIsClosedAndOpenedAgain() {
        Path db = dir.resolve("cr.db");
        long ana;
        try (LearnerStore store = StoreTestSupport.open(db)) {
            ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN, T1);
        }
        try (LearnerStore store = StoreTestSupport.open(db)) {
            assertThat(store.sessions().find(ana, "mix-vocal"))
                    .contains(new SavedSession(ana, "mix-vocal", "hash-a", PLAN, T1));
        }
    }

    @Test
    void eachSaveIsOnDiskForOtherConnectionsTheMomentItReturns() throws Exception {
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = StoreTestSupport.open(db)) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN, T1);
            assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM sessions")).isEqualTo(1);
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN.replace("-2.5", "-4"), T2);
            assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM sessions WHERE plan_yaml LIKE '%-4,%'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void savingAgainReplacesTheLearnersSessionForThatLessonKeepingOneRow() throws Exception {
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = StoreTestSupport.open(db)) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN, T1);
            store.sessions().save(ana, "mix-vocal", "hash-b", "mix: {}\n", T2);
            assertThat(store.sessions().find(ana, "mix-vocal"))
                    .contains(new SavedSession(ana, "mix-vocal", "hash-b", "mix: {}\n", T2));
        }
        assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM sessions")).isEqualTo(1);
    }

    @Test
    void sessionsAreKeptPerLearnerAndPerLessonAndDeletingForgetsOnlyOne() {
        try (LearnerStore store = StoreTestSupport.open(dir.resolve("cr.db"))) {
            long ana = store.learners().add("Ana").id();
            long ben = store.learners().add("Ben").id();
            store.sessions().save(ana, "mix-vocal", "h", "ana vocal", T1);
            store.sessions().save(ana, "arrange-pop", "h", "ana arrange", T1);
            store.sessions().save(ben, "mix-vocal", "h", "ben vocal", T1);

            store.sessions().delete(ana, "mix-vocal");

            assertThat(store.sessions().find(ana, "mix-vocal")).isEmpty();
            assertThat(store.sessions().find(ana, "arrange-pop")).map(SavedSession::planYaml).contains("ana arrange");
            assertThat(store.sessions().find(ben, "mix-vocal")).map(SavedSession::planYaml).contains("ben vocal");
            store.sessions().delete(ana, "mix-vocal"); // nothing left to forget: no error
            assertThat(store.sessions().find(ben, "nothing-saved")).isEmpty();
        }
    }

    @Test
    void aSessionMadeOnAnEarlierVersionOfTheLessonComesBackWithThatVersionsHash() {
        try (LearnerStore store = StoreTestSupport.open(dir.resolve("cr.db"))) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-of-the-old-file", PLAN, T1);
            SavedSession back = store.sessions().find(ana, "mix-vocal").orElseThrow();
            assertThat(back.lessonHash()).as("the caller compares it with the lesson's hash now, and reports")
                    .isEqualTo("hash-of-the-old-file");
            assertThat(back.planYaml()).isEqualTo(PLAN);
        }
    }

    @Test
    void plansAreStoredExactlyAsGivenQuotesAndAllTheWorldsCharacters() {
        String plan = "# Émile's mix — \"loud\" 'n' clear; DROP TABLE sessions;--\nmix: {tracks: {vocal: {gain_db: -1}}}\n\t🎚\n";
        try (LearnerStore store = StoreTestSupport.open(dir.resolve("cr.db"))) {
            Learner emile = store.learners().add("Émile");
            store.sessions().save(emile.id(), "mix-vocal", "h", plan, T1);
            assertThat(store.sessions().find(emile.id(), "mix-vocal")).map(SavedSession::planYaml).contains(plan);
        }
    }
}
