package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark commands run and print their figures (speed itself is for the README, not for tests). */
class BenchCommandsTest {

    @TempDir
    Path dir;

    @Test
    void benchMixerPrintsTimesRealtime() {
        CliHarness.Result r = CliHarness.run("bench", "mixer", "--tracks", "2", "--seconds", "2", "--runs", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^[0-9]+ x realtime \\(best of 1").contains("2 stereo tracks");
    }

    @Test
    void benchMixerRefusesNonsense() {
        CliHarness.Result r = CliHarness.run("bench", "mixer", "--tracks", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("control-room: bench mixer:");
    }

    @Test
    void benchStorePrintsCommitAndQueryPercentiles() {
        CliHarness.Result r = CliHarness.run("bench", "store", "--answers", "50", "--history", "500", "--queries", "3",
                "--learners", "3", "--assignments", "2", "--gradebook-answers", "1200", "--dir", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("commit one answer: p50").contains("progress query over 500 answers")
                .contains("gradebook of 3 learners x 2 assignments (6 cells, 60 attempts) over 1200 answers");
    }
}
