package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code bench drill} runs and prints its percentiles (the speed itself is for the README, not for tests). */
class BenchDrillCommandTest {

    private final Path song = Path.of(System.getProperty("controlroom.project.dir", "."),
            "audio-assets/songs/paper-lanterns/bass.ogg");

    @Test
    void benchDrillPrintsTheNextQuestionsPercentiles() {
        CliHarness.Result r = CliHarness.run("bench", "drill", "--song", song.toString(), "--seconds", "2",
                "--questions", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("next question ready (2 s excerpt of bass.ogg")
                .containsPattern("thread CPU: p50 [0-9.]+ ms   p95 [0-9.]+ ms")
                .contains("song decoded once per attempt");
    }

    @Test
    void benchDrillRefusesAMissingSong() {
        CliHarness.Result r = CliHarness.run("bench", "drill", "--song", "no/such.ogg");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bench drill: no song at");
    }
}
