package org.controlroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;

/** The lessons folder a {@code lessons} subcommand works on, and its sibling audio-assets folder. */
record LessonsFolder(Path lessons, Path assets) {

    /**
     * DIR as given (relative to the current directory), assets = DIR/../audio-assets; a DIR without a
     * career.yaml whose {@code lessons/} folder has one means that folder.
     */
    static LessonsFolder of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("lessons folder not found: " + dir
                    + (Files.exists(dir) ? " is not a folder" : "")
                    + " (give the folder that holds career.yaml, e.g. lessons)");
        }
        if (!Files.exists(dir.resolve("career.yaml")) && Files.exists(dir.resolve("lessons").resolve("career.yaml"))) {
            // the folder above lessons/ (the project or the installed app): its lessons are in lessons/
            dir = dir.resolve("lessons");
        }
        Path parent = dir.toAbsolutePath().normalize().getParent();
        Path assets = parent == null ? dir.resolve("audio-assets") : parent.resolve("audio-assets");
        return new LessonsFolder(dir, assets);
    }

    LessonCatalog load(org.controlroom.lesson.run.LessonKinds kinds) {
        return new LessonLoader(kinds.formats()).load(lessons, assets);
    }
}
