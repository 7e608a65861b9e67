package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.controlroom.lesson.budget.Strikes;
import org.controlroom.lesson.run.TestLessons.HandClock;
import org.controlroom.lesson.run.TestLessons.RecordingListener;
import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.session.BudgetSession;
import org.junit.jupiter.api.Test;

class BudgetPlayTest {

    private final HandClock clock = new HandClock();
    private static final LessonCatalog CATALOG = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets"));

    static Lesson shipped(String id) {
        return CATALOG.lesson(id).orElseThrow();
    }

    /** The first seed at which no event of the lesson strikes. */
    static long calmSeed(Lesson lesson) {
        BudgetSection s = (BudgetSection) lesson.section();
        for (long seed = 1; ; seed++) {
            if (Strikes.of(s, seed).isEmpty()) {
                return seed;
            }
        }
    }

    private static BudgetPlan.DayBooking at(String studio, String... people) {
        return new BudgetPlan.DayBooking(Optional.of(studio), List.of(people));
    }

    private AttemptFinished play(Lesson lesson, long seed, Map<Integer, BudgetPlan.DayBooking> days, String mix,
                                 String master) throws Exception {
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(clock), lesson, "ana",
                LessonKindPlugin.PlayContext.of(seed), new RecordingListener(), clock);
        BudgetSession session = (BudgetSession) r.beginSession();
        session.load(new BudgetPlan(new TreeMap<>(days), Optional.of(mix), Optional.of(master), Map.of(),
                Optional.empty(), 0));
        assertThat(r.submit()).isEmpty();
        return r.result().orElseThrow();
    }

    private static Criterion criterion(AttemptFinished result, String name) {
        return result.criteria().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void thePlanThatSpent9450Of6000FailsWhateverElseIsGood() throws Exception {
        Lesson ep = shipped("budget-four-song-ep");
        // the big room on days 6-8 with both players, the name mixer, the mastering house:
        // 3 × (1400 + 300 + 250) + 4 × (800 + 100) = 9,450, delivered on day 18 of 20 at the best quality
        AttemptFinished result = play(ep, calmSeed(ep), Map.of(6, at("big-room", "session-drummer", "session-keys"),
                7, at("big-room", "session-drummer", "session-keys"), 8, at("big-room", "session-drummer", "session-keys")),
                "name-mixer", "mastering-house");
        assertThat(criterion(result, "spend").measured()).containsEntry("spent", 9450.0);
        assertThat(criterion(result, "delivery").score()).isEqualTo(100);
        assertThat(criterion(result, "quality").score()).isEqualTo(100);
        assertThat(criterion(result, "spend").score()).isZero();
        assertThat(result.passed()).isFalse();
        assertThat(criterion(result, "limits").detail()).contains("FAILED").contains("over budget");
        assertThat(result.xpOffered()).isZero();
    }

    @Test
    void theCheapestPlanFailsTheQualityFloorAndScoresNothingOnQuality() throws Exception {
        Lesson ep = shipped("budget-four-song-ep");
        Map<Integer, BudgetPlan.DayBooking> days = new TreeMap<>();
        for (int d = 1; d <= 8; d++) {
            days.put(d, at("home-studio"));
        }
        AttemptFinished result = play(ep, calmSeed(ep), days, "self-mix", "online-master");
        // 0.4 × 0.45 + 0.35 × 0.5 + 0.25 × 0.55 = 0.4925, the worst quality the lesson allows; the floor is 0.62
        assertThat(criterion(result, "quality").measured().get("quality")).isEqualTo(0.493);
        assertThat(criterion(result, "quality").score()).isZero();
        assertThat(criterion(result, "spend").measured()).containsEntry("spent", 100.0);
        assertThat(result.passed()).isFalse();
        assertThat(criterion(result, "limits").detail()).contains("below the 0.62");
    }

    @Test
    void aLatePlanFailsAndScoresNoDelivery() throws Exception {
        Lesson sync = shipped("budget-sync-single-rush");
        // tracking on days 5 and 6 (half a song a day), mixing 7-8, mastering 9: two days past day 7
        AttemptFinished result = play(sync, calmSeed(sync), Map.of(5, at("project-studio"), 6, at("project-studio")),
                "sync-specialist", "mastering-house");
        assertThat(criterion(result, "delivery").measured()).containsEntry("days", 9);
        assertThat(criterion(result, "delivery").score()).isZero();
        assertThat(criterion(result, "delivery").detail()).contains("2 days late");
        assertThat(result.passed()).isFalse();
        assertThat(criterion(result, "limits").detail()).contains("late");
    }

    @Test
    void aSoundPlanPassesAndShowsItselfBesideTheBestPlan() throws Exception {
        Lesson ep = shipped("budget-four-song-ep");
        Map<Integer, BudgetPlan.DayBooking> days = new TreeMap<>();
        for (int d = 1; d <= 4; d++) {
            days.put(d, at("project-studio", "session-drummer"));
        }
        AttemptFinished result = play(ep, calmSeed(ep), days, "freelance-mix", "mastering-house");
        // 4 × 800 + 4 × 300 + 4 × 100 = 4,800; tracking 1-4, mixing 5-8, mastering 9-11
        assertThat(criterion(result, "spend").measured()).containsEntry("spent", 4800.0);
        assertThat(criterion(result, "delivery").measured()).containsEntry("days", 11);
        assertThat(result.passed()).isTrue();
        Criterion plan = criterion(result, "plan");
        assertThat(plan.measured()).containsKeys("expected_score", "best_expected_score", "your_plan", "best_plan",
                "best_plan_file", "search");
        assertThat((double) plan.measured().get("best_expected_score"))
                .isGreaterThanOrEqualTo((double) plan.measured().get("expected_score"));
        assertThat(plan.detail()).contains("your plan (days 1\u20134: Project studio").contains("the best plan the engine found");
    }

    @Test
    void theQualityCriterionRunsFromTheWorstToTheBestQualityTheLessonAllows() throws Exception {
        Lesson ep = shipped("budget-four-song-ep");
        Map<Integer, BudgetPlan.DayBooking> days = new TreeMap<>();
        for (int d = 1; d <= 4; d++) {
            days.put(d, at("project-studio", "session-drummer"));
        }
        AttemptFinished result = play(ep, calmSeed(ep), days, "freelance-mix", "mastering-house");
        double q = 0.4 * (0.75 + 0.12) + 0.35 * 0.75 + 0.25 * 0.9;
        double worst = 0.4 * 0.45 + 0.35 * 0.5 + 0.25 * 0.55;
        double best = 0.4 * 1.0 + 0.35 * 0.93 + 0.25 * 0.9;
        assertThat(criterion(result, "quality").score()).isCloseTo(100 * (q - worst) / (best - worst), within(0.05));
    }
}
