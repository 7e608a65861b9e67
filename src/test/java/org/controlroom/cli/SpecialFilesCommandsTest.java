package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.io.Fifo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Named pipes and other files that are not ordinary never hang a command: every path from the user
 * or from a folder (lesson scripts for validate, list, progress and play; answers files; audio
 * inputs) is checked before it is opened. Each run has a time limit: before the fix they hung.
 */
class SpecialFilesCommandsTest {

    private static final Path SHIPPED = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons");
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Path lessons;
    private final List<Path> fifos = new ArrayList<>();

    @BeforeEach
    void lessonsWithAPipe() throws Exception {
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.createDirectories(dir.resolve("audio-assets"));
        Files.copy(SHIPPED.resolve("career.yaml"), lessons.resolve("career.yaml"));
        Files.copy(SHIPPED.resolve("ear-training/eq-octave-boosts.yaml"), lessons.resolve("good.yaml"));
        fifos.add(Fifo.make(lessons.resolve("ear-training/pipe.yaml")));
    }

    @AfterEach
    void releaseFifos() {
        fifos.forEach(Fifo::release);
    }

    private static CliHarness.Result run(String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> CliHarness.run(args), "the command hung");
    }

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    @Test
    void validateReportsThePipeAsFileLineColumnAndExitsOne() {
        CliHarness.Result r = run("lessons", "validate", lessons.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("pipe.yaml:1:1: is a named pipe (FIFO)");
        assertThat(r.out()).contains("1 lesson valid; 1 problem in 1 file");
    }

    @Test
    void listShowsTheGoodLessonAndNamesThePipe() {
        CliHarness.Result r = run("lessons", "list", lessons.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("eq-octave-boosts");
        assertThat(r.err()).contains("pipe.yaml").contains("named pipe");
    }

    @Test
    void progressDoesNotHang() {
        run("learner", "add", "Ana", "--db", db());

        CliHarness.Result r = run("progress", "Ana", "--db", db(), "--lessons", lessons.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Ana");
    }

    @Test
    void scenarioPlayDoesNotHangOnAPipeAmongTheLessons() throws Exception {
        run("learner", "add", "Ana", "--db", db());
        Path answers = Files.writeString(dir.resolve("answers.txt"), "#1\n".repeat(10));

        CliHarness.Result r = run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons.toString(), "--answers", answers.toString(), "--seed", "3", "--no-sound");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Score");
    }

    @Test
    void anAnswersFileThatIsAPipeIsRefusedInOneLine() throws Exception {
        run("learner", "add", "Ana", "--db", db());
        Path pipe = Fifo.make(dir.resolve("answers.fifo"));
        fifos.add(pipe);

        CliHarness.Result r = run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons.toString(), "--answers", pipe.toString(), "--no-sound");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(pipe.toString()).contains("named pipe").doesNotContain("not found");
    }

    @Test
    void anAnswersFileThatIsAFolderIsCalledAFolder() throws Exception {
        run("learner", "add", "Ana", "--db", db());
        Path folder = Files.createDirectories(dir.resolve("answers"));

        CliHarness.Result r = run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons.toString(), "--answers", folder.toString(), "--no-sound");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is a folder");
    }

    @Test
    void aLearnerDatabaseThatIsAPipeIsRefusedInOneLine() throws Exception {
        Path pipe = Fifo.make(dir.resolve("cr.db"));
        fifos.add(pipe);

        CliHarness.Result r = run("learner", "list", "--db", pipe.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("control-room: the learner database " + pipe
                + " is a named pipe (FIFO), not a database file; give --db the path of an ordinary file");
    }

    @Test
    void aLearnerDatabaseThatIsADeviceIsRefused() {
        CliHarness.Result r = run("learner", "add", "Ana", "--db", "/dev/null");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("/dev/null is a device");
    }

    @ParameterizedTest(name = "analyze {0}")
    @ValueSource(strings = {"loudness", "spectrum"})
    void analysisOfAPipeIsRefused(String what) throws Exception {
        Path pipe = Fifo.make(dir.resolve("in.wav"));
        fifos.add(pipe);

        CliHarness.Result r = run("analyze", what, pipe.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("control-room: " + pipe
                + ": is a named pipe (FIFO), not an audio file; give an ordinary file");
    }

    @Test
    void analysisOfADeviceIsRefused() {
        CliHarness.Result r = run("analyze", "loudness", "/dev/zero");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("/dev/zero: is a device");
    }

    @Test
    void renderFromAPipeIsRefusedAndWritesNothing() throws Exception {
        Path pipe = Fifo.make(dir.resolve("in.wav"));
        fifos.add(pipe);
        Path out = dir.resolve("out.wav");

        CliHarness.Result r = run("render", pipe.toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("named pipe");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void renderFromALinkToAPipeIsRefused() throws Exception {
        Path pipe = Fifo.make(dir.resolve("pipe"));
        fifos.add(pipe);
        Path link = Files.createSymbolicLink(dir.resolve("in.wav"), pipe);

        CliHarness.Result r = run("render", link.toString(), dir.resolve("out.wav").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("named pipe");
    }
}
