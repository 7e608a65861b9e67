package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether two paths name the same file on disk, however they are spelled: {@code x.wav},
 * {@code ./x.wav}, an absolute path, a symbolic link or a hard link to it all count as the same
 * (the file system's own identity, its file key, decides; spelling does not).
 */
public final class SameFile {

    private SameFile() {
    }

    /** True when {@code a} and {@code b} both exist and are the same file (links followed). */
    public static boolean same(Path a, Path b) {
        if (!Files.exists(a) || !Files.exists(b)) {
            return false;
        }
        try {
            if (Files.isSameFile(a, b)) {
                return true;
            }
            Object ka = Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            Object kb = Files.readAttributes(b, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return ka != null && ka.equals(kb);
        } catch (IOException e) {
            try {
                return a.toRealPath().equals(b.toRealPath());
            } catch (IOException again) {
                return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
            }
        }
    }

    /**
     * Refuses to write {@code output} when it is {@code input}: the atomic replace would destroy the
     * input (and a link to it would be replaced by the result).
     */
    public static void refuseOverwritingInput(Path input, Path output) throws AudioFileException {
        if (same(input, output)) {
            throw new AudioFileException(output, "is the input file " + input
                    + (Files.isSymbolicLink(output) || Files.isSymbolicLink(input) ? " (through a link)" : "")
                    + "; writing it would destroy the input: give the output another name");
        }
    }
}
