package org.controlroom.store.sqlite;

import org.controlroom.store.testing.StoreTest;
import org.controlroom.store.testing.Backend;
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

    @StoreTest
    void aSavedSessionIsThereAfterTheAppIsClosedAndOpenedAgain(Backend b) throws Exception {
        long ana;
        try (LearnerStore store = b.open()) {
            ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN, T1);
        }
        try (LearnerStore store = b.open()) {
            assertThat(store.sessions().find(ana, "mix-vocal"))
                    .contains(new SavedSession(ana, "mix-vocal", "hash-a", PLAN, T1));
        }
    }

    @StoreTest
    void eachSaveIsOnDiskForOtherConnectionsTheMomentItReturns(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN, T1);
            assertThat(b.count("SELECT COUNT(*) FROM sessions")).isEqualTo(1);
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN.replace("-2.5", "-4"), T2);
            assertThat(b.count("SELECT COUNT(*) FROM sessions WHERE plan_yaml LIKE '%-4,%'"))
                    .isEqualTo(1);
        }
    }

    @StoreTest
    void savingAgainReplacesTheLearnersSessionForThatLessonKeepingOneRow(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-a", PLAN, T1);
            store.sessions().save(ana, "mix-vocal", "hash-b", "mix: {}\n", T2);
            assertThat(store.sessions().find(ana, "mix-vocal"))
                    .contains(new SavedSession(ana, "mix-vocal", "hash-b", "mix: {}\n", T2));
        }
        assertThat(b.count("SELECT COUNT(*) FROM sessions")).isEqualTo(1);
    }

    @StoreTest
    void sessionsAreKeptPerLearnerAndPerLessonAndDeletingForgetsOnlyOne(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
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

    @StoreTest
    void aSessionMadeOnAnEarlierVersionOfTheLessonComesBackWithThatVersionsHash(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-vocal", "hash-of-the-old-file", PLAN, T1);
            SavedSession back = store.sessions().find(ana, "mix-vocal").orElseThrow();
            assertThat(back.lessonHash()).as("the caller compares it with the lesson's hash now, and reports")
                    .isEqualTo("hash-of-the-old-file");
            assertThat(back.planYaml()).isEqualTo(PLAN);
        }
    }

    @StoreTest
    void plansAreStoredExactlyAsGivenQuotesAndAllTheWorldsCharacters(Backend b) throws Exception {
        String plan = "# Émile's mix — \"loud\" 'n' clear; DROP TABLE sessions;--\nmix: {tracks: {vocal: {gain_db: -1}}}\n\t🎚\n";
        try (LearnerStore store = b.open()) {
            Learner emile = store.learners().add("Émile");
            store.sessions().save(emile.id(), "mix-vocal", "h", plan, T1);
            assertThat(store.sessions().find(emile.id(), "mix-vocal")).map(SavedSession::planYaml).contains(plan);
        }
    }
}
