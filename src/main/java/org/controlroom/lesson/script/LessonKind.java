package org.controlroom.lesson.script;

import java.util.Arrays;
import java.util.Optional;

/** What a lesson asks of the learner; the YAML {@code kind} field. */
public enum LessonKind {
    DRILL("drill"),
    ARRANGE("arrange"),
    TAKES("takes"),
    MIX("mix"),
    BUDGET("budget");

    private final String id;

    LessonKind(String id) {
        this.id = id;
    }

    /** The name used in scripts ({@code drill}, {@code mix} ...), also the name of the kind's section. */
    public String id() {
        return id;
    }

    public static Optional<LessonKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
