package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.budget.BestPolicy;
import org.controlroom.lesson.budget.Calendar;
import org.controlroom.lesson.budget.Outcome;
import org.controlroom.lesson.budget.Schedule;
import org.controlroom.lesson.budget.Scorer;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.BudgetSession;
import org.controlroom.lesson.session.LessonSession;

/**
 * A budget lesson: the learner books the calendar in a {@link BudgetSession} and runs its days, answering
 * the events that strike; submitting runs any days left (an unanswered event takes the lesson's first
 * response) and scores what happened on delivery, spend and quality ({@link Scorer}), with the hard
 * limits failing the lesson whatever the score; beside it, the best policy the engine computes
 * ({@link BestPolicy}) and the learner's plan's expected value under the same events.
 */
final class BudgetPlay implements LessonPlay {
    private final Lesson lesson;
    private final BudgetSession session;
    private Outcome outcome;
    private List<Criterion> criteria;

    BudgetPlay(Lesson lesson, BudgetSession session) {
        this.lesson = lesson;
        this.session = session;
    }

    @Override
    public int stepCount() {
        return 0;
    }

    @Override
    public Step step(int index) {
        throw new IndexOutOfBoundsException("a budget lesson is played on its calendar; it has no question steps");
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        throw new IllegalArgumentException("a budget lesson is played on its calendar; it has no questions to answer");
    }

    @Override
    public Optional<LessonSession> session() {
        return Optional.of(session);
    }

    @Override
    public SessionSubmission submitSession() {
        List<String> defaulted = session.runToTheEnd();
        BudgetSection s = session.section();
        Scorer scorer = session.scorer();
        Calendar mine = session.calendar();
        Schedule sch = session.schedule();
        outcome = scorer.score(sch, session.effects());
        BestPolicy policy = session.policy();
        BestPolicy.Result best = policy.solve();
        double myExpected = policy.expectedValue(mine);
        criteria = criteria(s, scorer, mine, outcome, best, myExpected, defaulted);
        String summary = String.format(Locale.ROOT, "delivered %d of %d songs on day %d of %d; spent %s of %s",
                outcome.songsDelivered(), s.songs(), outcome.deliveryDay(), s.deadlineDays(), scorer.money(outcome.spent()),
                scorer.money(s.money())) + (defaulted.isEmpty() ? "" : "; unanswered events took the first response ("
                + String.join("; ", defaulted) + ")");
        return new SessionSubmission(Json.of(session.plan().toTree()), summary);
    }

    private List<Criterion> criteria(BudgetSection s, Scorer scorer, Calendar mine, Outcome o, BestPolicy.Result best,
                                     double myExpected, List<String> defaulted) {
        List<Criterion> out = new ArrayList<>();
        int late = Math.max(0, o.deliveryDay() - s.deadlineDays());
        String delivery = o.songsDelivered() == 0 ? "nothing delivered"
                : late == 0 ? String.format(Locale.ROOT, "%d of %d %s delivered on day %d of %d", o.songsDelivered(),
                s.songs(), s.songs() == 1 ? "song" : "songs", o.deliveryDay(), s.deadlineDays())
                : String.format(Locale.ROOT, "delivered %d %s late (day %d of %d): the deadline is a hard limit",
                late, late == 1 ? "day" : "days", o.deliveryDay(), s.deadlineDays());
        out.add(new Criterion("delivery", o.delivery(), 0, delivery, measured("days", o.deliveryDay(),
                "deadline_days", s.deadlineDays(), "songs_delivered", o.songsDelivered(), "songs", s.songs())));
        String spend = "spent " + scorer.money(o.spent()) + " of " + scorer.money(s.money())
                + (s.contingency() > 0 ? " (contingency " + scorer.money(s.contingency()) + ")" : "")
                + (o.spent() > s.money() + s.contingency() + 1e-6 ? ": over the limit" : "");
        out.add(new Criterion("spend", o.spend(), 0, spend, measured("spent", round1(o.spent()), "budget", s.money(),
                "contingency", s.contingency())));
        String quality = String.format(Locale.ROOT, "quality %.2f (worst possible %.2f, best possible %.2f%s)", o.quality(),
                scorer.worstQuality(), scorer.bestQuality(),
                s.minQuality() > 0 ? String.format(Locale.ROOT, "; the client accepts %.2f or more", s.minQuality()) : "");
        out.add(new Criterion("quality", o.qualityScore(), 0, quality, measured("quality", round3(o.quality()),
                "best_quality", round3(scorer.bestQuality()), "min_quality", s.minQuality())));
        out.add(new Criterion("limits", o.failed() ? 0 : 100, 0, o.failed()
                ? "FAILED: " + String.join("; ", o.brokenLimits())
                : "within the budget" + (s.contingency() > 0 ? " and contingency" : "") + ", on time, good enough",
                Map.of("broken", o.brokenLimits())));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("expected_score", round1(myExpected));
        plan.put("best_expected_score", round1(best.expectedValue()));
        plan.put("your_plan", mine.describe(s));
        plan.put("best_plan", best.calendar().describe(s));
        plan.put("best_plan_file", best.calendar().toPlan(best.responses()).toTree());
        plan.put("best_responses", best.responses());
        plan.put("search", best.method());
        plan.put("calendars_searched", best.calendarsSearched());
        plan.put("responses_defaulted", defaulted);
        String detail = String.format(Locale.ROOT, "your plan (%s) expects %.0f; the best plan the engine found (%s%s) "
                        + "expects %.0f [%s]", mine.describe(s), myExpected, best.calendar().describe(s),
                best.responses().isEmpty() ? "" : "; if events strike: " + responsesText(s, best.responses()),
                best.expectedValue(), best.method());
        out.add(new Criterion("plan", myExpected >= best.expectedValue() - 1e-9 ? 100
                : best.expectedValue() <= 0 ? 0 : 100 * myExpected / best.expectedValue(), 0, detail, plan));
        return out;
    }

    private static String responsesText(BudgetSection s, Map<String, String> responses) {
        List<String> parts = new ArrayList<>();
        responses.forEach((e, r) -> parts.add(s.event(e).name() + " \u2192 " + s.event(e).response(r).name()));
        return String.join(", ", parts);
    }

    private static Map<String, Object> measured(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public List<Criterion> criteria() {
        if (criteria == null) {
            throw new IllegalStateException("the budget has not been submitted yet");
        }
        return criteria;
    }

    @Override
    public List<String> brokenLimits() {
        return outcome == null ? List.of() : outcome.brokenLimits();
    }

    /** The plan file of the session as it stands (for tests and the command line). */
    String planYaml() {
        return PlanFile.write(lesson, session.plan());
    }
}
