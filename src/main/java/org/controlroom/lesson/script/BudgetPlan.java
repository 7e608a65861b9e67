package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A learner's work on a budget lesson as a plan file holds it: the calendar's bookings (a studio and
 * the people booked beside it, per day), who mixes and who masters, the response to each event should
 * it strike, and — once days have run in the window — the attempt's seed and how many days have run,
 * so a resumed session replays the same events.
 */
public record BudgetPlan(SortedMap<Integer, DayBooking> days, Optional<String> mixing, Optional<String> mastering,
                         Map<String, String> responses, Optional<Long> seed, int daysRun) implements LessonPlan {

    /** One day's bookings: a studio (or none) and the people booked that day. */
    public record DayBooking(Optional<String> studio, List<String> people) {
        public DayBooking {
            people = List.copyOf(people);
        }

        public boolean isEmpty() {
            return studio.isEmpty() && people.isEmpty();
        }
    }

    public BudgetPlan {
        days = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(days));
        responses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    }

    @Override
    public Object toTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<Integer, Object> d = new LinkedHashMap<>();
        days.forEach((day, b) -> {
            if (b.isEmpty()) {
                return;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            b.studio().ifPresent(s -> m.put("studio", s));
            if (!b.people().isEmpty()) {
                m.put("people", new ArrayList<>(b.people()));
            }
            d.put(day, m);
        });
        root.put("days", d);
        mixing.ifPresent(m -> root.put("mixing", m));
        mastering.ifPresent(m -> root.put("mastering", m));
        root.put("responses", new LinkedHashMap<>(responses));
        seed.ifPresent(s -> root.put("seed", s));
        if (daysRun > 0) {
            root.put("days_run", daysRun);
        }
        return root;
    }
}
