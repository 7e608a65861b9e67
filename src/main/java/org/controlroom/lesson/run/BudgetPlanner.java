package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * Finds the best plan for a budget scenario: every combination of studio, session players, mix and
 * mastering engineer is scored by its <em>expected</em> score over the scenario's random events (exactly,
 * over every combination of events, when there are at most {@value #EXACT_EVENTS} events; otherwise over
 * {@value #SAMPLED_RUNS} seeded runs). Ties go to the cheaper plan.
 */
public final class BudgetPlanner {

    static final int EXACT_EVENTS = 10;
    static final int SAMPLED_RUNS = 2000;
    static final int MAX_PLAYER_SETS = 1 << 10;

    private final BudgetSection scenario;
    private final double wDelivery;
    private final double wSpend;
    private final double wQuality;

    public BudgetPlanner(BudgetSection scenario, Map<String, Double> weights) {
        this.scenario = scenario;
        this.wDelivery = weights.getOrDefault("delivery", 0.0);
        this.wSpend = weights.getOrDefault("spend", 0.0);
        this.wQuality = weights.getOrDefault("quality", 0.0);
    }

    /** A plan with its expected score. */
    public record Rated(BudgetPlan plan, double expectedScore) {
    }

    public Rated best() {
        List<BudgetPlan> plans = allPlans();
        double bestQuality = plans.stream().mapToDouble(BudgetPlan::quality).max().orElse(1);
        return plans.stream()
                .map(p -> new Rated(p, expectedScore(p, bestQuality)))
                .max(Comparator.comparingDouble(Rated::expectedScore)
                        .thenComparing(r -> -r.plan().cost(scenario)))
                .orElseThrow();
    }

    /** The highest quality any plan reaches: the yardstick of the quality criterion. */
    public double bestQuality() {
        return allPlans().stream().mapToDouble(BudgetPlan::quality).max().orElse(1);
    }

    public double expectedScore(BudgetPlan plan, double bestQuality) {
        List<BudgetEvent> events = scenario.events();
        if (events.size() <= EXACT_EVENTS) {
            double expected = 0;
            for (int mask = 0; mask < (1 << events.size()); mask++) {
                double p = 1;
                List<BudgetEvent> struck = new ArrayList<>();
                for (int i = 0; i < events.size(); i++) {
                    BudgetEvent e = events.get(i);
                    if ((mask & (1 << i)) != 0) {
                        p *= e.probability();
                        struck.add(e);
                    } else {
                        p *= 1 - e.probability();
                    }
                }
                if (p > 0) {
                    expected += p * BudgetOutcome.of(scenario, plan, struck, bestQuality).score(wDelivery, wSpend, wQuality);
                }
            }
            return expected;
        }
        SplittableRandom random = new SplittableRandom(0x5EED);
        double sum = 0;
        for (int run = 0; run < SAMPLED_RUNS; run++) {
            sum += BudgetOutcome.of(scenario, plan, strike(events, random), bestQuality).score(wDelivery, wSpend, wQuality);
        }
        return sum / SAMPLED_RUNS;
    }

    /** The events that strike in one run: each independently with its probability. */
    static List<BudgetEvent> strike(List<BudgetEvent> events, SplittableRandom random) {
        List<BudgetEvent> struck = new ArrayList<>();
        for (BudgetEvent e : events) {
            if (random.nextDouble() < e.probability()) {
                struck.add(e);
            }
        }
        return struck;
    }

    List<BudgetPlan> allPlans() {
        List<Musician> players = scenario.musicians();
        int sets = players.size() >= 31 ? Integer.MAX_VALUE : 1 << players.size();
        if (sets > MAX_PLAYER_SETS) {
            throw new IllegalArgumentException("a budget scenario may offer at most 10 session players");
        }
        List<BudgetPlan> plans = new ArrayList<>();
        for (Studio studio : scenario.studios()) {
            for (int mask = 0; mask < sets; mask++) {
                List<Musician> booked = new ArrayList<>();
                for (int i = 0; i < players.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        booked.add(players.get(i));
                    }
                }
                for (MixEngineer mix : scenario.mixing()) {
                    for (MasteringEngineer master : scenario.mastering()) {
                        plans.add(new BudgetPlan(studio, booked, mix, master));
                    }
                }
            }
        }
        return plans;
    }
}
