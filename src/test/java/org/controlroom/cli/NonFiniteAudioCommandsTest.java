package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.controlroom.dsp.io.RawFloatWav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A float WAV holding NaN or infinity is refused by every command in one line naming the file and
 * the first bad sample's time (before, it read as silence, "-inf LUFS", or rendered a file of NaN);
 * a render whose processing overflows writes nothing.
 */
class NonFiniteAudioCommandsTest {

    @TempDir
    Path dir;

    private Path damaged(String name, float bad, int frame) throws Exception {
        float[] s = new float[2 * 48000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.1 * Math.sin(i * 0.05));
        }
        s[2 * frame] = bad;
        return RawFloatWav.write32(dir.resolve(name), 48000, 2, s);
    }

    private static void assertOneLineNaming(CliHarness.Result r, Path file, String time) {
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(file.toString()).contains(time).doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("inf").doesNotContain("NaN");
    }

    @ParameterizedTest(name = "analyze {0}")
    @ValueSource(strings = {"loudness", "spectrum"})
    void analysisOfAFileWithNaNIsRefused(String what) throws Exception {
        Path f = damaged("nan.wav", Float.NaN, 36000);

        assertOneLineNaming(CliHarness.run("analyze", what, f.toString(), "--json"), f, "0.750 s");
    }

    @Test
    void loudnessOfAFileWithNegativeInfinityIsRefusedInTheTableToo() throws Exception {
        Path f = damaged("minus-inf.wav", Float.NEGATIVE_INFINITY, 0);

        CliHarness.Result r = CliHarness.run("analyze", "loudness", f.toString());

        assertOneLineNaming(r, f, "0.000 s");
        assertThat(r.err()).contains("-infinity");
    }

    @Test
    void renderOfAFileWithInfinityWritesNothing() throws Exception {
        Path f = damaged("inf.wav", Float.POSITIVE_INFINITY, 12000);
        Path out = dir.resolve("out.wav");

        CliHarness.Result r = CliHarness.run("render", f.toString(), out.toString(), "--eq", "peak:1000:3:1");

        assertOneLineNaming(r, f, "0.250 s");
        assertThat(Files.exists(out)).isFalse();
        assertNoPartFiles();
    }

    @Test
    void aRenderThatOverflowsIsStoppedAndAnExistingOutputIsKept() throws Exception {
        Path hot = damaged("hot.wav", 3e38f, 24000);   // finite, but +12 dB takes it past a float
        Path out = dir.resolve("out.wav");
        Files.writeString(out, "previous render");

        CliHarness.Result r = CliHarness.run("render", hot.toString(), out.toString(), "--gain", "12");

        assertOneLineNaming(r, out, "0.500 s");
        assertThat(r.err()).contains("+infinity");
        assertThat(Files.readString(out)).isEqualTo("previous render");
        assertNoPartFiles();
    }

    @Test
    void anEqBoostThatOverflowsIsStoppedToo() throws Exception {
        Path hot = damaged("hot.wav", 3e38f, 24000);
        Path out = dir.resolve("eq.wav");

        CliHarness.Result r = CliHarness.run("render", hot.toString(), out.toString(), "--eq", "lowshelf:1000:24:1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(out.toString()).contains("was not written");
        assertThat(Files.exists(out)).isFalse();
        assertNoPartFiles();
    }

    private void assertNoPartFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
