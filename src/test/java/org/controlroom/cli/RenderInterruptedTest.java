package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render stopped by SIGTERM (kill, a closing terminal session) or SIGINT (Ctrl-C) leaves no hidden
 * {@code .part} file behind, and an existing output stays as it was. A child JVM runs a render long
 * enough to be stopped half-way: the test waits until its {@code .part} file exists, then signals it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RenderInterruptedTest {

    @TempDir
    Path dir;
    private Path input;

    @BeforeEach
    void longInput() throws Exception {
        // two minutes of mono noise: through 200 EQ bands that takes seconds, plenty of time to stop it
        int rate = 48000;
        float[] s = new float[rate * 120];
        long x = 1;
        for (int i = 0; i < s.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            s[i] = (x >> 40) / (float) (1L << 24) * 0.25f;
        }
        input = dir.resolve("long.wav");
        WavWriter.write(input, new AudioClip(rate, 1, s), WavSampleFormat.PCM_16);
    }

    private Process startRender(Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.controlroom.app.Main",
                "render", input.toString(), out.toString()));
        for (int i = 0; i < 200; i++) {
            cmd.add("--eq");
            cmd.add("peak:" + (100 + 50 * i) + ":1:1");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private Optional<Path> partFile() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).findFirst();
        }
    }

    /** Waits until the child has its .part file open, i.e. is half-way through the render. */
    private void awaitPart(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partFile().isEmpty()) {
            assertThat(child.isAlive()).as("the render ended before it could be stopped: %s",
                    Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("no .part file appeared").isLessThan(deadline);
            Thread.sleep(5);
        }
        Thread.sleep(200);
        assertThat(child.isAlive()).as("still rendering when signalled").isTrue();
    }

    private void signal(Process child, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private void assertStoppedCleanly(Process child, int expectedExit) throws Exception {
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child stopped").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(expectedExit);
        assertThat(partFile()).as("no .part file is left behind").isEmpty();
    }

    @Test
    void sigtermLeavesNoPartFileAndNoOutput() throws Exception {
        Path out = dir.resolve("out.wav");
        Process child = startRender(out);

        awaitPart(child);
        signal(child, "TERM");

        assertStoppedCleanly(child, 128 + 15);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void sigintLeavesNoPartFileAndKeepsAnExistingOutput() throws Exception {
        assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this process (a background job), so a child "
                + "would ignore it too: nothing to test");
        Path out = dir.resolve("out.wav");
        Files.writeString(out, "last good render");
        Process child = startRender(out);

        awaitPart(child);
        signal(child, "INT");

        assertStoppedCleanly(child, 128 + 2);
        assertThat(Files.readString(out)).isEqualTo("last good render");
    }

    @Test
    void sigtermToARenderIntoAnotherFolderCleansThatFolder() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("renders"));
        Path out = elsewhere.resolve("out.wav");
        Process child = startRender(out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.list(elsewhere).noneMatch(p -> p.toString().endsWith(".part"))) {
            assertThat(child.isAlive()).isTrue();
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }

        child.destroy();   // SIGTERM

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    /** Bit 2 of SigIgn in /proc/self/status: SIGINT is ignored (inherited by children). */
    private static boolean sigintIgnoredHere() throws Exception {
        File status = new File("/proc/self/status");
        if (!status.exists()) {
            return false;
        }
        for (String line : Files.readAllLines(status.toPath())) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (mask & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
