package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.io.Fifo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only ordinary files inside the lessons folder are read: a named pipe never hangs the loader, a
 * device is not read, and a link leading out of the folder is refused without echoing what it
 * points at.
 */
class SpecialScriptFilesTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private final List<Path> fifos = new ArrayList<>();

    @AfterEach
    void releaseFifos() {
        fifos.forEach(Fifo::release);
    }

    private Path fifo(Path p) throws Exception {
        fifos.add(Fifo.make(p));
        return p;
    }

    private static LessonCatalog loadWithin(ScriptFixture fx) {
        return assertTimeoutPreemptively(LIMIT, fx::load, "the loader hung");
    }

    private static ScriptProblem onlyProblemOf(LessonCatalog c, String fileName) {
        List<ScriptProblem> mine = c.problems().stream()
                .filter(p -> p.file().getFileName().toString().equals(fileName)).toList();
        assertThat(mine).as("problems of %s in %s", fileName, c.problems()).hasSize(1);
        return mine.get(0);
    }

    @Test
    void aLessonFileThatIsANamedPipeIsReportedAndTheOthersStillLoad() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("drills/good.yaml", ScriptFixture.text(ScriptFixture.drillLines()));
        fifo(fx.lessons.resolve("drills/pipe.yaml"));

        LessonCatalog c = loadWithin(fx);

        ScriptProblem p = onlyProblemOf(c, "pipe.yaml");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("named pipe").contains("ordinary file");
        assertThat(c.lessons()).extracting(Lesson::id).containsExactly("sample-drill");
    }

    @Test
    void aLinkToANamedPipeIsReportedToo() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path pipe = fifo(fx.lessons.resolve("pipes/real-pipe"));
        Files.createSymbolicLink(fx.lessons.resolve("link.yml"), pipe);

        LessonCatalog c = loadWithin(fx);

        assertThat(onlyProblemOf(c, "link.yml").message()).contains("named pipe");
    }

    @Test
    void aCareerFileThatIsANamedPipeDoesNotHang() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Files.delete(fx.lessons.resolve("career.yaml"));
        fifo(fx.lessons.resolve("career.yaml"));

        LessonCatalog c = loadWithin(fx);

        assertThat(onlyProblemOf(c, "career.yaml").message()).contains("career file");
    }

    @Test
    void aLinkToADeviceIsNotRead() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        // /dev/zero never ends and /dev/urandom is not text: neither may be read at all
        Files.createSymbolicLink(fx.lessons.resolve("zero.yaml"), Path.of("/dev/zero"));

        LessonCatalog c = loadWithin(fx);

        assertThat(onlyProblemOf(c, "zero.yaml").message()).contains("outside the lessons folder");
    }

    @Test
    void aDeviceInsideTheFolderIsNamedAsOne() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("drills/good.yaml", ScriptFixture.text(ScriptFixture.drillLines()));
        Problems problems = new Problems(Path.of("/dev/zero"));

        assertThat(assertTimeoutPreemptively(LIMIT, () -> SafeYaml.read(problems))).isEmpty();
        assertThat(problems.list()).singleElement().extracting(ScriptProblem::message).asString()
                .contains("is a device").contains("ordinary file");
    }

    @Test
    void aLinkToASystemFileOutsideTheFolderIsRefusedWithoutEchoingIt() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path secret = tmp.resolve("elsewhere/secret.yaml");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "root:x:0:0:root-secret-line:/root:/bin/bash\n");
        Files.createSymbolicLink(fx.lessons.resolve("passwd.yaml"), secret);

        LessonCatalog c = loadWithin(fx);

        ScriptProblem p = onlyProblemOf(c, "passwd.yaml");
        assertThat(p.message()).contains("outside the lessons folder").doesNotContain("root");
        assertThat(p.toString()).doesNotContain("secret-line");
    }

    @Test
    void aLinkToAValidLessonOutsideTheFolderIsNotLoaded() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path outside = tmp.resolve("elsewhere/lesson.yaml");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, ScriptFixture.text(ScriptFixture.drillLines()));
        Files.createSymbolicLink(fx.lessons.resolve("linked.yaml"), outside);

        LessonCatalog c = loadWithin(fx);

        assertThat(c.lessons()).isEmpty();
        assertThat(onlyProblemOf(c, "linked.yaml").message()).contains("outside the lessons folder");
    }

    @Test
    void aLinkFromTheCareerFileToOutsideIsRefusedWithoutEchoingIt() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path secret = tmp.resolve("elsewhere/shadow");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "ranks-secret: hunter2\n");
        Files.delete(fx.lessons.resolve("career.yaml"));
        Files.createSymbolicLink(fx.lessons.resolve("career.yaml"), secret);

        LessonCatalog c = loadWithin(fx);

        assertThat(onlyProblemOf(c, "career.yaml").message()).contains("outside the lessons folder")
                .doesNotContain("hunter2").doesNotContain("ranks-secret");
    }

    @Test
    void aLinkInsideTheFolderStillLoads() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path real = fx.lesson("shared/drill.txt", ScriptFixture.text(ScriptFixture.drillLines()));
        Files.createDirectories(fx.lessons.resolve("drills"));
        Files.createSymbolicLink(fx.lessons.resolve("drills/linked.yaml"), real);

        LessonCatalog c = loadWithin(fx);

        assertThat(c.problems()).isEmpty();
        assertThat(c.lessons()).extracting(Lesson::id).containsExactly("sample-drill");
    }

    @Test
    void aDanglingLinkIsReported() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Files.createSymbolicLink(fx.lessons.resolve("gone.yaml"), tmp.resolve("nowhere.yaml"));

        LessonCatalog c = loadWithin(fx);

        assertThat(onlyProblemOf(c, "gone.yaml").message()).contains("does not exist");
    }

    @Test
    void aDrillSourceThatIsANamedPipeIsRejectedWithoutHanging() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        fifo(fx.assets.resolve("loops/pipe.wav"));
        List<String> lines = ScriptFixture.drillLines();
        lines.set(7, "  source: loops/pipe.wav");
        fx.lesson("drills/bad.yaml", ScriptFixture.text(lines));

        LessonCatalog c = loadWithin(fx);

        ScriptProblem p = onlyProblemOf(c, "bad.yaml");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.message()).contains("drill.source").contains("is not a file");
    }
}
