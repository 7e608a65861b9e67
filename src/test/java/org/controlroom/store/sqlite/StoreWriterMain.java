package org.controlroom.store.sqlite;

import java.time.Duration;
import java.time.Instant;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

/** Run in a child JVM by {@link TwoProcessesTest}: writes N answers for a learner into a database. */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        String learner = args[1];
        int n = Integer.parseInt(args[2]);
        try (LearnerStore store = LearnerStore.open(
                org.controlroom.store.DataLocation.locate(java.util.Optional.of(args[0])), Duration.ofSeconds(30),
                StoreTestSupport.CLOCK)) {
            Learner l = store.learners().findByName(learner).orElseGet(() -> store.learners().add(learner));
            long attempt = store.attempts().start(l.id(), "writer", "w.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            for (int i = 1; i <= n; i++) {
                store.attempts().recordAnswer(attempt, StoreTestSupport.answer(i, true, 0));
            }
        }
        System.out.println("done");
    }
}
