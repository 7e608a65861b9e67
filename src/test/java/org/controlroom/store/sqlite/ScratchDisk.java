package org.controlroom.store.sqlite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test (the test must run as root on Linux): a disk that can be filled or
 * made read-only without touching the machine's own disks.
 */
final class ScratchDisk implements AutoCloseable {

    private final Path at;

    private ScratchDisk(Path at) {
        this.at = at;
    }

    /** Why a scratch disk cannot be mounted here, or empty when it can. */
    static String unavailableReason(Path probe) {
        try {
            ScratchDisk d = mount(probe, "64k");
            d.close();
            return "";
        } catch (IOException e) {
            return "cannot mount a tmpfs here (" + e.getMessage() + "): needs root on Linux";
        }
    }

    static ScratchDisk mount(Path at, String size) throws IOException {
        Files.createDirectories(at);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", at.toString()));
        return new ScratchDisk(at);
    }

    Path path() {
        return at;
    }

    void remountReadOnly() throws IOException {
        run(List.of("mount", "-o", "remount,ro", at.toString()));
    }

    void remountWritable() throws IOException {
        run(List.of("mount", "-o", "remount,rw", at.toString()));
    }

    /** Fills the disk with a file until the disk refuses more; returns the file. */
    Path fill() throws IOException {
        Path filler = at.resolve("filler");
        byte[] block = new byte[1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return filler;
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(String.join(" ", command) + ": " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException {
        run(List.of("umount", "-l", at.toString()));
    }
}
