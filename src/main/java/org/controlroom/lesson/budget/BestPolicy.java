package org.controlroom.lesson.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.EventResponse;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * The best policy the engine can compute for a budget lesson: a calendar booked at the start, and a
 * response to each event as it strikes. A policy is worth its <em>expected value</em> over the seeded
 * events: the weighted score, with a failed project (a hard limit broken) worth 0.
 * <ul>
 *   <li>Responses: always exact — expectimax over the events in day order (each strikes with its
 *       probability if the project is still running on its day; the best response is taken knowing
 *       what has struck so far).</li>
 *   <li>Calendars: exact search over every calendar (each day: no booking, or a studio free that day
 *       with any set of the people free that day; until every song is tracked or the deadline), with
 *       every mix and mastering engineer, when there are at most {@value #EXACT_CALENDARS} calendars.
 *       Pruned without loss: people booked on a day without a studio (they only cost), and calendars
 *       already over budget and contingency when no response saves money (they fail whatever follows).</li>
 *   <li>Larger lessons: an approximation — every single-studio calendar (one studio and one set of
 *       people on the earliest days they are all free) with every engineer, then the best few
 *       improved by local search (add, drop or change one day's booking, or change an engineer) until
 *       no single change helps. The result says which method found it.</li>
 * </ul>
 */
public final class BestPolicy {
    public static final int EXACT_CALENDARS = 60_000;
    static final int SEEDS_IMPROVED = 6;
    static final int MAX_PEOPLE_SETS = 1 << 8;

    private final Scorer scorer;
    private final BudgetSection s;
    private final List<BudgetEvent> events;
    private final boolean anySaving;

    /** The policy found, its expected value, and how it was found. */
    public record Result(Calendar calendar, double expectedValue, Map<String, String> responses, boolean exact,
                         long calendarsSearched) {
        public String method() {
            return exact ? "exact search over every calendar" : "approximate: single-studio calendars improved by local search";
        }
    }

    public BestPolicy(Scorer scorer) {
        this.scorer = scorer;
        this.s = scorer.section();
        List<BudgetEvent> e = new ArrayList<>(s.events());
        e.sort(Comparator.comparingInt(BudgetEvent::day));
        this.events = List.copyOf(e);
        this.anySaving = s.events().stream().flatMap(x -> x.responses().stream()).anyMatch(r -> r.cost() < 0);
    }

    /** Events in the order they can strike (by day, then lesson order). */
    public List<BudgetEvent> eventsInOrder() {
        return events;
    }

    /** The calendar's expected value when every event is answered as well as possible. */
    public double expectedValue(Calendar c) {
        return value(Schedule.of(s, c), 0, Effects.NONE, Map.of());
    }

    /** The calendar's expected value with some responses fixed (the learner's), the rest answered best. */
    public double expectedValue(Calendar c, Map<String, String> fixed) {
        return value(Schedule.of(s, c), 0, Effects.NONE, fixed);
    }

    /** Whether an event strikes at all when it comes up (the project is still running on its day). */
    public static boolean running(Schedule sch, Effects fx, BudgetEvent e) {
        return sch.songsTracked() > 0 && e.day() <= sch.deliveryDay() + fx.delayDays();
    }

    private double value(Schedule sch, int i, Effects fx, Map<String, String> fixed) {
        if (i == events.size()) {
            return scorer.score(sch, fx).value();
        }
        BudgetEvent e = events.get(i);
        if (!running(sch, fx, e) || e.probability() <= 0) {
            return value(sch, i + 1, fx, fixed);
        }
        double struck = bestResponse(sch, i, fx, fixed).value;
        if (e.probability() >= 1) {
            return struck;
        }
        return e.probability() * struck + (1 - e.probability()) * value(sch, i + 1, fx, fixed);
    }

    private record Choice(EventResponse response, double value) {
    }

    private Choice bestResponse(Schedule sch, int i, Effects fx, Map<String, String> fixed) {
        BudgetEvent e = events.get(i);
        Choice best = null;
        for (EventResponse r : e.responses()) {
            if (fixed.containsKey(e.id()) && !fixed.get(e.id()).equals(r.id())) {
                continue;
            }
            double v = value(sch, i + 1, fx.plus(e, r), fixed);
            if (best == null || v > best.value + 1e-12) {
                best = new Choice(r, v);
            }
        }
        return best;
    }

    /**
     * The best response to each event if it struck alone (nothing before it): the policy in words. At
     * play time the best response is taken knowing what has struck; see {@link #bestResponse}.
     */
    public Map<String, String> responses(Calendar c) {
        Schedule sch = Schedule.of(s, c);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (running(sch, Effects.NONE, events.get(i))) {
                out.put(events.get(i).id(), bestResponse(sch, i, Effects.NONE, Map.of()).response.id());
            }
        }
        return out;
    }

    /** The best response to an event that has struck now, given what has struck before (the effects so far). */
    public EventResponse bestResponse(Calendar c, BudgetEvent e, Effects sofar, Map<String, String> given) {
        int i = events.indexOf(e);
        return bestResponse(Schedule.of(s, c), i, sofar, given).response;
    }

    // --- the search over calendars -------------------------------------------------------------------

    public Result solve() {
        long count = countCalendars(EXACT_CALENDARS + 1L);
        if (count <= EXACT_CALENDARS) {
            return exact();
        }
        return approximate();
    }

    private record Option(Optional<Studio> studio, List<Musician> people) {
    }

    /** A day's options: none, or each studio free that day with each set of the people free that day. */
    private List<Option> options(int day) {
        List<Option> out = new ArrayList<>();
        out.add(new Option(Optional.empty(), List.of()));
        List<Musician> free = s.musicians().stream().filter(m -> m.available().isFree(day)).toList();
        int sets = free.size() > 8 ? MAX_PEOPLE_SETS : 1 << free.size();
        for (Studio st : s.studios()) {
            if (!st.available().isFree(day)) {
                continue;
            }
            for (int mask = 0; mask < sets; mask++) {
                List<Musician> ps = new ArrayList<>();
                for (int k = 0; k < free.size() && k < 8; k++) {
                    if ((mask & (1 << k)) != 0) {
                        ps.add(free.get(k));
                    }
                }
                out.add(new Option(Optional.of(st), ps));
            }
        }
        return out;
    }

    private long countCalendars(long cap) {
        long[] n = {0};
        walk(1, 0, 0, new TreeMap<>(), cap, n, null);
        return n[0];
    }

    private Result exact() {
        Result[] best = {null};
        long[] n = {0};
        walk(1, 0, 0, new TreeMap<>(), Long.MAX_VALUE, n, days -> {
            for (MixEngineer mix : s.mixing()) {
                for (MasteringEngineer m : s.mastering()) {
                    Calendar c = new Calendar(days, mix, m);
                    double v = expectedValue(c);
                    if (best[0] == null || better(v, c, best[0])) {
                        best[0] = new Result(c, v, Map.of(), true, 0);
                    }
                }
            }
        });
        Result b = best[0];
        return new Result(b.calendar(), b.expectedValue(), responses(b.calendar()), true, n[0]);
    }

    private boolean better(double v, Calendar c, Result than) {
        if (v > than.expectedValue() + 1e-9) {
            return true;
        }
        return v > than.expectedValue() - 1e-9
                && Schedule.of(s, c).cost() < Schedule.of(s, than.calendar()).cost() - 1e-9;
    }

    /** Every calendar, day by day; {@code leaf} hears each (null: just count, stopping at {@code cap}). */
    private void walk(int day, double tracked, double committed, TreeMap<Integer, BudgetPlan.DayBooking> days, long cap,
                      long[] n, java.util.function.Consumer<TreeMap<Integer, BudgetPlan.DayBooking>> leaf) {
        if (n[0] >= cap) {
            return;
        }
        if (tracked >= s.songs() - 1e-9 || day > s.deadlineDays()) {
            n[0]++;
            if (leaf != null) {
                leaf.accept(days);
            }
            return;
        }
        if (!anySaving && committed > s.money() + s.contingency() + 1e-6) {
            n[0]++;
            return; // fails whatever follows
        }
        for (Option o : options(day)) {
            if (o.studio().isEmpty()) {
                walk(day + 1, tracked, committed, days, cap, n, leaf);
                continue;
            }
            Studio st = o.studio().get();
            double cost = st.dayRate() + o.people().stream().mapToDouble(Musician::dayRate).sum();
            days.put(day, new BudgetPlan.DayBooking(Optional.of(st.id()), o.people().stream().map(Musician::id).toList()));
            walk(day + 1, tracked + st.songsPerDay(), committed + cost, days, cap, n, leaf);
            days.remove(day);
        }
    }

    private Result approximate() {
        List<Result> seeds = new ArrayList<>();
        long searched = 0;
        int sets = Math.min(MAX_PEOPLE_SETS, 1 << Math.min(8, s.musicians().size()));
        for (Studio st : s.studios()) {
            for (int mask = 0; mask < sets; mask++) {
                List<Musician> ps = new ArrayList<>();
                for (int k = 0; k < s.musicians().size() && k < 8; k++) {
                    if ((mask & (1 << k)) != 0) {
                        ps.add(s.musicians().get(k));
                    }
                }
                TreeMap<Integer, BudgetPlan.DayBooking> days = earliest(st, ps);
                for (MixEngineer mix : s.mixing()) {
                    for (MasteringEngineer m : s.mastering()) {
                        Calendar c = new Calendar(days, mix, m);
                        seeds.add(new Result(c, expectedValue(c), Map.of(), false, 0));
                        searched++;
                    }
                }
            }
        }
        seeds.sort(Comparator.comparingDouble(Result::expectedValue).reversed());
        Result best = null;
        for (Result seed : seeds.subList(0, Math.min(SEEDS_IMPROVED, seeds.size()))) {
            Result r = seed;
            boolean improved = true;
            for (int round = 0; improved && round < 200; round++) {
                improved = false;
                for (Calendar n : neighbours(r.calendar())) {
                    searched++;
                    double v = expectedValue(n);
                    if (better(v, n, r)) {
                        r = new Result(n, v, Map.of(), false, 0);
                        improved = true;
                    }
                }
            }
            if (best == null || better(r.expectedValue(), r.calendar(), best)) {
                best = r;
            }
        }
        return new Result(best.calendar(), best.expectedValue(), responses(best.calendar()), false, searched);
    }

    /** One studio and its people on the earliest days they are all free, until every song is tracked. */
    private TreeMap<Integer, BudgetPlan.DayBooking> earliest(Studio st, List<Musician> ps) {
        TreeMap<Integer, BudgetPlan.DayBooking> days = new TreeMap<>();
        double tracked = 0;
        for (int d = 1; d <= s.deadlineDays() && tracked < s.songs() - 1e-9; d++) {
            int day = d;
            if (!st.available().isFree(d) || !ps.stream().allMatch(m -> m.available().isFree(day))) {
                continue;
            }
            days.put(d, new BudgetPlan.DayBooking(Optional.of(st.id()), ps.stream().map(Musician::id).toList()));
            tracked += st.songsPerDay();
        }
        return days;
    }

    private List<Calendar> neighbours(Calendar c) {
        List<Calendar> out = new ArrayList<>();
        for (MixEngineer m : s.mixing()) {
            if (!m.equals(c.mixing())) {
                out.add(c.with(m));
            }
        }
        for (MasteringEngineer m : s.mastering()) {
            if (!m.equals(c.mastering())) {
                out.add(c.with(m));
            }
        }
        List<String> usual = c.days().values().stream().filter(b -> b.studio().isPresent()).findFirst()
                .map(BudgetPlan.DayBooking::people).orElse(List.of());
        for (int d = 1; d <= s.deadlineDays(); d++) {
            int day = d;
            Optional<BudgetPlan.DayBooking> now = c.on(d);
            if (now.isPresent()) {
                out.add(c.withDay(d, new BudgetPlan.DayBooking(Optional.empty(), List.of())));
            }
            List<String> people = now.map(BudgetPlan.DayBooking::people).orElse(usual).stream()
                    .filter(id -> s.person(id).available().isFree(day)).toList();
            for (Studio st : s.studios()) {
                if (st.available().isFree(d) && (now.isEmpty() || !now.get().studio().equals(Optional.of(st.id())))) {
                    out.add(c.withDay(d, new BudgetPlan.DayBooking(Optional.of(st.id()), people)));
                }
            }
            if (now.isPresent() && now.get().studio().isPresent()) {
                for (Musician m : s.musicians()) {
                    List<String> ps = new ArrayList<>(now.get().people());
                    if (ps.contains(m.id())) {
                        ps.remove(m.id());
                    } else if (m.available().isFree(d)) {
                        ps.add(m.id());
                    } else {
                        continue;
                    }
                    out.add(c.withDay(d, new BudgetPlan.DayBooking(now.get().studio(), ps)));
                }
            }
        }
        return out;
    }
}
