package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson whose title or brief carries terminal control sequences never reaches the terminal:
 * validate reports it at file:line:column, list and play leave it out, and nothing any of them
 * prints holds a raw control character.
 */
class ControlCharactersCommandsTest {

    private static final Path SHIPPED = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons");

    @TempDir
    Path dir;
    private Path lessons;

    @BeforeEach
    void hostileLessons() throws Exception {
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.createDirectories(dir.resolve("audio-assets"));
        Files.copy(SHIPPED.resolve("career.yaml"), lessons.resolve("career.yaml"));
        String good = Files.readString(SHIPPED.resolve("ear-training/eq-octave-boosts.yaml"));
        Files.writeString(lessons.resolve("osc.yaml"), good
                .replace("id: eq-octave-boosts", "id: osc-title")
                .replaceFirst("(?m)^title: .*$", "title: \"Boosts\\\\e]0;pwned\\\\a\\\\e[2J\""));
        Files.writeString(lessons.resolve("nul.yaml"), good
                .replace("id: eq-octave-boosts", "id: nul-brief")
                .replaceFirst("(?m)^brief: >\\n(  .*\\n)+", "brief: \"Listen\\\\0 then \\\\x9b31m answer\"\n"));
    }

    private static void assertNoRawControls(CliHarness.Result r) {
        for (String text : new String[] {r.out(), r.err()}) {
            for (char c : text.toCharArray()) {
                assertThat(c == '\n' || c == '\t' || !Character.isISOControl(c))
                        .as("a raw U+%04X in %s", (int) c, text).isTrue();
            }
        }
    }

    @Test
    void validateReportsEachAtItsLineAndPrintsNoRawControl() throws Exception {
        CliHarness.Result r = CliHarness.run("lessons", "validate", lessons.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("osc.yaml:2:8: title holds the control character U+001B (escape)")
                .contains("nul.yaml:").contains("brief holds the control character U+0000 (NUL)");
        assertNoRawControls(r);
    }

    @Test
    void listLeavesThemOutAndPrintsNoRawControl() {
        CliHarness.Result r = CliHarness.run("lessons", "list", lessons.toString(), "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("osc-title").doesNotContain("nul-brief");
        assertNoRawControls(r);
    }

    @Test
    void playCannotStartThemAndPrintsNoRawControl() {
        String db = dir.resolve("cr.db").toString();
        CliHarness.run("learner", "add", "Ana", "--db", db);

        CliHarness.Result r = CliHarness.run("scenario", "play", "osc-title", "--learner", "Ana", "--db", db,
                "--lessons", lessons.toString(), "--no-sound");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("Boosts");
        assertNoRawControls(r);
    }
}
