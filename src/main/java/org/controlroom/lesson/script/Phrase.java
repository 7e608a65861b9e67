package org.controlroom.lesson.script;

import java.util.List;

/** One phrase and its recorded takes (at least two). */
public record Phrase(String name, List<Take> takes) {
    public Phrase {
        takes = List.copyOf(takes);
    }
}
