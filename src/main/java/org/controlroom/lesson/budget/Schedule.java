package org.controlroom.lesson.budget;

import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * What a calendar makes of the project before any event strikes:
 * <ul>
 *   <li>tracking: each booked studio day tracks up to the studio's songs a day, in day order, until
 *       every song is tracked; that day's quality is min(1, studio quality + the quality of the people
 *       booked that day), weighted by the songs it tracks;</li>
 *   <li>every booked day is paid (studio and people) whether or not it is needed: bookings are
 *       commitments;</li>
 *   <li>mixing starts the day after tracking ends (or when the mix engineer is free) and takes
 *       ceil(songs × days a song) days; mastering follows (or starts when its engineer is free) and
 *       takes ceil(its days); both are paid per song tracked;</li>
 *   <li>quality = 0.4 × tracking quality + 0.35 × mix quality + 0.25 × mastering quality.</li>
 * </ul>
 * Only whole songs count: a song half tracked when the bookings run out is not delivered.
 *
 * @param deliveryDay the day the master is delivered; 0 when no song is tracked
 */
public record Schedule(double committed, double fees, int songsTracked, int trackingEnd, int mixStart, int mixEnd,
                       int masterStart, int masterEnd, int deliveryDay, double trackingQuality, double quality,
                       double[] songsByDay) {

    public static Schedule of(BudgetSection s, Calendar c) {
        double tracked = 0;
        double qsum = 0;
        double committed = 0;
        int trackEnd = 0;
        int lastDay = c.days().isEmpty() ? 0 : c.days().lastKey();
        double[] songsByDay = new double[Math.max(lastDay, 0) + 1];
        for (var e : c.days().entrySet()) {
            BudgetPlan.DayBooking b = e.getValue();
            double peopleQuality = 0;
            for (String id : b.people()) {
                Musician m = s.person(id);
                committed += m.dayRate();
                peopleQuality += m.quality();
            }
            if (b.studio().isPresent()) {
                Studio st = s.studio(b.studio().get());
                committed += st.dayRate();
                if (tracked < s.songs() - 1e-9) {
                    double t = Math.min(st.songsPerDay(), s.songs() - tracked);
                    qsum += t * Math.min(1, st.quality() + peopleQuality);
                    tracked += t;
                    songsByDay[e.getKey()] = t;
                    trackEnd = e.getKey();
                }
            }
        }
        int songs = (int) Math.floor(tracked + 1e-9);
        double tq = tracked > 0 ? qsum / tracked : 0;
        if (songs == 0) {
            return new Schedule(committed, 0, 0, trackEnd, 0, -1, 0, -1, 0, tq, 0, songsByDay);
        }
        int mixStart = Math.max(trackEnd + 1, c.mixing().fromDay());
        int mixEnd = mixStart + (int) Math.ceil(songs * c.mixing().daysPerSong() - 1e-9) - 1;
        int masterStart = Math.max(mixEnd + 1, c.mastering().fromDay());
        int masterEnd = masterStart + (int) Math.ceil(c.mastering().days() - 1e-9) - 1;
        int delivery = Math.max(masterEnd, Math.max(mixEnd, trackEnd));
        double fees = songs * (c.mixing().feePerSong() + c.mastering().feePerSong());
        double quality = 0.4 * tq + 0.35 * c.mixing().quality() + 0.25 * c.mastering().quality();
        return new Schedule(committed, fees, songs, trackEnd, mixStart, mixEnd, masterStart, masterEnd, delivery, tq,
                quality, songsByDay);
    }

    /** Songs tracked on a day (0 when the day tracks nothing). */
    public double songsOn(int day) {
        return day >= 0 && day < songsByDay.length ? songsByDay[day] : 0;
    }

    /** Money the plan costs before events: bookings and fees. */
    public double cost() {
        return committed + fees;
    }
}
