package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.testing.Backend;
import org.controlroom.store.testing.StoreTest;

class TwoProcessesTest {

    /** Two child JVMs and this one write answers at once, each as its own learner: every answer is stored. */
    @StoreTest
    void twoProcessesWritingAtOnceBothSucceed(Backend b) throws Exception {
        int n = 300;
        try (LearnerStore store = b.open(Backend.CLOCK, Duration.ofSeconds(30))) {
            Learner ana = store.learners().add("Ana");
            store.learners().add("Ben");
            List<Process> children = new ArrayList<>();
            for (String who : List.of("Ben", "Cy")) {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), b.dbArgument(), who,
                        Integer.toString(n)).redirectErrorStream(true);
                pb.environment().putAll(b.environment());
                children.add(pb.start());
            }
            long attempt = store.attempts().start(ana.id(), "writer", "w.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            for (int i = 1; i <= n; i++) {
                store.attempts().recordAnswer(attempt, StoreTestSupport.answer(i, true, 0));
            }
            for (Process child : children) {
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(child.exitValue()).as(out).isZero();
                assertThat(out).contains("done");
            }
            assertThat(store.progress().progress(ana, StoreTestSupport.catalogue("drill-1", "eq-octave-boosts")).answers()).isEqualTo(n);
            for (String who : List.of("Ben", "Cy")) {
                assertThat(store.progress().progress(store.learners().findByName(who).orElseThrow(), LessonHashes.none())
                        .answers()).as(who).isEqualTo(n);
            }
        }
        assertThat(b.count("SELECT COUNT(*) FROM answers")).isEqualTo(3L * n);
    }
}
