package org.controlroom.lesson.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.controlroom.lesson.script.Availability;
import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.EventResponse;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;
import org.junit.jupiter.api.Test;

/**
 * On small lessons the engine's best policy is worth exactly what a brute-force search finds. The brute
 * force here is written independently of {@link BestPolicy}: it books every calendar there is (people
 * on days without a studio too), and for each tries every response policy there is — a response for
 * each event and each history of what struck before it — and averages each over every combination of
 * strikes. Only the model of one run (Schedule, Scorer, Effects) is shared.
 */
class BestPolicyTest {

    private static final Map<String, Double> WEIGHTS = Map.of("delivery", 0.4, "spend", 0.3, "quality", 0.3);

    static BudgetSection handMade() {
        return new BudgetSection("GBP", 400, 3, 1,
                List.of(new Studio("cheap", "Cheap room", 100, 1, 0.5),
                        new Studio("good", "Good room", 300, 1, 0.8, Availability.only(java.util.Set.of(2, 3)))),
                List.of(new Musician("eng", "Engineer", 80, 0.1, "engineer", Availability.only(java.util.Set.of(1, 2)))),
                List.of(new MixEngineer("self", "Self", 0, 1, 0.5), new MixEngineer("pro", "Pro", 100, 0.5, 0.8, 2)),
                List.of(new MasteringEngineer("online", "Online", 20, 0, 0.5),
                        new MasteringEngineer("house", "House", 50, 1, 0.85)),
                List.of(new BudgetEvent("e1", "Double booking", 0.3, 0, 0, 1, List.of(
                                new EventResponse("wait", "Wait a day", 0, 1, 0, 0),
                                new EventResponse("pay", "Pay", 60, 0, 0, 0))),
                        new BudgetEvent("e2", "Amp dies", 0.5, 0, 10, 2, List.of(
                                new EventResponse("di", "DI it", 0, 0, -0.05, 0),
                                new EventResponse("hire", "Hire one", 40, 1, 0, 0)))),
                50, 0.5);
    }

    /** A random small lesson: 3–4 days, 1–2 songs, two studios, one person, two events of one or two responses. */
    static BudgetSection random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int days = 3 + r.nextInt(2);
        int songs = 1 + r.nextInt(2);
        List<Studio> studios = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            studios.add(new Studio("s" + i, "Studio " + i, 50 + r.nextInt(400), r.nextBoolean() ? 1 : 2,
                    0.4 + 0.5 * r.nextDouble(), r.nextBoolean() ? Availability.ALWAYS : freeDays(r, days)));
        }
        List<Musician> people = new ArrayList<>();
        for (int i = 0; i < 1; i++) {
            people.add(new Musician("p" + i, "Person " + i, 20 + r.nextInt(200), 0.2 * r.nextDouble(), "player",
                    r.nextBoolean() ? Availability.ALWAYS : freeDays(r, days)));
        }
        List<MixEngineer> mixers = List.of(new MixEngineer("m0", "Mixer 0", r.nextInt(200), 0.5, 0.4 + 0.5 * r.nextDouble()),
                new MixEngineer("m1", "Mixer 1", r.nextInt(200), 1, 0.4 + 0.5 * r.nextDouble(), 1 + r.nextInt(days)));
        List<MasteringEngineer> masters = List.of(new MasteringEngineer("x0", "Master 0", r.nextInt(60), 0, 0.5),
                new MasteringEngineer("x1", "Master 1", r.nextInt(120), 1, 0.5 + 0.4 * r.nextDouble()));
        List<BudgetEvent> events = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<EventResponse> responses = new ArrayList<>();
            for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) {
                responses.add(new EventResponse("r" + k, "Response " + k, r.nextInt(7) * 40 - 40, r.nextInt(4) - 1,
                        0.1 * r.nextDouble() - 0.05, songs > 1 && r.nextInt(4) == 0 ? 1 : 0));
            }
            events.add(new BudgetEvent("e" + i, "Event " + i, r.nextDouble(), r.nextInt(2), r.nextInt(3) * 30,
                    1 + r.nextInt(days), responses));
        }
        double money = 300 + r.nextInt(1200);
        return new BudgetSection("GBP", money, days, songs, studios, people, mixers, masters, events,
                r.nextBoolean() ? 0 : 100, r.nextBoolean() ? 0 : 0.55);
    }

    private static Availability freeDays(SplittableRandom r, int days) {
        java.util.Set<Integer> free = new java.util.HashSet<>();
        for (int d = 1; d <= days; d++) {
            if (r.nextInt(3) > 0) {
                free.add(d);
            }
        }
        return Availability.only(free);
    }

    // --- the brute force ---------------------------------------------------------------------------

    private static List<TreeMap<Integer, BudgetPlan.DayBooking>> everyCalendar(BudgetSection s) {
        List<TreeMap<Integer, BudgetPlan.DayBooking>> all = new ArrayList<>();
        all.add(new TreeMap<>());
        for (int d = 1; d <= s.deadlineDays(); d++) {
            int day = d;
            List<BudgetPlan.DayBooking> choices = new ArrayList<>();
            List<Optional<String>> studios = new ArrayList<>();
            studios.add(Optional.empty());
            s.studios().stream().filter(st -> st.available().isFree(day)).forEach(st -> studios.add(Optional.of(st.id())));
            List<Musician> free = s.musicians().stream().filter(m -> m.available().isFree(day)).toList();
            for (Optional<String> st : studios) {
                for (int mask = 0; mask < 1 << free.size(); mask++) {
                    List<String> ps = new ArrayList<>();
                    for (int k = 0; k < free.size(); k++) {
                        if ((mask >> k & 1) == 1) {
                            ps.add(free.get(k).id());
                        }
                    }
                    choices.add(new BudgetPlan.DayBooking(st, ps));
                }
            }
            List<TreeMap<Integer, BudgetPlan.DayBooking>> next = new ArrayList<>();
            for (TreeMap<Integer, BudgetPlan.DayBooking> c : all) {
                for (BudgetPlan.DayBooking b : choices) {
                    TreeMap<Integer, BudgetPlan.DayBooking> copy = new TreeMap<>(c);
                    copy.put(day, b);
                    next.add(copy);
                }
            }
            all = next;
        }
        return all;
    }

    /** Every response policy: for each event, a response index for each history of the events before it. */
    private static List<List<int[]>> everyPolicy(List<BudgetEvent> events) {
        List<List<int[]>> policies = new ArrayList<>();
        policies.add(new ArrayList<>());
        int histories = 1;
        for (BudgetEvent e : events) {
            List<List<int[]>> next = new ArrayList<>();
            int n = e.responses().size();
            int tables = (int) Math.pow(n, histories);
            for (List<int[]> p : policies) {
                for (int t = 0; t < tables; t++) {
                    int[] table = new int[histories];
                    int x = t;
                    for (int h = 0; h < histories; h++) {
                        table[h] = x % n;
                        x /= n;
                    }
                    List<int[]> copy = new ArrayList<>(p);
                    copy.add(table);
                    next.add(copy);
                }
            }
            policies = next;
            histories *= 1 + n;
        }
        return policies;
    }

    private static double evaluate(Scorer scorer, Schedule sch, List<BudgetEvent> events, List<int[]> policy) {
        double expected = 0;
        for (int mask = 0; mask < 1 << events.size(); mask++) {
            double p = 1;
            Effects fx = Effects.NONE;
            int history = 0;
            for (int i = 0; i < events.size(); i++) {
                BudgetEvent e = events.get(i);
                boolean chance = (mask >> i & 1) == 1;
                p *= chance ? e.probability() : 1 - e.probability();
                boolean strikes = chance && sch.songsTracked() > 0 && e.day() <= sch.deliveryDay() + fx.delayDays();
                int n = e.responses().size();
                if (strikes) {
                    int r = policy.get(i)[history];
                    fx = fx.plus(e, e.responses().get(r));
                    history = history * (1 + n) + 1 + r;
                } else {
                    history = history * (1 + n);
                }
            }
            if (p > 0) {
                expected += p * scorer.score(sch, fx).value();
            }
        }
        return expected;
    }

    private static double bruteForce(BudgetSection s) {
        Scorer scorer = new Scorer(s, WEIGHTS);
        List<BudgetEvent> events = new ArrayList<>(s.events());
        events.sort(Comparator.comparingInt(BudgetEvent::day));
        List<List<int[]>> policies = everyPolicy(events);
        double best = Double.NEGATIVE_INFINITY;
        for (TreeMap<Integer, BudgetPlan.DayBooking> days : everyCalendar(s)) {
            for (MixEngineer mix : s.mixing()) {
                for (MasteringEngineer m : s.mastering()) {
                    Schedule sch = Schedule.of(s, new Calendar(days, mix, m));
                    for (List<int[]> policy : policies) {
                        best = Math.max(best, evaluate(scorer, sch, events, policy));
                    }
                }
            }
        }
        return best;
    }

    @Test
    void theEnginesBestPolicyIsWorthWhatBruteForceFindsOnAHandMadeLesson() {
        BudgetSection s = handMade();
        BestPolicy.Result engine = new BestPolicy(new Scorer(s, WEIGHTS)).solve();
        assertThat(engine.exact()).isTrue();
        double brute = bruteForce(s);
        assertThat(brute).isGreaterThan(50);
        assertThat(engine.expectedValue()).isCloseTo(brute, within(1e-9));
        // and the plan it names is worth what it says
        assertThat(new BestPolicy(new Scorer(s, WEIGHTS)).expectedValue(engine.calendar()))
                .isCloseTo(engine.expectedValue(), within(1e-9));
    }

    @Test
    void theEnginesBestPolicyIsWorthWhatBruteForceFindsOnRandomSmallLessons() {
        for (long seed = 1; seed <= 12; seed++) {
            BudgetSection s = random(seed);
            BestPolicy.Result engine = new BestPolicy(new Scorer(s, WEIGHTS)).solve();
            assertThat(engine.exact()).isTrue();
            assertThat(engine.expectedValue()).as("lesson %d", seed).isCloseTo(bruteForce(s), within(1e-9));
        }
    }

    @Test
    void aLargeLessonIsSolvedByTheStatedApproximationAndNeverBeatsTheExactValueOfItsOwnPlan() {
        BudgetSection small = handMade();
        BudgetSection big = new BudgetSection("GBP", 6000, 20, 4, List.of(new Studio("a", "A", 500, 1, 0.75),
                new Studio("b", "B", 1400, 1.5, 0.92), new Studio("c", "C", 0, 0.5, 0.45)), small.musicians(),
                small.mixing(), small.mastering(), small.events(), 300, 0);
        BestPolicy policy = new BestPolicy(new Scorer(big, WEIGHTS));
        BestPolicy.Result r = policy.solve();
        assertThat(r.exact()).isFalse();
        assertThat(r.method()).startsWith("approximate");
        assertThat(policy.expectedValue(r.calendar())).isCloseTo(r.expectedValue(), within(1e-9));
    }
}
