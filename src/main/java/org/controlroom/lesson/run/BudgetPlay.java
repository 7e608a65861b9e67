package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * A budget scenario: the learner books a studio, any session players, a mix engineer and a mastering
 * engineer, one decision a step; then the session runs with the events the attempt's seed makes strike,
 * and the plan is scored on delivery, spend and quality against the best plan the engine finds
 * ({@link BudgetPlanner}).
 */
final class BudgetPlay implements LessonPlay {

    private enum Decision { STUDIO, PLAYERS, MIXING, MASTERING }

    private final BudgetSection scenario;
    private final BudgetPlanner planner;
    private final List<Decision> decisions;
    private final List<BudgetEvent> struck;

    private Studio studio;
    private List<Musician> players = List.of();
    private MixEngineer mixing;
    private MasteringEngineer mastering;
    private BudgetOutcome outcome;
    private BudgetPlanner.Rated best;

    BudgetPlay(BudgetSection scenario, Map<String, Double> weights, long seed) {
        this.scenario = scenario;
        this.planner = new BudgetPlanner(scenario, weights);
        List<Decision> d = new ArrayList<>(List.of(Decision.values()));
        if (scenario.musicians().isEmpty()) {
            d.remove(Decision.PLAYERS);
        }
        this.decisions = List.copyOf(d);
        this.struck = BudgetPlanner.strike(scenario.events(), new SplittableRandom(seed));
    }

    @Override
    public int stepCount() {
        return decisions.size();
    }

    @Override
    public Step step(int index) {
        String head = String.format(Locale.ROOT, "%d songs, %s budget, master due in %d days. ", scenario.songs(),
                money(scenario.money()), scenario.deadlineDays());
        return switch (decisions.get(index)) {
            case STUDIO -> new Step(index, stepCount(), head + "Book a studio for tracking.",
                    scenario.studios().stream().map(s -> new Choice(s.id(), String.format(Locale.ROOT,
                            "%s: %s a day, %s songs a day, quality %.2f", s.name(), money(s.dayRate()),
                            DrillPlay.format(s.songsPerDay()), s.quality()), 0)).toList(), false, Optional.empty());
            case PLAYERS -> new Step(index, stepCount(), head + "Book session players for the tracking days (any, or none).",
                    scenario.musicians().stream().map(m -> new Choice(m.id(), String.format(Locale.ROOT,
                            "%s: %s a day, adds %.2f quality", m.name(), money(m.dayRate()), m.quality()), 0)).toList(),
                    true, Optional.empty());
            case MIXING -> new Step(index, stepCount(), head + "Choose who mixes.",
                    scenario.mixing().stream().map(m -> new Choice(m.id(), String.format(Locale.ROOT,
                            "%s: %s a song, %s days a song, quality %.2f", m.name(), money(m.feePerSong()),
                            DrillPlay.format(m.daysPerSong()), m.quality()), 0)).toList(), false, Optional.empty());
            case MASTERING -> new Step(index, stepCount(), head + "Choose who masters.",
                    scenario.mastering().stream().map(m -> new Choice(m.id(), String.format(Locale.ROOT,
                            "%s: %s a song, %s days, quality %.2f", m.name(), money(m.feePerSong()),
                            DrillPlay.format(m.days()), m.quality()), 0)).toList(), false, Optional.empty());
        };
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        if (!(response instanceof Response.Options options)) {
            throw new IllegalArgumentException("a budget decision is a choice of option ids");
        }
        Decision decision = decisions.get(index);
        List<String> ids = options.ids();
        if (decision != Decision.PLAYERS && ids.size() != 1) {
            throw new IllegalArgumentException("choose exactly one option");
        }
        String message;
        switch (decision) {
            case STUDIO -> {
                studio = pick(scenario.studios(), Studio::id, ids.get(0));
                message = String.format(Locale.ROOT, "%s booked: %d tracking days.", studio.name(),
                        (int) Math.ceil(scenario.songs() / studio.songsPerDay() - 1e-9));
            }
            case PLAYERS -> {
                List<Musician> chosen = new ArrayList<>();
                for (String id : ids) {
                    Musician m = pick(scenario.musicians(), Musician::id, id);
                    if (chosen.contains(m)) {
                        throw new IllegalArgumentException("'" + id + "' is chosen twice");
                    }
                    chosen.add(m);
                }
                players = List.copyOf(chosen);
                message = players.isEmpty() ? "No session players booked."
                        : "Booked: " + players.stream().map(Musician::name).collect(Collectors.joining(", ")) + ".";
            }
            case MIXING -> {
                mixing = pick(scenario.mixing(), MixEngineer::id, ids.get(0));
                message = mixing.name() + " will mix.";
            }
            case MASTERING -> {
                mastering = pick(scenario.mastering(), MasteringEngineer::id, ids.get(0));
                message = mastering.name() + " will master.";
            }
            default -> throw new IllegalStateException();
        }
        if (index == stepCount() - 1) {
            message += " " + runSession();
        } else if (studio != null) {
            message += " " + runningTotal();
        }
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("decision", decision.name().toLowerCase(Locale.ROOT));
        question.put("options", step(index).choices().stream().map(Choice::id).toList());
        Feedback feedback = new Feedback(message, Optional.empty(), Optional.empty(), Optional.empty(), 0, 0);
        return new Judgement(feedback, Json.of(question), Json.of(Map.of("chosen", ids)));
    }

    private String runningTotal() {
        int tracking = (int) Math.ceil(scenario.songs() / studio.songsPerDay() - 1e-9);
        double rates = studio.dayRate() + players.stream().mapToDouble(Musician::dayRate).sum();
        double committed = tracking * rates + scenario.songs() * (mixing == null ? 0 : mixing.feePerSong());
        return "Committed so far: " + money(committed) + " of " + money(scenario.money()) + ".";
    }

    private String runSession() {
        BudgetPlan plan = plan();
        outcome = BudgetOutcome.of(scenario, plan, struck, planner.bestQuality());
        StringBuilder sb = new StringBuilder("The session runs. ");
        for (BudgetEvent e : struck) {
            sb.append(e.name());
            if (e.delayDays() > 0) {
                sb.append(String.format(Locale.ROOT, " (+%d day%s)", e.delayDays(), e.delayDays() == 1 ? "" : "s"));
            }
            if (e.cost() > 0) {
                sb.append(" (+").append(money(e.cost())).append(")");
            }
            sb.append(". ");
        }
        if (struck.isEmpty()) {
            sb.append("Nothing goes wrong. ");
        }
        sb.append(String.format(Locale.ROOT, "Delivered on day %d of %d; spent %s of %s.", outcome.days(),
                scenario.deadlineDays(), money(outcome.spent()), money(scenario.money())));
        return sb.toString();
    }

    BudgetPlan plan() {
        if (studio == null || mixing == null || mastering == null) {
            throw new IllegalStateException("the plan is not complete yet");
        }
        return new BudgetPlan(studio, players, mixing, mastering);
    }

    /** The best plan the engine finds for this scenario (computed once). */
    BudgetPlanner.Rated best() {
        if (best == null) {
            best = planner.best();
        }
        return best;
    }

    List<BudgetEvent> struck() {
        return struck;
    }

    @Override
    public List<Criterion> criteria() {
        if (outcome == null) {
            throw new IllegalStateException("the session has not run yet");
        }
        BudgetPlanner.Rated best = best();
        double mine = planner.expectedScore(plan(), planner.bestQuality());
        int late = Math.max(0, outcome.days() - scenario.deadlineDays());
        String delivery = late == 0
                ? String.format(Locale.ROOT, "delivered on day %d of %d", outcome.days(), scenario.deadlineDays())
                : String.format(Locale.ROOT, "delivered %d day%s late (day %d of %d)", late, late == 1 ? "" : "s",
                        outcome.days(), scenario.deadlineDays());
        String spend = String.format(Locale.ROOT, "spent %s of %s%s", money(outcome.spent()), money(scenario.money()),
                outcome.spent() > scenario.money() ? " (over budget)" : "");
        String quality = String.format(Locale.ROOT,
                "quality %.2f; the best plan the engine found (%s) reaches %.2f and expects %.0f points, yours expects %.0f",
                plan().quality(), best.plan().describe(), best.plan().quality(), best.expectedScore(), mine);
        java.util.Map<String, Object> quality_ = new java.util.LinkedHashMap<>();
        quality_.put("expected_score", Math.round(mine * 10) / 10.0);
        quality_.put("best_expected_score", Math.round(best.expectedScore() * 10) / 10.0);
        quality_.put("best_plan", best.plan().describe());
        return List.of(new Criterion("delivery", outcome.delivery(), 0, delivery,
                        Map.of("days", outcome.days(), "deadline_days", scenario.deadlineDays())),
                new Criterion("spend", outcome.spend(), 0, spend,
                        Map.of("spent", outcome.spent(), "budget", scenario.money())),
                new Criterion("quality", outcome.quality(), 0, quality, quality_));
    }

    private String money(double amount) {
        return BudgetOutcome.money(scenario, amount);
    }

    private static <T> T pick(List<T> options, Function<T, String> id, String wanted) {
        return options.stream().filter(o -> id.apply(o).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wanted + "' is not one of the options: "
                        + options.stream().map(id).collect(Collectors.joining(", "))));
    }
}
