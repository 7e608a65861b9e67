package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoProcessesTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingAtOnceBothSucceed() throws Exception {
        Path db = dir.resolve("cr.db");
        int n = 300;
        try (LearnerStore store = LearnerStore.open(db, Duration.ofSeconds(30), StoreTestSupport.CLOCK)) {
            Learner ana = store.learners().add("Ana");
            store.learners().add("Ben");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), db.toString(), "Ben",
                    Integer.toString(n)).redirectErrorStream(true).start();
            long attempt = store.attempts().start(ana.id(), "writer", "w.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            for (int i = 1; i <= n; i++) {
                store.attempts().recordAnswer(attempt, StoreTestSupport.answer(i, true, 0));
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(out).isZero();
            assertThat(out).contains("done");
            assertThat(store.progress().progress(ana, StoreTestSupport.catalogue("drill-1", "eq-octave-boosts")).answers()).isEqualTo(n);
            assertThat(store.progress().progress(store.learners().findByName("Ben").orElseThrow(), LessonHashes.none()).answers()).isEqualTo(n);
        }
        assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM answers")).isEqualTo(2L * n);
    }
}
