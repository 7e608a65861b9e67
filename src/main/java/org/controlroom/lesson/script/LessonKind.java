package org.controlroom.lesson.script;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a lesson asks of the learner; the YAML {@code kind} field. */
public enum LessonKind {
    DRILL("drill", List.of("accuracy", "speed")),
    ARRANGE("arrange", List.of("length", "first_chorus", "energy_arc", "contrast")),
    TAKES("takes", List.of("pitch", "timing", "clean")),
    MIX("mix", List.of("balance", "spectrum", "loudness", "true_peak", "clipping")),
    BUDGET("budget", List.of("delivery", "spend", "quality"));

    private final String id;
    private final List<String> criteria;

    LessonKind(String id, List<String> criteria) {
        this.id = id;
        this.criteria = criteria;
    }

    /** The scoring criteria a lesson of this kind may weight, in the documented order. */
    public List<String> criteria() {
        return criteria;
    }

    /** The name used in scripts ({@code drill}, {@code mix} ...), also the name of the kind's section. */
    public String id() {
        return id;
    }

    public static Optional<LessonKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
