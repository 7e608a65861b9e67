package org.controlroom.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.AttemptMode;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.testing.Backend;
import org.controlroom.store.testing.StoreTest;

/** Sent twice (a lost acknowledgement, the outbox after a crash), an attempt or an answer is stored once. */
class ClientKeysTest {

    private static AnswerRecord answer(int step) {
        return new AnswerRecord(step, "{}", "{}", Optional.of(true), Optional.empty(), Optional.empty(), 900, 1, 1, 10, 10,
                Instant.EPOCH.plusSeconds(step));
    }

    @StoreTest
    void anAnswerSentAgainUnderItsKeyIsStoredOnce(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            JdbcAttemptRepository attempts = new JdbcAttemptRepository(((JdbcStore) store).database());
            Learner ana = store.learners().add("Ana");
            long a = attempts.start(ana.id(), "eq-1", "eq-1.yaml", "h", 1, Instant.EPOCH, AttemptMode.LIVE, "attempt-key-1");
            long again = attempts.start(ana.id(), "eq-1", "eq-1.yaml", "h", 1, Instant.EPOCH, AttemptMode.LIVE, "attempt-key-1");
            assertThat(again).as("the same attempt").isEqualTo(a);
            assertThat(attempts.recordAnswers(a, List.of(answer(1), answer(2)), List.of("k1", "k2"), "save")).isEqualTo(2);
            assertThat(attempts.recordAnswers(a, List.of(answer(1), answer(2), answer(3)), List.of("k1", "k2", "k3"), "save"))
                    .as("only the new one").isEqualTo(1);
            assertThat(store.attempts().answers(a)).extracting(AnswerRecord::step).containsExactly(1, 2, 3);
            int first = store.attempts().finish(a, 90, true, "[]", 25, Instant.EPOCH);
            int sentAgain = store.attempts().finish(a, 90, true, "[]", 25, Instant.EPOCH);
            assertThat(first).isEqualTo(25);
            assertThat(sentAgain).as("the same result sent again keeps its award").isEqualTo(25);
        }
        assertThat(b.count("SELECT COUNT(*) FROM attempts")).isEqualTo(1);
        assertThat(b.count("SELECT COUNT(*) FROM answers")).isEqualTo(3);
        assertThat(b.count("SELECT COUNT(*) FROM xp_awards")).isEqualTo(1);
        assertThat(b.count("SELECT xp_earned FROM attempts")).isEqualTo(25);
    }
}
