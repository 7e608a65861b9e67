package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/**
 * What loading a lessons folder produced: the valid lessons, every problem found, and the career
 * ladder if career.yaml loaded.
 */
public record LessonCatalog(List<Lesson> lessons, List<ScriptProblem> problems, Optional<CareerLadder> career) {
    public LessonCatalog {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    public LessonCatalog(List<Lesson> lessons, List<ScriptProblem> problems) {
        this(lessons, problems, Optional.empty());
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
