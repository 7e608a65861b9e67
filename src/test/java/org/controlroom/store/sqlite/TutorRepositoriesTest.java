package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Assignment;
import org.controlroom.store.AttemptMode;
import org.controlroom.store.GradedAttempt;
import org.controlroom.store.Learner;
import org.controlroom.store.PinFailures;
import org.controlroom.store.PinRecord;
import org.controlroom.store.StoreException;
import org.controlroom.store.TutorClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutor-mode repositories (schema v7) on SQLite: what each call stores is what reads give back. */
class TutorRepositoriesTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void thePinRecordIsOneRowReplacedWholeAndItsFailureCountSurvivesReopening() {
        Path db = dir.resolve("t.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.tutor().pin()).isEmpty();
            assertThat(store.tutor().recordFailure(T0)).as("no tutor: nothing to count").isEqualTo(PinFailures.NONE);
            store.tutor().setPin(new PinRecord("PBKDF2WithHmacSHA256", 210_000, "c2FsdA==", "aGFzaA==", T0));
            assertThat(store.tutor().recordFailure(T0.plusSeconds(1)).count()).isEqualTo(1);
            assertThat(store.tutor().recordFailure(T0.plusSeconds(5)).count()).isEqualTo(2);
        }
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.tutor().failures()).isEqualTo(new PinFailures(2, Optional.of(T0.plusSeconds(5))));
            store.tutor().setPin(new PinRecord("PBKDF2WithHmacSHA256", 300_000, "bmV3", "bmV3aGFzaA==", T0.plusSeconds(9)));
            assertThat(store.tutor().pin()).contains(
                    new PinRecord("PBKDF2WithHmacSHA256", 300_000, "bmV3", "bmV3aGFzaA==", T0.plusSeconds(9)));
            assertThat(store.tutor().failures()).as("a new PIN starts a clean count").isEqualTo(PinFailures.NONE);
            store.tutor().recordFailure(T0.plusSeconds(10));
            store.tutor().clearFailures();
            assertThat(store.tutor().failures()).isEqualTo(PinFailures.NONE);
            assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM tutor")).isEqualTo(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void classesAreCreatedRenamedArchivedAndHoldLearners() {
        try (SqliteStore store = StoreTestSupport.open(dir.resolve("c.db"))) {
            Learner ana = store.learners().add("Ana");
            Learner ben = store.learners().add("Ben");
            TutorClass y10 = store.classes().add("  Year 10 ");
            assertThat(y10.name()).isEqualTo("Year 10");
            assertThatThrownBy(() -> store.classes().add("YEAR 10")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already a class called 'Year 10'");
            TutorClass b = store.classes().add("Beats");
            assertThat(store.classes().list()).extracting(TutorClass::name).containsExactly("Beats", "Year 10");

            assertThat(store.classes().addLearner(y10.id(), ana.id())).isTrue();
            assertThat(store.classes().addLearner(y10.id(), ana.id())).as("already in").isFalse();
            assertThat(store.classes().addLearner(y10.id(), ben.id())).isTrue();
            assertThat(store.classes().addLearner(b.id(), ana.id())).isTrue();
            assertThatThrownBy(() -> store.classes().addLearner(y10.id(), 999)).isInstanceOf(StoreException.class);
            assertThat(store.classes().members(y10.id())).extracting(Learner::name).containsExactly("Ana", "Ben");
            assertThat(store.classes().classesOf(ana.id())).extracting(TutorClass::name).containsExactly("Beats", "Year 10");

            TutorClass renamed = store.classes().rename("year 10", "Year 11");
            assertThat(renamed.id()).isEqualTo(y10.id());
            assertThat(store.classes().findByName("YEAR 11")).map(TutorClass::id).contains(y10.id());
            assertThat(store.classes().findByName("Year 10")).isEmpty();
            assertThatThrownBy(() -> store.classes().rename("Year 11", "beats")).isInstanceOf(StoreException.class);
            assertThat(store.classes().members(y10.id())).as("members stay through a rename").hasSize(2);

            TutorClass archived = store.classes().setArchived("Year 11", true);
            assertThat(archived.archived()).isTrue();
            assertThat(store.classes().findByName("Year 11").orElseThrow().archivedAt()).isPresent();
            assertThat(store.classes().setArchived("Year 11", false).archived()).isFalse();

            assertThat(store.classes().removeLearner(y10.id(), ben.id())).isTrue();
            assertThat(store.classes().removeLearner(y10.id(), ben.id())).isFalse();
            assertThat(store.classes().members(y10.id())).extracting(Learner::name).containsExactly("Ana");
        }
    }

    @Test
    void aLearnerSeesTheirOwnAssignmentsAndTheirActiveClassesButNotOthers() {
        try (SqliteStore store = StoreTestSupport.open(dir.resolve("a.db"))) {
            Learner ana = store.learners().add("Ana");
            Learner ben = store.learners().add("Ben");
            TutorClass k = store.classes().add("Year 10");
            store.classes().addLearner(k.id(), ana.id());
            Instant due = T0.plusSeconds(86_400 * 7);
            Assignment forClass = store.assignments().assignToClass(k.id(), List.of("eq-octave-boosts", "level-steps"),
                    due, OptionalDouble.of(70), T0);
            Assignment forBen = store.assignments().assignToLearner(ben.id(), List.of("pan-quarters"), due,
                    OptionalDouble.empty(), T0);
            assertThat(store.assignments().find(forClass.id())).contains(forClass);
            assertThat(forClass.lessonIds()).containsExactly("eq-octave-boosts", "level-steps");
            assertThat(store.assignments().forLearner(ana.id())).containsExactly(forClass);
            assertThat(store.assignments().forLearner(ben.id())).containsExactly(forBen);
            assertThat(store.assignments().forClass(k.id())).containsExactly(forClass);
            assertThat(store.assignments().list()).containsExactly(forClass, forBen);

            store.classes().setArchived("Year 10", true);
            assertThat(store.assignments().forLearner(ana.id())).as("an archived class's work leaves home").isEmpty();

            assertThatThrownBy(() -> store.assignments().assignToLearner(ben.id(), List.of("x"), due,
                    OptionalDouble.of(101), T0)).isInstanceOf(StoreException.class).hasMessageContaining("0 to 100");
            assertThatThrownBy(() -> store.assignments().assignToClass(999, List.of("x"), due,
                    OptionalDouble.empty(), T0)).isInstanceOf(StoreException.class);

            assertThat(store.assignments().remove(forBen.id())).isTrue();
            assertThat(store.assignments().find(forBen.id())).isEmpty();
        }
    }

    @Test
    void removingALearnerTakesTheirMembershipsAndAssignmentsWithThem() throws Exception {
        Path db = dir.resolve("r.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            Learner ana = store.learners().add("Ana");
            TutorClass k = store.classes().add("Year 10");
            store.classes().addLearner(k.id(), ana.id());
            store.assignments().assignToLearner(ana.id(), List.of("pan-quarters"), T0, OptionalDouble.empty(), T0);
            store.learners().remove("Ana");
            assertThat(store.classes().members(k.id())).isEmpty();
            assertThat(store.assignments().list()).isEmpty();
        }
        assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM assignment_lessons")).isZero();
    }

    @Test
    void theGradebookRowsCountEachAttemptsAnswersAndMarkReplays() {
        try (SqliteStore store = StoreTestSupport.open(dir.resolve("g.db"))) {
            Learner ana = store.learners().add("Ana");
            Learner ben = store.learners().add("Ben");
            long a1 = store.attempts().start(ana.id(), "eq-octave-boosts", "e.yaml", StoreTestSupport.HASH, 1, T0);
            store.attempts().recordAnswers(a1, List.of(answer(1, 1200, T0.plusSeconds(10)), answer(2, 800, T0.plusSeconds(20))));
            store.attempts().finish(a1, 64.5, false, "[{\"name\":\"accuracy\"}]", 10, T0.plusSeconds(30));
            long a2 = store.attempts().start(ana.id(), "eq-octave-boosts", "e.yaml", StoreTestSupport.HASH, 2,
                    T0.plusSeconds(100), new AttemptMode(true, true));
            long b1 = store.attempts().start(ben.id(), "level-steps", "l.yaml", StoreTestSupport.HASH, 3, T0.plusSeconds(50));
            store.attempts().recordAnswer(b1, answer(1, 500, T0.plusSeconds(55)));
            store.attempts().start(ben.id(), "not-assigned", "n.yaml", StoreTestSupport.HASH, 4, T0);

            List<GradedAttempt> rows = store.gradebook().attempts(List.of(ana.id(), ben.id()),
                    List.of("eq-octave-boosts", "level-steps"));
            assertThat(rows).extracting(GradedAttempt::attemptId).containsExactly(a1, b1, a2);
            GradedAttempt first = rows.get(0);
            assertThat(first.answers()).isEqualTo(2);
            assertThat(first.answerMillis()).isEqualTo(2000);
            assertThat(first.score()).contains(64.5);
            assertThat(first.finishedAt()).contains(T0.plusSeconds(30));
            assertThat(first.lastAnswerAt()).contains(T0.plusSeconds(20));
            assertThat(first.passed()).isFalse();
            assertThat(rows.get(2).replay()).isTrue();
            assertThat(rows.get(2).answers()).isZero();
            assertThat(rows.get(1).score()).as("unfinished").isEmpty();
            assertThat(store.gradebook().criteriaJson(a1)).contains("[{\"name\":\"accuracy\"}]");
            assertThat(store.gradebook().attempts(List.of(), List.of("level-steps"))).isEmpty();
        }
    }

    private static AnswerRecord answer(int step, long millis, Instant at) {
        return new AnswerRecord(step, "{\"exercise\":\"eq-frequency\"}", "{\"answer\":1}", Optional.of(true),
                Optional.of(0.0), Optional.of("octaves"), millis, 1, 1, 10, 10, at);
    }
}
