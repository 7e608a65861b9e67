package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --answers FILE} that is not plain UTF-8 text is refused before the attempt starts, in
 * words naming the file and the line, never as Java's "Input length = 1".
 */
class AnswersFileTest {

    private static final String LESSONS = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons")
            .toString();

    @TempDir
    Path dir;

    private CliHarness.Result play(Path answers) {
        String db = dir.resolve("cr.db").toString();
        CliHarness.run("learner", "add", "Ana", "--db", db);
        return CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db,
                "--lessons", LESSONS, "--answers", answers.toString(), "--seed", "1", "--no-sound");
    }

    private static void assertRefused(CliHarness.Result r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(fragments).doesNotContain("Input length").doesNotContain("Exception");
        assertThat(r.out()).as("nothing was played").doesNotContain("Step 1");
    }

    @Test
    void aBinaryAnswersFileIsCalledNotText() throws Exception {
        Path f = Files.write(dir.resolve("answers.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0x80});

        assertRefused(play(f), f.toString(), "is not UTF-8 text (line 1)");
    }

    @Test
    void theLineOfTheFirstBadByteIsNamed() throws Exception {
        byte[] latin1 = "#1\n#2\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("answers.txt"), latin1);

        assertRefused(play(f), "is not UTF-8 text (line 3)");
    }

    @Test
    void validUtf8WithNulBytesIsNotPlainText() throws Exception {
        Path f = Files.write(dir.resolve("answers.txt"), "#1\n#2\0\n".getBytes(StandardCharsets.UTF_8));

        assertRefused(play(f), "is not plain text: line 2", "U+0000");
    }

    @Test
    void aMissingAnswersFileIsNotFound() {
        Path f = dir.resolve("nope.txt");

        assertRefused(play(f), "answers file not found: " + f);
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreFine() throws Exception {
        Path f = Files.writeString(dir.resolve("answers.txt"), "\uFEFF" + "#1\r\n".repeat(10));

        CliHarness.Result r = play(f);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Score");
    }
}
