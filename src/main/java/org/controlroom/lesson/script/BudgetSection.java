package org.controlroom.lesson.script;

import java.util.List;

/** A budget and schedule scenario. */
public record BudgetSection(String currency, double money, int deadlineDays, int songs,
                            List<Studio> studios, List<Musician> musicians, List<MixEngineer> mixing,
                            List<MasteringEngineer> mastering, List<BudgetEvent> events)
        implements LessonSection {
    public BudgetSection {
        studios = List.copyOf(studios);
        musicians = List.copyOf(musicians);
        mixing = List.copyOf(mixing);
        mastering = List.copyOf(mastering);
        events = List.copyOf(events);
    }
}
