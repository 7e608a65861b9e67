package org.controlroom.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.controlroom.store.DataLocation;

/** Where the app finds its lessons and its learner database. */
public record AppConfig(Path lessonsDir, Path assetsDir, Path database) {

    /** The defaults: the shipped lessons (see LessonsLocation) with their audio-assets, the per-user database. */
    public static AppConfig defaults() {
        Path lessons = org.controlroom.lesson.script.LessonsLocation.find();
        return new AppConfig(lessons, lessons.resolveSibling("audio-assets"), DataLocation.resolve(Optional.empty()));
    }
}
