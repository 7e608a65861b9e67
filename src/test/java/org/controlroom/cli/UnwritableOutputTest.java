package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.source.SineSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command whose standard output cannot be written (a full disk, {@code > /dev/full}, a closed
 * pipe) has failed: exit code 2 and one line on standard error, never exit 0 with the output lost.
 */
class UnwritableOutputTest {

    private static final String LESSONS = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons")
            .toString();

    @TempDir
    Path dir;
    private Path wav;

    @BeforeEach
    void tone() throws Exception {
        wav = dir.resolve("tone.wav");
        WavWriter.write(wav, new SineSource(1000, -20).render(1, 48000, 1), WavSampleFormat.PCM_16);
    }

    /** An output that fails like a full disk: every write throws. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private CliHarness.Result runIntoFullDisk(String... args) {
        StringWriter err = new StringWriter();
        int code = ControlRoomCommand.run(new PrintWriter(new java.io.OutputStreamWriter(new FullDisk(),
                StandardCharsets.UTF_8), true), new PrintWriter(err, true), args);
        return new CliHarness.Result(code, "", err.toString());
    }

    private static void assertFailedInOneLine(CliHarness.Result r) {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("one line on standard error").hasSize(1);
        assertThat(r.err()).contains("could not write to standard output").doesNotContain("Exception");
    }

    @Test
    void analyzeLoudnessJsonIntoAFullDiskFails() {
        assertFailedInOneLine(runIntoFullDisk("analyze", "loudness", wav.toString(), "--json"));
    }

    @Test
    void analyzeSpectrumTableIntoAFullDiskFails() {
        assertFailedInOneLine(runIntoFullDisk("analyze", "spectrum", wav.toString()));
    }

    @Test
    void lessonsListAndValidateIntoAFullDiskFail() {
        assertFailedInOneLine(runIntoFullDisk("lessons", "list", LESSONS, "--json"));
        assertFailedInOneLine(runIntoFullDisk("lessons", "validate", LESSONS));
    }

    @Test
    void learnerListAndProgressIntoAFullDiskFail() {
        String db = dir.resolve("cr.db").toString();
        CliHarness.run("learner", "add", "Ana", "--db", db);

        assertFailedInOneLine(runIntoFullDisk("learner", "list", "--db", db));
        assertFailedInOneLine(runIntoFullDisk("progress", "Ana", "--db", db, "--lessons", LESSONS, "--json"));
    }

    @Test
    void helpAndVersionIntoAFullDiskFail() {
        assertFailedInOneLine(runIntoFullDisk("--help"));
        assertFailedInOneLine(runIntoFullDisk("--version"));
        assertFailedInOneLine(runIntoFullDisk("render", "--help"));
    }

    @Test
    void renderWhoseReportCannotBeWrittenFails() {
        assertFailedInOneLine(runIntoFullDisk("render", wav.toString(), dir.resolve("out.wav").toString()));
    }

    @Test
    void aCommandThatFailedAnywayStillPrintsOnlyItsOwnLine() {
        CliHarness.Result r = runIntoFullDisk("analyze", "loudness", dir.resolve("missing.wav").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("missing.wav");
    }

    @Test
    void aWritableOutputIsStillExitZero() {
        assertThat(CliHarness.run("analyze", "loudness", wav.toString(), "--json").exitCode()).isZero();
    }

    /** The real thing: a child process with standard output sent to /dev/full. */
    @ParameterizedTest(name = "{0} > /dev/full")
    @ValueSource(strings = {"analyze loudness WAV --json", "lessons list LESSONS", "--help"})
    void aRealProcessWritingToDevFullExitsTwo(String command) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.controlroom.app.Main"));
        for (String word : command.split(" ")) {
            cmd.add(word.equals("WAV") ? wav.toString() : word.equals("LESSONS") ? LESSONS : word);
        }
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(new java.io.File("/dev/full"))
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.startsWith("SLF4J")).toList();
        assertThat(p.exitValue()).as("exit code; stderr: %s", lines).isEqualTo(2);
        assertThat(lines).singleElement().asString().contains("could not write to standard output");
    }
}
