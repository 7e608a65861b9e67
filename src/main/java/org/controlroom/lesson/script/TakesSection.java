package org.controlroom.lesson.script;

import java.util.List;

/**
 * Picking takes.
 *
 * @param referenceHz A4 for pitch measurement
 * @param bpm         the grid timing is measured against
 */
public record TakesSection(double referenceHz, double bpm, List<Phrase> phrases) implements LessonSection {
    public TakesSection {
        phrases = List.copyOf(phrases);
    }
}
