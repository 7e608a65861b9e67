package org.controlroom.lesson.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;

/** A plan on the calendar: each day's bookings, who mixes and who masters. */
public record Calendar(SortedMap<Integer, BudgetPlan.DayBooking> days, MixEngineer mixing, MasteringEngineer mastering) {

    public Calendar {
        TreeMap<Integer, BudgetPlan.DayBooking> clean = new TreeMap<>();
        days.forEach((d, b) -> {
            if (!b.isEmpty()) {
                clean.put(d, b);
            }
        });
        days = java.util.Collections.unmodifiableSortedMap(clean);
    }

    /** A plan file's calendar; a mixer or mastering engineer it does not name is the lesson's first. */
    public static Calendar of(BudgetSection s, BudgetPlan plan) {
        return new Calendar(plan.days(), plan.mixing().map(s::mixer).orElse(s.mixing().get(0)),
                plan.mastering().map(s::masterer).orElse(s.mastering().get(0)));
    }

    public Optional<BudgetPlan.DayBooking> on(int day) {
        return Optional.ofNullable(days.get(day));
    }

    public Calendar withDay(int day, BudgetPlan.DayBooking booking) {
        TreeMap<Integer, BudgetPlan.DayBooking> d = new TreeMap<>(days);
        if (booking.isEmpty()) {
            d.remove(day);
        } else {
            d.put(day, booking);
        }
        return new Calendar(d, mixing, mastering);
    }

    public Calendar with(MixEngineer m) {
        return new Calendar(days, m, mastering);
    }

    public Calendar with(MasteringEngineer m) {
        return new Calendar(days, mixing, m);
    }

    /** The plan-file shape of this calendar with the given responses. */
    public BudgetPlan toPlan(Map<String, String> responses) {
        return new BudgetPlan(days, Optional.of(mixing.id()), Optional.of(mastering.id()), responses, Optional.empty(), 0);
    }

    /** "days 1–2 project-studio + session-drummer; mixing freelance-mix; mastering mastering-house". */
    public String describe(BudgetSection s) {
        List<String> parts = new ArrayList<>();
        Integer from = null;
        Integer prev = null;
        BudgetPlan.DayBooking run = null;
        for (var e : days.entrySet()) {
            if (run != null && e.getValue().equals(run) && e.getKey() == prev + 1) {
                prev = e.getKey();
                continue;
            }
            if (run != null) {
                parts.add(describeRun(s, from, prev, run));
            }
            from = e.getKey();
            prev = e.getKey();
            run = e.getValue();
        }
        if (run != null) {
            parts.add(describeRun(s, from, prev, run));
        }
        if (parts.isEmpty()) {
            parts.add("no studio days");
        }
        return String.join("; ", parts) + "; mixed by " + mixing.name() + "; mastered by " + mastering.name();
    }

    private static String describeRun(BudgetSection s, int from, int to, BudgetPlan.DayBooking b) {
        String when = from == to ? "day " + from : "days " + from + "\u2013" + to;
        String who = b.studio().map(id -> s.studio(id).name()).orElse("no studio");
        if (!b.people().isEmpty()) {
            who += " with " + String.join(", ", b.people().stream().map(id -> s.person(id).name()).toList());
        }
        return when + ": " + who;
    }
}
