package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.LearnerProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a learner plays a drill in a separate JVM, which is killed ({@code destroyForcibly}) after
 * N answers; every one of the N answers is in the database afterwards.
 */
class ScenarioPlayCrashTest {

    @TempDir
    Path dir;

    @Test
    void answersGivenBeforeTheProcessIsKilledAreAllKept() throws Exception {
        Path db = dir.resolve("cr.db");
        Path lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons");
        assertThat(CliHarness.run("learner", "add", "Ana", "--db", db.toString()).exitCode()).isZero();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.controlroom.app.Main",
                "scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db.toString(),
                "--lessons", lessons.toString()).redirectErrorStream(true).start();
        int answered = 0;
        int n = 4;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            StringBuilder seen = new StringBuilder();
            String line;
            while (answered < n && (line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("Step ")) {
                    in.write("1 kHz\n");
                    in.flush();
                } else if (line.contains("Right:") || line.contains("It was ")) {
                    // the feedback is printed only after the answer was committed
                    answered++;
                }
            }
            assertThat(answered).as(seen.toString()).isEqualTo(n);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (LearnerStore store = LearnerStore.open(db)) {
            LearnerProgress p = store.progress().progress(store.learners().findByName("Ana").orElseThrow(),
                    org.controlroom.store.LessonHashes.none());
            assertThat(p.answers()).isEqualTo(n);
            assertThat(p.lessons()).as("the attempt never finished").isEmpty();
        }
    }
}
