package org.controlroom.lesson.script;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The days a studio or a person can be booked (day 1 is the project's first day): every day, or the
 * listed ones. A script writes {@code available: [1, 2, "5-9"]}; absent means every day.
 */
public record Availability(boolean always, Set<Integer> days) {
    public static final Availability ALWAYS = new Availability(true, Set.of());

    public Availability {
        days = Set.copyOf(days);
    }

    public static Availability only(Set<Integer> days) {
        return new Availability(false, days);
    }

    public boolean isFree(int day) {
        return always || days.contains(day);
    }

    /** "every day" or "days 1, 2, 5–9". */
    public String describe() {
        if (always) {
            return "every day";
        }
        TreeSet<Integer> sorted = new TreeSet<>(days);
        StringBuilder sb = new StringBuilder(sorted.size() == 1 ? "day " : "days ");
        Integer start = null;
        Integer prev = null;
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int d : sorted) {
            if (start == null) {
                start = d;
            } else if (d != prev + 1) {
                parts.add(start.equals(prev) ? "" + start : start + "\u2013" + prev);
                start = d;
            }
            prev = d;
        }
        if (start != null) {
            parts.add(start.equals(prev) ? "" + start : start + "\u2013" + prev);
        }
        return sb.append(parts.stream().collect(Collectors.joining(", "))).toString();
    }
}
