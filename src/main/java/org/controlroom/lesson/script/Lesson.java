package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One lesson script, validated.
 *
 * @param rank the id of the minimum career rank that may play it (a rank in career.yaml)
 * @param xp   XP earned the first time it is passed
 * @param file the script file it was loaded from
 * @param contentHash SHA-256 of the file's bytes as loaded, in lower-case hex ({@code ""} for a lesson made
 *                    in code): stored with each attempt, so XP counts only content the catalogue holds
 */
public record Lesson(String id, String title, LessonKind kind, String rank, String brief, int xp,
                     LessonSection section, Scoring scoring, Path file, String contentHash) {
    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** A lesson made in code, not loaded from a file: no content hash. */
    public Lesson(String id, String title, LessonKind kind, String rank, String brief, int xp,
                  LessonSection section, Scoring scoring, Path file) {
        this(id, title, kind, rank, brief, xp, section, scoring, file, "");
    }
}
