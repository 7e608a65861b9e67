package org.controlroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --lessons DIR}: where the scenario scripts are. Default: {@code lessons} in the current
 * folder (the project's own lessons when run from a clone). The audio assets are the
 * {@code audio-assets} folder beside it.
 */
public final class LessonsDirOption {

    @Option(names = "--lessons", paramLabel = "DIR", description = "The lessons folder (default: ./lessons).")
    Path dir;

    /** The lessons folder, checked to exist. */
    public Path lessonsDir() {
        Path d = (dir != null ? dir : Path.of("lessons")).toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new UserInputException("lessons folder not found: " + d
                    + " (run from the Control Room folder, or pass --lessons DIR)");
        }
        return d;
    }

    public Path assetsDir() {
        return lessonsDir().resolveSibling("audio-assets");
    }
}
