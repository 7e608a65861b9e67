package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.controlroom.lesson.run.TestLessons.HandClock;
import org.controlroom.lesson.run.TestLessons.RecordingListener;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.Lesson;
import org.junit.jupiter.api.Test;

class BudgetPlayTest {

    private final HandClock clock = new HandClock();

    private AttemptFinished play(Lesson lesson, long seed, String studio, List<String> players, String mix,
                                 String master, RecordingListener listener) {
        LessonRunner r = LessonRunner.start(lesson, "ana", seed, listener, clock);
        r.begin();
        r.answer(Response.Options.of(studio));
        r.next();
        r.answer(new Response.Options(players));
        r.next();
        r.answer(Response.Options.of(mix));
        r.next();
        Feedback last = r.answer(Response.Options.of(master));
        assertThat(last.message()).contains("Delivered on day");
        assertThat(r.next()).isEmpty();
        return r.result().orElseThrow();
    }

    @Test
    void planCostsDaysAndQualityFollowTheScenarioFigures() {
        BudgetSection s = (BudgetSection) TestLessons.budget(0).section();
        BudgetPlan plan = new BudgetPlan(s.studios().get(0), s.musicians(), s.mixing().get(0), s.mastering().get(0));
        // 4 songs at 2 a day: 2 tracking days at 900 + 300; mixing 4 × 400; mastering 4 × 100
        assertThat(plan.trackingDays(s)).isEqualTo(2);
        assertThat(plan.cost(s)).isEqualTo(2 * 1200 + 1600 + 400);
        assertThat(plan.days(s)).isEqualTo(2 + 2 + 2);
        assertThat(plan.quality()).isCloseTo(0.4 * 1.0 + 0.35 * 0.9 + 0.25 * 0.9, within(1e-12));
    }

    @Test
    void theBestPlanBalancesQualityAgainstMoneyAndTime() {
        Lesson lesson = TestLessons.budget(0);
        BudgetSection s = (BudgetSection) lesson.section();
        BudgetPlanner.Rated best = new BudgetPlanner(s, lesson.scoring().weights()).best();
        // Everything top-end costs 4400 of 6000 and takes 6 of 10 days: all three criteria at 100.
        assertThat(best.plan().studio().id()).isEqualTo("big");
        assertThat(best.plan().musicians()).extracting(m -> m.id()).containsExactly("drums");
        assertThat(best.plan().mixing().id()).isEqualTo("pro");
        assertThat(best.expectedScore()).isCloseTo(100, within(1e-9));
    }

    @Test
    void aCertainIllnessMakesTheSlowPlanLateAndCostsDelivery() {
        RecordingListener listener = new RecordingListener();
        // Home studio: 4 tracking days + 4 mixing days (self) + 2 mastering = 10; illness adds 3 → 3 days late.
        AttemptFinished result = play(TestLessons.budget(1.0), 11, "home", List.of(), "self", "house", listener);
        Criterion delivery = result.criteria().get(0);
        assertThat(delivery.name()).isEqualTo("delivery");
        assertThat(delivery.score()).isEqualTo(25);
        assertThat(delivery.detail()).contains("3 days late");
        assertThat(result.criteria().get(1).score()).isEqualTo(100);
        assertThat(listener.answers()).hasSize(4);
        assertThat(listener.answers().get(0).responseJson()).isEqualTo("{\"chosen\":[\"home\"]}");
    }

    @Test
    void theBestPlanScoresFullMarksWhenNothingGoesWrong() {
        AttemptFinished result = play(TestLessons.budget(0), 5, "big", List.of("drums"), "pro", "house",
                new RecordingListener());
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.passed()).isTrue();
        assertThat(result.xpOffered()).isEqualTo(40);
    }

    @Test
    void eventsStrikeFromTheSeedSoAnAttemptReplays() {
        Lesson lesson = TestLessons.budget(0.5);
        int struck = 0;
        for (long seed = 0; seed < 200; seed++) {
            BudgetPlay a = new BudgetPlay((BudgetSection) lesson.section(), lesson.scoring().weights(), seed);
            BudgetPlay b = new BudgetPlay((BudgetSection) lesson.section(), lesson.scoring().weights(), seed);
            assertThat(a.struck()).isEqualTo(b.struck());
            struck += a.struck().size();
        }
        assertThat(struck).isBetween(70, 130);
    }

    @Test
    void expectedScoreWeighsEachEventByItsProbability() {
        Lesson lesson = TestLessons.budget(0.25);
        BudgetSection s = (BudgetSection) lesson.section();
        BudgetPlanner planner = new BudgetPlanner(s, lesson.scoring().weights());
        BudgetPlan slow = new BudgetPlan(s.studios().get(1), List.of(), s.mixing().get(1), s.mastering().get(0));
        double q = 100 * slow.quality() / planner.bestQuality();
        // on time (10 of 10 days) with p = 0.75; 3 days late (delivery 25) with p = 0.25
        double expected = 0.75 * (100 + 100 + q) / 3 + 0.25 * (25 + 100 + q) / 3;
        assertThat(planner.expectedScore(slow, planner.bestQuality())).isCloseTo(expected, within(1e-9));
    }
}
