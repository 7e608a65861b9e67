package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.controlroom.store.CareerAction;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.testing.Backend;
import org.controlroom.store.testing.StoreTest;

/** The career log (schema v9) on each backend: what is appended is read back in order, per learner, kept on reopening. */
class CareerRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @StoreTest
    void actionsAreReadBackInOrderPerLearnerAndSurviveReopening(Backend backend) {
        long ana;
        long ben;
        try (LearnerStore store = backend.open()) {
            ana = store.learners().add("Ana").id();
            ben = store.learners().add("Ben").id();
            assertThat(store.careers().actions(ana)).isEmpty();
            CareerAction a1 = store.careers().append(ana, new CareerAction(99, "start", "freelance", 1234567890123L, null, null, T0));
            CareerAction a2 = store.careers().append(ana, new CareerAction(0, "take", "w0-1", 0, null, null, T0.plusSeconds(1)));
            store.careers().append(ben, new CareerAction(0, "start", "employed", 7, null, null, T0));
            CareerAction a3 = store.careers().append(ana, new CareerAction(0, "deliver", "w0-1", 42, 85.5, 1.0, T0.plusSeconds(2)));
            assertThat(List.of(a1.seq(), a2.seq(), a3.seq())).as("numbered by the store, from 1").containsExactly(1, 2, 3);
        }
        try (LearnerStore store = backend.open()) {
            assertThat(store.careers().actions(ana)).containsExactly(
                    new CareerAction(1, "start", "freelance", 1234567890123L, null, null, T0),
                    new CareerAction(2, "take", "w0-1", 0, null, null, T0.plusSeconds(1)),
                    new CareerAction(3, "deliver", "w0-1", 42, 85.5, 1.0, T0.plusSeconds(2)));
            assertThat(store.careers().actions(ben)).singleElement()
                    .satisfies(a -> assertThat(a.seq()).isEqualTo(1));
            // begin replaces the whole log in one go
            store.careers().begin(ana, new CareerAction(0, "start", "employed", 5, null, null, T0.plusSeconds(9)));
            assertThat(store.careers().actions(ana)).containsExactly(
                    new CareerAction(1, "start", "employed", 5, null, null, T0.plusSeconds(9)));
            store.careers().clear(ben);
            assertThat(store.careers().actions(ben)).isEmpty();
            // removing a learner removes their career
            store.learners().remove("Ana");
            assertThat(store.careers().actions(ana)).isEmpty();
            assertThat(backend.count("SELECT COUNT(*) FROM career_actions")).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
