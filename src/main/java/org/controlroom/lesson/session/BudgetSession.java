package org.controlroom.lesson.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.controlroom.lesson.budget.BestPolicy;
import org.controlroom.lesson.budget.Calendar;
import org.controlroom.lesson.budget.Effects;
import org.controlroom.lesson.budget.Schedule;
import org.controlroom.lesson.budget.Scorer;
import org.controlroom.lesson.budget.Strikes;
import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.EventResponse;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * A budget session: the learner books the calendar (a studio and people per day), chooses who mixes and
 * who masters, then runs the days one by one. The attempt's seed decides which events strike; one that
 * strikes waits for the learner's response before the next day can run. Bookings, engineers and
 * responses are undoable edits, saved as they happen; a day that has run cannot be undone (what it
 * revealed stays revealed), and days that have run, or work that has started, cannot be rebooked.
 */
public final class BudgetSession extends AbstractSession {

    /** One line of the events log. */
    public record LogEntry(int day, String text, boolean event) {
    }

    private final BudgetSection section;
    private final Scorer scorer;
    private final BestPolicy policy;
    private final TreeMap<Integer, BudgetPlan.DayBooking> days = new TreeMap<>();
    private final Map<String, String> responses = new LinkedHashMap<>();
    private MixEngineer mixing;
    private MasteringEngineer mastering;
    private long seed;
    private Set<String> struck;
    private int daysRun;

    public BudgetSession(Lesson lesson, Clock clock, long seed) {
        super(lesson, clock);
        this.section = (BudgetSection) lesson.section();
        this.scorer = new Scorer(section, lesson.scoring().weights());
        this.policy = new BestPolicy(scorer);
        reset(seed);
    }

    private void reset(long newSeed) {
        days.clear();
        responses.clear();
        mixing = section.mixing().get(0);
        mastering = section.mastering().get(0);
        seed = newSeed;
        struck = Strikes.of(section, newSeed);
        daysRun = 0;
    }

    public BudgetSection section() {
        return section;
    }

    public Scorer scorer() {
        return scorer;
    }

    public BestPolicy policy() {
        return policy;
    }

    public long seed() {
        return seed;
    }

    public Calendar calendar() {
        return new Calendar(days, mixing, mastering);
    }

    public Schedule schedule() {
        return Schedule.of(section, calendar());
    }

    public Map<String, String> responses() {
        return Map.copyOf(responses);
    }

    public int daysRun() {
        return daysRun;
    }

    public MixEngineer mixing() {
        return mixing;
    }

    public MasteringEngineer mastering() {
        return mastering;
    }

    public Optional<BudgetPlan.DayBooking> booking(int day) {
        return Optional.ofNullable(days.get(day));
    }

    // --- the run so far ------------------------------------------------------------------------------

    /** The events that have struck by the days run (in order), with the response given (empty: pending). */
    public record Strike(BudgetEvent event, Optional<EventResponse> response) {
    }

    public List<Strike> strikes() {
        Schedule sch = schedule();
        Effects fx = Effects.NONE;
        List<Strike> out = new ArrayList<>();
        for (BudgetEvent e : policy.eventsInOrder()) {
            if (e.day() > daysRun) {
                break;
            }
            if (!struck.contains(e.id()) || !BestPolicy.running(sch, fx, e)) {
                continue;
            }
            Optional<EventResponse> r = Optional.ofNullable(responses.get(e.id())).map(e::response);
            out.add(new Strike(e, r));
            if (r.isEmpty()) {
                break;
            }
            fx = fx.plus(e, r.get());
        }
        return out;
    }

    /** The event that has struck and waits for a response, if any. */
    public Optional<BudgetEvent> pending() {
        List<Strike> s = strikes();
        return s.isEmpty() || s.get(s.size() - 1).response().isPresent() ? Optional.empty()
                : Optional.of(s.get(s.size() - 1).event());
    }

    /** What the events answered so far add up to. */
    public Effects effects() {
        Effects fx = Effects.NONE;
        for (Strike s : strikes()) {
            if (s.response().isPresent()) {
                fx = fx.plus(s.event(), s.response().get());
            }
        }
        return fx;
    }

    /** The delivery day as things stand (the schedule and the days the events have cost); 0: nothing to deliver. */
    public int deliveryDay() {
        Schedule sch = schedule();
        return sch.songsTracked() == 0 ? 0 : Math.max(1, sch.deliveryDay() + effects().delayDays());
    }

    /** Whether the project is over: delivered (or, with nothing to deliver, the deadline passed) and nothing pending. */
    public boolean finished() {
        if (pending().isPresent()) {
            return false;
        }
        int delivery = deliveryDay();
        return delivery == 0 ? daysRun >= section.deadlineDays() : daysRun >= delivery;
    }

    /** Money the plan commits as it stands: every booking, the fees, and what the events have cost. */
    public double committed() {
        return schedule().cost() + effects().cost();
    }

    /** Money paid out by the days run: the bookings on those days, fees for work started, the events' costs. */
    public double spent() {
        Schedule sch = schedule();
        double paid = 0;
        for (var e : days.headMap(daysRun + 1).entrySet()) {
            paid += dayCost(e.getValue());
        }
        if (sch.songsTracked() > 0 && daysRun >= sch.mixStart()) {
            paid += sch.songsTracked() * mixing.feePerSong();
        }
        if (sch.songsTracked() > 0 && daysRun >= sch.masterStart()) {
            paid += sch.songsTracked() * mastering.feePerSong();
        }
        return paid + effects().cost();
    }

    public double dayCost(BudgetPlan.DayBooking b) {
        return b.studio().map(id -> section.studio(id).dayRate()).orElse(0.0)
                + b.people().stream().mapToDouble(id -> section.person(id).dayRate()).sum();
    }

    /** What each day that has run did, and each event and response. */
    public List<LogEntry> log() {
        Schedule sch = schedule();
        List<LogEntry> out = new ArrayList<>();
        Map<Integer, List<Strike>> byDay = new LinkedHashMap<>();
        for (Strike s : strikes()) {
            byDay.computeIfAbsent(s.event().day(), d -> new ArrayList<>()).add(s);
        }
        for (int d = 1; d <= daysRun; d++) {
            out.add(new LogEntry(d, dayText(sch, d), false));
            for (Strike s : byDay.getOrDefault(d, List.of())) {
                BudgetEvent e = s.event();
                String base = e.cost() != 0 || e.delayDays() != 0 ? " (" + effect(e.cost(), e.delayDays()) + ")" : "";
                out.add(new LogEntry(d, e.name() + base + s.response().map(r -> " \u2192 " + r.name() + " ("
                        + effect(r.cost(), r.delayDays()) + ")").orElse(" \u2192 waiting for your response"), true));
            }
        }
        return out;
    }

    private String dayText(Schedule sch, int d) {
        BudgetPlan.DayBooking b = days.get(d);
        double songs = sch.songsOn(d);
        if (songs > 0) {
            return String.format(Locale.ROOT, "tracked %s song%s at %s (%s)", trim(songs), songs == 1 ? "" : "s",
                    section.studio(b.studio().orElseThrow()).name(), scorer.money(dayCost(b)));
        }
        if (b != null) {
            return "booked but not needed (" + scorer.money(dayCost(b)) + ")";
        }
        if (sch.songsTracked() > 0 && d >= sch.mixStart() && d <= sch.mixEnd()) {
            return "mixing with " + mixing.name();
        }
        if (sch.songsTracked() > 0 && d >= sch.masterStart() && d <= sch.masterEnd()) {
            return "mastering with " + mastering.name();
        }
        int delivery = deliveryDay();
        if (delivery > 0 && d > sch.masterEnd() && d <= delivery) {
            return d == delivery ? "catching up, master delivered" : "catching up the days the events cost";
        }
        return "nothing booked";
    }

    public String effect(double cost, int delay) {
        String money = cost == 0 ? "\u00B10" : (cost > 0 ? "+" : "") + scorer.money(cost);
        String dayWord = Math.abs(delay) == 1 ? " day" : " days";
        return money + ", " + (delay >= 0 ? "+" : "") + delay + dayWord;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    // --- edits -------------------------------------------------------------------------------------

    /** Whether a day can still be booked (it has not run). */
    public boolean open(int day) {
        return day > daysRun && day >= 1 && day <= section.deadlineDays();
    }

    /** Books a studio on a day (empty: none; the people stay booked). */
    public void bookStudio(int day, Optional<String> studioId) {
        checkOpen(day);
        studioId.ifPresent(id -> {
            Studio st = section.studio(id);
            if (!st.available().isFree(day)) {
                throw new IllegalArgumentException(st.name() + " is not free on day " + day + " (free "
                        + st.available().describe() + ")");
            }
        });
        BudgetPlan.DayBooking old = days.get(day);
        List<String> people = old == null ? List.of() : old.people();
        setDay(day, new BudgetPlan.DayBooking(studioId, people), "day " + day + ": "
                + studioId.map(id -> section.studio(id).name()).orElse("no studio"));
    }

    /** Books or releases a person on a day. */
    public void setPerson(int day, String personId, boolean booked) {
        checkOpen(day);
        Musician m = section.person(personId);
        if (booked && !m.available().isFree(day)) {
            throw new IllegalArgumentException(m.name() + " is not free on day " + day + " (free "
                    + m.available().describe() + ")");
        }
        BudgetPlan.DayBooking old = days.getOrDefault(day, new BudgetPlan.DayBooking(Optional.empty(), List.of()));
        List<String> people = new ArrayList<>(old.people());
        people.remove(personId);
        if (booked) {
            people.add(personId);
        }
        setDay(day, new BudgetPlan.DayBooking(old.studio(), people), "day " + day + ": "
                + (booked ? "book " : "release ") + m.name());
    }

    private void setDay(int day, BudgetPlan.DayBooking now, String what) {
        BudgetPlan.DayBooking old = days.get(day);
        edit(what, null, () -> put(day, now), () -> put(day, old));
    }

    private void put(int day, BudgetPlan.DayBooking b) {
        if (b == null || b.isEmpty()) {
            days.remove(day);
        } else {
            days.put(day, b);
        }
    }

    public void setMixing(String id) {
        MixEngineer m = section.mixer(id);
        Schedule sch = schedule();
        if (sch.songsTracked() > 0 && daysRun >= sch.mixStart()) {
            throw new IllegalStateException("mixing has started: the mix engineer cannot change now");
        }
        MixEngineer old = mixing;
        edit("mixing: " + m.name(), null, () -> mixing = m, () -> mixing = old);
    }

    public void setMastering(String id) {
        MasteringEngineer m = section.masterer(id);
        Schedule sch = schedule();
        if (sch.songsTracked() > 0 && daysRun >= sch.masterStart()) {
            throw new IllegalStateException("mastering has started: the mastering engineer cannot change now");
        }
        MasteringEngineer old = mastering;
        edit("mastering: " + m.name(), null, () -> mastering = m, () -> mastering = old);
    }

    /** Answers the event that waits for a response. */
    public void respond(String responseId) {
        BudgetEvent e = pending().orElseThrow(() -> new IllegalStateException("no event is waiting for a response"));
        EventResponse r = e.response(responseId);
        edit(e.name() + ": " + r.name(), null, () -> responses.put(e.id(), r.id()), () -> responses.remove(e.id()));
    }

    /**
     * Runs the next day. Refused while an event waits for a response or once the project is over. Not
     * undoable: the undo history is cleared.
     *
     * @return the day that ran
     */
    public int runDay() {
        if (pending().isPresent()) {
            throw new IllegalStateException("respond to '" + pending().get().name() + "' first");
        }
        if (finished()) {
            throw new IllegalStateException("the project is over");
        }
        daysRun++;
        history().clear();
        changed("day " + daysRun + " ran");
        return daysRun;
    }

    /**
     * Runs every remaining day; an event with no response takes the lesson's first response.
     *
     * @return the events answered that way (for the learner to hear)
     */
    public List<String> runToTheEnd() {
        List<String> defaulted = new ArrayList<>();
        int guard = section.deadlineDays() * 4 + 400;
        while (!finished() && guard-- > 0) {
            Optional<BudgetEvent> p = pending();
            if (p.isPresent()) {
                EventResponse first = p.get().responses().get(0);
                responses.put(p.get().id(), first.id());
                defaulted.add(p.get().name() + ": " + first.name());
                continue;
            }
            daysRun++;
        }
        history().clear();
        changed("ran to the end");
        return defaulted;
    }

    private void checkOpen(int day) {
        if (day < 1 || day > section.deadlineDays()) {
            throw new IllegalArgumentException("day " + day + " is not on the calendar (days 1 to "
                    + section.deadlineDays() + ")");
        }
        if (day <= daysRun) {
            throw new IllegalStateException("day " + day + " has run: its bookings cannot change");
        }
    }

    // --- plans -------------------------------------------------------------------------------------

    @Override
    public BudgetPlan plan() {
        return new BudgetPlan(days, Optional.of(mixing.id()), Optional.of(mastering.id()), responses,
                daysRun > 0 ? Optional.of(seed) : Optional.empty(), daysRun);
    }

    @Override
    public void load(LessonPlan plan) {
        BudgetPlan p = (BudgetPlan) plan;
        reset(p.seed().orElse(seed));
        days.putAll(p.days());
        p.mixing().ifPresent(id -> mixing = section.mixer(id));
        p.mastering().ifPresent(id -> mastering = section.masterer(id));
        responses.putAll(p.responses());
        while (daysRun < p.daysRun() && pending().isEmpty() && !finished()) {
            daysRun++;
        }
        history().clear();
        changed("plan loaded");
    }

    // --- sound: a budget has none --------------------------------------------------------------------

    @Override
    public SessionSound sound(SoundLibrary library, int blockFrames) {
        org.controlroom.dsp.mix.Mixer mixer = new org.controlroom.dsp.mix.Mixer(44100, blockFrames);
        return bound(mixer, () -> 0L, (s, what) -> { });
    }
}
