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

    @Option(names = "--lessons", paramLabel = "DIR", description = "The lessons folder (default: ./lessons, else the lessons beside the program).")
    Path dir;

    /** The lessons folder, checked to exist. */
    public Path lessonsDir() {
        Path d = (dir != null ? dir : defaultDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new UserInputException("lessons folder not found: " + d
                    + " (run from the Control Room folder, or pass --lessons DIR)");
        }
        return d;
    }

    /** {@code lessons} when the current folder has one (shown relative), else the lessons beside the program. */
    static Path defaultDir() {
        Path here = Path.of("lessons");
        return Files.isDirectory(here) ? here : org.controlroom.lesson.script.LessonsLocation.find();
    }

    /** Loads the lessons with the kinds given. */
    public org.controlroom.lesson.script.LessonCatalog load(org.controlroom.lesson.run.LessonKinds kinds) {
        return new org.controlroom.lesson.script.LessonLoader(kinds.formats()).load(lessonsDir(), assetsDir());
    }

    /**
     * The lessons folder with the tutor's lessons and the imported packs of {@code dataFolder}. Its own
     * lessons earn XP only when it is the shipped lessons folder (no {@code --lessons}, or the same folder):
     * a folder named by path is played for practice.
     */
    public org.controlroom.lesson.pack.LessonLibrary library(org.controlroom.lesson.run.LessonKinds kinds,
                                                             java.util.Optional<Path> dataFolder) {
        Path d = lessonsDir();
        return org.controlroom.lesson.pack.LessonLibrary.load(new org.controlroom.lesson.script.LessonLoader(kinds.formats()),
                d, assetsDir(), shipped(d), dataFolder);
    }

    /** Whether {@code d} is the shipped lessons folder (the one found without --lessons). */
    static boolean shipped(Path d) {
        try {
            return Files.isSameFile(d, org.controlroom.lesson.script.LessonsLocation.find());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public Path assetsDir() {
        return lessonsDir().resolveSibling("audio-assets");
    }
}
