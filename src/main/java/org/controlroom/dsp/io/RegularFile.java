package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a path is an ordinary file that can be read to its end. Named pipes (FIFOs), devices and
 * sockets are not: opening or reading one can wait forever (a FIFO blocks until something writes
 * to it) or never end ({@code /dev/zero}), so every path that comes from the user or from a folder
 * is checked with this before it is opened. Links are followed.
 */
public final class RegularFile {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHAR_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private RegularFile() {
    }

    /**
     * Empty for an ordinary file (or one that does not exist, which the caller reports in its own
     * words); otherwise what it is instead, e.g. {@code "a named pipe (FIFO)"}.
     */
    public static Optional<String> notRegular(Path file) {
        if (!Files.exists(file) || Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of("a folder");
        }
        return Optional.of(kind(file));
    }

    /** The words for a special file; "not an ordinary file" when the system does not say. */
    private static String kind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & TYPE_MASK) {
                    case FIFO -> "a named pipe (FIFO)";
                    case CHAR_DEVICE, BLOCK_DEVICE -> "a device";
                    case SOCKET -> "a socket";
                    default -> "not an ordinary file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // no unix view here: fall back to the general words
        }
        return "not an ordinary file";
    }
}
