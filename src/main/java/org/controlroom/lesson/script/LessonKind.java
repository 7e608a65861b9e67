package org.controlroom.lesson.script;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a lesson asks of the learner; the YAML {@code kind} field. The five kinds Control Room ships
 * are constants here; a kind is data (its id and the criteria a lesson may weight), so another kind
 * joins by registering a {@link SectionFormat} with the loader — nothing switches over kinds.
 *
 * @param id       the name used in scripts ({@code drill}, {@code mix} ...), also the name of the kind's section
 * @param criteria the scoring criteria a lesson of this kind may weight, in the documented order
 */
public record LessonKind(String id, List<String> criteria) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    public static final LessonKind DRILL = new LessonKind("drill", List.of("accuracy", "speed", "spectrum"));
    public static final LessonKind ARRANGE = new LessonKind("arrange",
            List.of("length", "first_chorus", "sections", "radio_edit", "energy_arc", "contrast"));
    public static final LessonKind TAKES = new LessonKind("takes", List.of("pitch", "timing", "clean", "joins", "direction"));
    public static final LessonKind MIX = new LessonKind("mix",
            List.of("balance", "spectrum", "loudness", "true_peak", "clipping", "panning", "dynamics", "masking"));
    public static final LessonKind BUDGET = new LessonKind("budget", List.of("delivery", "spend", "quality"));

    public LessonKind {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a kind id is lower-case letters, digits and '-', was '" + id + "'");
        }
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("kind " + id + " needs at least one scoring criterion");
        }
    }

    /** The kinds Control Room ships, in the documented order. */
    public static LessonKind[] values() {
        return new LessonKind[] {DRILL, ARRANGE, TAKES, MIX, BUDGET};
    }

    /** One of the shipped kinds by id (a registry may know more: {@link LessonFormats#kind}). */
    public static Optional<LessonKind> fromId(String id) {
        for (LessonKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
