package org.controlroom.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

/**
 * Run in a child JVM by {@link FirstPassXpTest}: does what the app does when a learner passes a lesson —
 * reads their progress, starts an attempt, says "ready", waits for the go file, then saves a passing
 * result offering the lesson's XP, and prints the XP it was awarded.
 */
public final class FirstPassMain {

    private FirstPassMain() {
    }

    public static void main(String[] args) throws Exception {
        String learner = args[1];
        String lessonId = args[2];
        int xp = Integer.parseInt(args[3]);
        Path go = Path.of(args[4]);
        try (LearnerStore store = LearnerStore.open(
                org.controlroom.store.DataLocation.locate(java.util.Optional.of(args[0])), Duration.ofSeconds(30),
                StoreTestSupport.CLOCK)) {
            Learner l = store.learners().findByName(learner).orElseThrow();
            boolean passedBefore = store.progress().progress(l, StoreTestSupport.catalogue(lessonId)).lessons().stream()
                    .anyMatch(r -> r.lessonId().equals(lessonId) && r.passed());
            long attempt = store.attempts().start(l.id(), lessonId, lessonId + ".yaml", StoreTestSupport.HASH, 1,
                    Instant.EPOCH);
            System.out.println("ready");
            System.out.flush();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(go) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            int awarded = store.attempts().finish(attempt, 90, true, "[]", passedBefore ? 0 : xp, Instant.EPOCH);
            System.out.println("awarded " + awarded);
        }
    }
}
