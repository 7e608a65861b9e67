package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value gets one line on standard error and exit code 2, and no output file. */
class RenderCommandValidationTest {

    @TempDir
    Path dir;
    private String in;
    private String mono;
    private String out;

    @BeforeEach
    void writeInputs() throws Exception {
        in = dir.resolve("in.wav").toString();
        mono = dir.resolve("mono.wav").toString();
        out = dir.resolve("out.wav").toString();
        WavWriter.write(Path.of(in), AudioClip.silence(48000, 2, 4800));
        WavWriter.write(Path.of(mono), AudioClip.silence(44100, 1, 4410));
    }

    private CliHarness.Result render(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "render";
        args[1] = in;
        args[2] = out;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliHarness.run(args);
    }

    private void assertRefused(CliHarness.Result r, String expectedMessage) {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("stderr is one line").hasSize(1);
        assertThat(r.err().strip()).isEqualTo("control-room: " + expectedMessage);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(Path.of(out))).as("no output written").isFalse();
    }

    @ParameterizedTest(name = "--eq {0}")
    @CsvSource(delimiter = '|', value = {
            "peak:1000:6:0|--eq peak:1000:6:0: Q must be greater than 0, was 0",
            "peak:1000:6:-1|--eq peak:1000:6:-1: Q must be greater than 0, was -1",
            "lowshelf:100:3:0|--eq lowshelf:100:3:0: slope S must be greater than 0, was 0",
            "bell:1000:6:1|--eq bell:1000:6:1: unknown EQ type \"bell\"; use one of peak, lowshelf, highshelf, "
                    + "lowpass, highpass, notch, bandpass",
            "peak:1000:6|--eq peak:1000:6: expected TYPE:FREQ_HZ:GAIN_DB:Q with 4 fields, e.g. peak:1000:6:1",
            "peak:1000:6:1:2|--eq peak:1000:6:1:2: expected TYPE:FREQ_HZ:GAIN_DB:Q with 4 fields, e.g. peak:1000:6:1",
            "peak:1k:6:1|--eq peak:1k:6:1: frequency \"1k\" is not a number (Hz)",
            "peak:1000:six:1|--eq peak:1000:six:1: gain \"six\" is not a number (dB)",
            "peak:1000:6:|--eq peak:1000:6:: Q \"\" is not a number",
            "peak:NaN:6:1|--eq peak:NaN:6:1: frequency \"NaN\" is not a number (Hz)",
            "peak:0:6:1|--eq peak:0:6:1: frequency must be above 0 Hz, was 0",
            "peak:1000:60:1|--eq peak:1000:60:1: gain must be between -48 and 48 dB, was 60",
            "peak:24000:6:1|--eq peak:24000:6:1: frequency 24000 Hz must be below 24000 Hz (half the sample rate of {in})",
            "highpass:30000:0:0.7|--eq highpass:30000:0:0.7: frequency 30000 Hz must be below 24000 Hz "
                    + "(half the sample rate of {in})",
    })
    void badEqBandsAreRefusedInOneLine(String band, String message) {
        assertRefused(render("--eq", "peak:100:2:1", "--eq", band), message.replace("{in}", in));
    }

    @ParameterizedTest(name = "--comp {0}")
    @CsvSource(delimiter = '|', value = {
            "thresh=-20|--comp: unknown setting \"thresh\"; use threshold, ratio, attack, release, knee, makeup",
            "ratio=0.5|--comp: ratio must be at least 1 (1 means no compression), was 0.5",
            "ratio4|--comp: \"ratio4\" should be KEY=VALUE, e.g. ratio=4",
            "ratio=4,ratio=2|--comp: ratio is given twice",
            "ratio=four|--comp: ratio \"four\" is not a number",
            "threshold=-20,,ratio=2|--comp: \"\" should be KEY=VALUE, e.g. ratio=4",
            "attack=-1|--comp: attack must be between 0 and 1000 ms, was -1",
            "release=0|--comp: release must be greater than 0 ms, was 0",
            "threshold=6|--comp: threshold must be between -100 and 0 dB, was 6",
            "knee=-3|--comp: knee must be between 0 and 48 dB, was -3",
    })
    void badCompressorSettingsAreRefusedInOneLine(String comp, String message) {
        assertRefused(render("--comp", comp), message);
    }

    @Test
    void badGainAndPanAreRefusedInOneLine() {
        assertRefused(render("--gain", "60"), "--gain must be between -96 and 48 dB, was 60");
        assertRefused(render("--pan", "1.5"), "--pan must be between -1 (left) and 1 (right), was 1.5");
        CliHarness.Result notNumber = render("--pan", "left");
        assertThat(notNumber.exitCode()).isEqualTo(2);
        assertThat(notNumber.err().strip().lines()).hasSize(1);
        assertThat(notNumber.err()).contains("--pan").contains("left");
    }

    @Test
    void panOnAMonoInputIsRefusedBecauseTheOutputStaysMono() {
        CliHarness.Result r = CliHarness.run("render", mono, out, "--pan", "0.5");
        assertRefused(r, "--pan needs a stereo input, but " + mono + " is mono and the output keeps the input's "
                + "channels; leave out --pan or convert the input to stereo");
    }

    @Test
    void missingDamagedAndNonWavInputsAreNamed() throws Exception {
        Path missing = dir.resolve("missing.wav");
        Path damaged = dir.resolve("damaged.wav");
        byte[] good = Files.readAllBytes(Path.of(in));
        Files.write(damaged, java.util.Arrays.copyOf(good, 1000));
        Path text = Files.writeString(dir.resolve("notes.wav"), "hello, this is text");

        assertRefused(CliHarness.run("render", missing.toString(), out),
                missing + ": file not found; check the name and folder");
        assertRefused(CliHarness.run("render", damaged.toString(), out),
                damaged + ": the file ends in the middle of its audio data (truncated): expected 38400 bytes, "
                        + "found 942");
        assertRefused(CliHarness.run("render", text.toString(), out),
                text + ": not a WAV file (no RIFF/WAVE header)");
        assertRefused(CliHarness.run("render", dir.toString(), out), dir + ": is a folder, not a WAV file");
    }

    @Test
    void unwritableOutputIsNamedBeforeAnyWork() throws Exception {
        Path noFolder = dir.resolve("nowhere").resolve("out.wav");
        Path folder = Files.createDirectory(dir.resolve("bounces"));

        CliHarness.Result r1 = CliHarness.run("render", in, noFolder.toString());
        CliHarness.Result r2 = CliHarness.run("render", in, folder.toString());

        assertRefused(r1, noFolder + ": cannot be written: the folder " + noFolder.toAbsolutePath().getParent()
                + " does not exist");
        assertRefused(r2, folder + ": is a folder; give a file name for the output");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        CliHarness.Result r = CliHarness.run("render", in);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("OUT.wav");
    }

    @Test
    void helpExplainsBandSyntaxAndTheMonoPanRule() {
        CliHarness.Result r = CliHarness.run("render", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("TYPE:FREQ_HZ:GAIN_DB:Q", "peak, lowshelf, highshelf, lowpass, highpass, notch",
                "32-bit float", "A mono input stays mono");
    }
}
