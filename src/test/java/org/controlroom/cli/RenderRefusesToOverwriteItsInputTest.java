package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code render X X} must never destroy X: every spelling of the input as the output (the same
 * string, {@code ./}, {@code ..}, absolute against relative, a symbolic link, a hard link) is refused
 * with exit 2 and one line, and the input keeps its bytes.
 */
class RenderRefusesToOverwriteItsInputTest {

    @TempDir
    Path dir;
    private Path input;
    private byte[] original;

    @BeforeEach
    void writeInput() throws Exception {
        input = dir.resolve("same.wav");
        float[] s = new float[4410];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        WavWriter.write(input, new AudioClip(44100, 1, s), WavSampleFormat.PCM_16);
        original = Files.readAllBytes(input);
        Files.createDirectories(dir.resolve("sub"));
    }

    /** Ways to name the input again as the output. */
    static Stream<Arguments> spellings() {
        Function<Path, String> same = p -> p.toString();
        Function<Path, String> dotSlash = p -> p.getParent() + "/./" + p.getFileName();
        Function<Path, String> dotDot = p -> p.getParent() + "/sub/../" + p.getFileName();
        Function<Path, String> relative = p -> Path.of("").toAbsolutePath().relativize(p).toString();
        Function<Path, String> doubleSlash = p -> p.getParent() + "//" + p.getFileName();
        return Stream.of(
                Arguments.of("the same string", same),
                Arguments.of("with ./", dotSlash),
                Arguments.of("through sub/..", dotDot),
                Arguments.of("relative to the working folder", relative),
                Arguments.of("with a doubled slash", doubleSlash));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void theInputSpelledAnotherWayIsRefused(String name, Function<Path, String> spell) throws Exception {
        String out = spell.apply(input);

        CliHarness.Result r = CliHarness.run("render", input.toString(), out, "--gain", "6");

        assertRefusedAndInputIntact(r);
    }

    @Test
    void anAbsoluteOutputForARelativeInputIsRefused() throws Exception {
        String relativeIn = Path.of("").toAbsolutePath().relativize(input).toString();

        CliHarness.Result r = CliHarness.run("render", relativeIn, input.toAbsolutePath().toString(), "--gain", "6");

        assertRefusedAndInputIntact(r);
    }

    @Test
    void aSymbolicLinkToTheInputIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("sub/link.wav"), input);

        CliHarness.Result r = CliHarness.run("render", input.toString(), link.toString(), "--gain", "6");

        assertRefusedAndInputIntact(r);
        assertThat(Files.isSymbolicLink(link)).as("the link is left as it was").isTrue();
    }

    @Test
    void anInputGivenThroughALinkIsNotOverwrittenByItsRealName() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("sub/link.wav"), input);

        CliHarness.Result r = CliHarness.run("render", link.toString(), input.toString(), "--gain", "6");

        assertRefusedAndInputIntact(r);
    }

    @Test
    void aHardLinkToTheInputIsRefused() throws Exception {
        Path hard = Files.createLink(dir.resolve("sub/hard.wav"), input);

        CliHarness.Result r = CliHarness.run("render", input.toString(), hard.toString(), "--gain", "6");

        assertRefusedAndInputIntact(r);
        assertThat(Files.readAllBytes(hard)).isEqualTo(original);
    }

    @Test
    void aFileOfTheSameNameInAnotherFolderIsAnOrdinaryOutput() throws Exception {
        Path other = dir.resolve("sub/same.wav");

        CliHarness.Result r = CliHarness.run("render", input.toString(), other.toString(), "--gain", "6");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.exists(other)).isTrue();
        assertThat(Files.readAllBytes(input)).isEqualTo(original);
    }

    private void assertRefusedAndInputIntact(CliHarness.Result r) throws Exception {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("one line on standard error").hasSize(1);
        assertThat(r.err()).contains("is the input file").contains("give the output another name")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllBytes(input)).as("the input is untouched").isEqualTo(original);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
