package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/** The {@code arrange:} part of a plan file: the song in play order (a section may repeat). */
public record ArrangePlan(List<Entry> entries) implements LessonPlan {
    public ArrangePlan {
        entries = List.copyOf(entries);
    }

    @Override
    public Object toTree() {
        return entries.stream().map(e -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("section", e.section());
            e.stems().ifPresent(s -> m.put("stems", s));
            e.bars().ifPresent(b -> m.put("bars", b));
            return m;
        }).toList();
    }

    /**
     * One placed section.
     *
     * @param stems empty: all of the section's stems
     * @param bars  empty: the whole section; else a whole-bar cut from its start
     */
    public record Entry(String section, Optional<List<String>> stems, Optional<Integer> bars) {
        public Entry {
            stems = stems.map(List::copyOf);
        }
    }
}
