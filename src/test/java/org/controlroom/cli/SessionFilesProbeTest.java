package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.controlroom.dsp.io.Fifo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's cases for session lessons: a plan file that is a named pipe never hangs {@code mix} or
 * {@code scenario play}; a plan with control characters is refused at its line; {@code mix --out}
 * never replaces one of the lessons' own sounds (the render-over-its-input case).
 */
class SessionFilesProbeTest {

    private static final Path PROJECT = Path.of(System.getProperty("controlroom.project.dir", "."));
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Path lessons;
    private Path assets;
    private final List<Path> fifos = new ArrayList<>();

    @BeforeEach
    void copyOfTheProject() throws Exception {
        lessons = dir.resolve("lessons");
        assets = dir.resolve("audio-assets");
        copyTree(PROJECT.resolve("lessons"), lessons);
        copyTree(PROJECT.resolve("audio-assets"), assets);
        Path mix = lessons.resolve("scenarios/mixing/first-balance.yaml");
        Files.writeString(mix, Files.readString(mix).replaceFirst("(?m)^rank: .*$", "rank: runner"));
    }

    @AfterEach
    void releaseFifos() {
        fifos.forEach(Fifo::release);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static CliHarness.Result run(String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> CliHarness.run(args), "the command hung");
    }

    @Test
    void mixWithAPlanThatIsANamedPipeDoesNotHang() throws Exception {
        Path pipe = Fifo.make(dir.resolve("plan.yaml"));
        fifos.add(pipe);

        CliHarness.Result r = run("mix", "mix-first-balance", "--plan", pipe.toString(), "--out",
                dir.resolve("out.wav").toString(), "--lessons", lessons.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(pipe.toString());
        assertThat(dir.resolve("out.wav")).doesNotExist();
    }

    @Test
    void scenarioPlayWithAPlanThatIsANamedPipeDoesNotHang() throws Exception {
        String db = dir.resolve("cr.db").toString();
        run("learner", "add", "Ana", "--db", db);
        Path pipe = Fifo.make(dir.resolve("plan.yaml"));
        fifos.add(pipe);

        CliHarness.Result r = run("scenario", "play", "mix-first-balance", "--learner", "Ana", "--db", db,
                "--lessons", lessons.toString(), "--plan", pipe.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(pipe.toString());
    }

    @Test
    void aPlanNamingATrackWithAnEscapeIsRefusedWithoutPrintingIt() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                mix:
                  tracks:
                    "drums\\e]0;pwned\\a": {gain_db: 0}
                """);

        CliHarness.Result r = run("mix", "mix-first-balance", "--plan", plan.toString(), "--out",
                dir.resolve("out.wav").toString(), "--lessons", lessons.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(plan + ":3:5:");
        assertThat(r.err().chars().filter(c -> c == 0x1b || c == 0x07)).as("no raw escape or bell").isEmpty();
        assertThat(dir.resolve("out.wav")).doesNotExist();
    }

    @Test
    void mixRefusesToReplaceALessonsSound() throws Exception {
        Path drums = assets.resolve("loops/drums.wav");
        byte[] before = Files.readAllBytes(drums);

        CliHarness.Result r = run("mix", "mix-first-balance", "--out", drums.toString(),
                "--lessons", lessons.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("never replaces a lesson's sounds");
        assertThat(Files.readAllBytes(drums)).isEqualTo(before);
    }

    @Test
    void mixRefusesToReplaceALessonsSoundThroughALink() throws Exception {
        Path drums = assets.resolve("loops/drums.wav");
        byte[] before = Files.readAllBytes(drums);
        Path link = Files.createSymbolicLink(dir.resolve("render.wav"), drums);

        CliHarness.Result r = run("mix", "mix-first-balance", "--out", link.toString(),
                "--lessons", lessons.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Files.readAllBytes(drums)).isEqualTo(before);
    }

    @Test
    void mixStillWritesANewFileAnywhere() throws Exception {
        Path out = dir.resolve("render.wav");

        CliHarness.Result r = run("mix", "mix-first-balance", "--out", out.toString(), "--lessons", lessons.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).exists();
    }
}
