package org.controlroom.dsp.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real named pipes for tests (mkfifo), and a way to free a reader that got stuck on one. */
public final class Fifo {

    private Fifo() {
    }

    /** Makes a named pipe at {@code path}. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (p.waitFor() != 0 || !Files.exists(path)) {
            throw new IOException("mkfifo " + path + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
        return path;
    }

    /**
     * Opens the pipe for writing and closes it at once, on a daemon thread: anything blocked opening
     * or reading it (the bug under test) sees end of file and returns, so a failing test cannot
     * leave a thread stuck forever.
     */
    public static void release(Path fifo) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (IOException ignored) {
                // already gone
            }
        }, "fifo-release");
        t.setDaemon(true);
        t.start();
        try {
            t.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
