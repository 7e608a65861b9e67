package org.controlroom.lesson.budget;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.EventResponse;

/** What struck events and their responses add up to: money, days, quality and songs dropped. */
public record Effects(double cost, int delayDays, double quality, int dropSongs) {
    public static final Effects NONE = new Effects(0, 0, 0, 0);

    /** These effects and an event that struck, answered with {@code r}: exactly as the lesson states. */
    public Effects plus(BudgetEvent e, EventResponse r) {
        return new Effects(cost + e.cost() + r.cost(), delayDays + e.delayDays() + r.delayDays(), quality + r.quality(),
                dropSongs + r.dropSongs());
    }
}
