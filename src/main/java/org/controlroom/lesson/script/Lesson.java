package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One lesson script, validated.
 *
 * @param rank the id of the minimum career rank that may play it (a rank in career.yaml)
 * @param xp   XP earned the first time it is passed
 * @param file the script file it was loaded from
 */
public record Lesson(String id, String title, LessonKind kind, String rank, String brief, int xp,
                     LessonSection section, Scoring scoring, Path file) {
    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(file, "file");
    }
}
