package org.controlroom.lesson.script;

import java.util.List;

/**
 * A budget and schedule scenario on a calendar of {@code deadlineDays} days. Hard limits: spending more
 * than {@code money + contingency}, delivering after the deadline, or a record below {@code minQuality}
 * fails the lesson.
 */
public record BudgetSection(String currency, double money, int deadlineDays, int songs,
                            List<Studio> studios, List<Musician> musicians, List<MixEngineer> mixing,
                            List<MasteringEngineer> mastering, List<BudgetEvent> events, double contingency,
                            double minQuality)
        implements LessonSection {
    public BudgetSection {
        studios = List.copyOf(studios);
        musicians = List.copyOf(musicians);
        mixing = List.copyOf(mixing);
        mastering = List.copyOf(mastering);
        events = List.copyOf(events);
    }

    public BudgetSection(String currency, double money, int deadlineDays, int songs, List<Studio> studios,
                         List<Musician> musicians, List<MixEngineer> mixing, List<MasteringEngineer> mastering,
                         List<BudgetEvent> events) {
        this(currency, money, deadlineDays, songs, studios, musicians, mixing, mastering, events, 0, 0);
    }

    public Studio studio(String id) {
        return studios.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no studio '" + id + "' in this lesson"));
    }

    public Musician person(String id) {
        return musicians.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no person '" + id + "' in this lesson"));
    }

    public MixEngineer mixer(String id) {
        return mixing.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mix engineer '" + id + "' in this lesson"));
    }

    public MasteringEngineer masterer(String id) {
        return mastering.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mastering engineer '" + id + "' in this lesson"));
    }

    public BudgetEvent event(String id) {
        return events.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event '" + id + "' in this lesson"));
    }
}
