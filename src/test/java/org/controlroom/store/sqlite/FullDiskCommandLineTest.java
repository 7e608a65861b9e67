package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenario play} on a full disk: "the disk is full", the drill does not go ahead, nothing is lost. */
class FullDiskCommandLineTest {

    @TempDir
    Path dir;

    private final String lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString();

    /** Feedback is printed only once the answer is committed. */
    private static long feedbackShown(CliHarness.Result r) {
        return r.err().lines().filter(l -> l.contains("Right:") || l.contains("It was ")).count();
    }

    @Test
    void aDrillOnAFullDiskStopsBeforeItsFirstQuestionAndSaysTheDiskIsFull() throws Exception {
        String why = ScratchDisk.unavailableReason(dir.resolve("probe"));
        assumeTrue(why.isEmpty(), why);
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#1\n".repeat(10));
        try (ScratchDisk disk = ScratchDisk.mount(dir.resolve("disk"), "1m")) {
            String db = disk.path().resolve("cr.db").toString();
            assertThat(CliHarness.run("learner", "add", "Ana", "--db", db).exitCode()).isZero();
            CliHarness.Result first = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db,
                    "--lessons", lessons, "--answers", answers.toString(), "--json", "--no-sound");
            assertThat(first.exitCode()).as(first.err()).isZero();
            long confirmed = feedbackShown(first);
            assertThat(confirmed).isEqualTo(10);

            Path filler = disk.fill();
            CliHarness.Result full = null;
            for (int i = 0; i < 200; i++) { // SQLite may still have room in its log for a few attempts
                full = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db,
                        "--lessons", lessons, "--answers", answers.toString(), "--json", "--no-sound");
                confirmed += feedbackShown(full);
                if (full.exitCode() != 0) {
                    break;
                }
            }
            assertThat(full.exitCode()).as(full.err()).isEqualTo(2);
            assertThat(full.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                    .startsWith("control-room: the disk is full").doesNotContain("SQLITE").doesNotContain("FOREIGN KEY");

            Files.delete(filler);
            CliHarness.Result progress = CliHarness.run("progress", "Ana", "--json", "--db", db, "--lessons", lessons);
            assertThat(progress.exitCode()).as(progress.err()).isZero();
            var p = new com.fasterxml.jackson.databind.ObjectMapper().readTree(progress.out());
            assertThat(p.get("answers").asLong()).as("every answer whose feedback was shown is kept, and no other")
                    .isEqualTo(confirmed);
            assertThat(p.get("lessons").get(0).get("attempts").asInt()).isGreaterThanOrEqualTo(1);
        }
    }
}
