package org.controlroom.lesson.script;

import java.util.List;

/** An arrangement task: order song sections built from stems, toward a target. */
public record ArrangeSection(double bpm, int beatsPerBar, List<Stem> stems, List<SongSection> sections,
                             ArrangeTarget target) implements LessonSection {
    public ArrangeSection {
        stems = List.copyOf(stems);
        sections = List.copyOf(sections);
    }
}
