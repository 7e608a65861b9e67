package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/**
 * An arrangement task: order song sections built from stems, toward a target.
 *
 * @param sections the song's sections in the order the stems play them (the source's timeline)
 * @param start    the arrangement the learner starts from (a long version may repeat sections);
 *                 empty: the sections in order, all stems on
 */
public record ArrangeSection(double bpm, int beatsPerBar, List<Stem> stems, List<SongSection> sections,
                             ArrangeTarget target, Optional<ArrangePlan> start) implements LessonSection {
    public ArrangeSection {
        stems = List.copyOf(stems);
        sections = List.copyOf(sections);
    }

    public ArrangeSection(double bpm, int beatsPerBar, List<Stem> stems, List<SongSection> sections,
                          ArrangeTarget target) {
        this(bpm, beatsPerBar, stems, sections, target, Optional.empty());
    }

    /** Seconds one bar lasts. */
    public double barSeconds() {
        return 60.0 / bpm * beatsPerBar;
    }

    public Optional<SongSection> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
