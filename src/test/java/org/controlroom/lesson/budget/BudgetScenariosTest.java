package org.controlroom.lesson.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.EventResponse;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.session.BudgetSession;
import org.junit.jupiter.api.Test;

/** The shipped budget lessons: every event's every response does what the lesson says. */
class BudgetScenariosTest {

    private static final LessonCatalog CATALOG = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets"));

    private static List<Lesson> budgets() {
        return CATALOG.lessons().stream().filter(l -> l.kind().equals(LessonKind.BUDGET)).toList();
    }

    @Test
    void thereAreBudgetLessonsAtEveryRankFromRunnerToExecutiveProducer() {
        assertThat(budgets()).extracting(Lesson::rank).contains("runner", "assistant-engineer", "engineer", "producer",
                "executive-producer");
    }

    /** A seed at which the event strikes. */
    private static long seedStriking(BudgetSection s, String eventId) {
        for (long seed = 1; ; seed++) {
            if (Strikes.of(s, seed).contains(eventId)) {
                return seed;
            }
        }
    }

    @Test
    void everyResponseChangesMoneyDaysQualityAndSongsAsTheLessonStates() {
        int checked = 0;
        for (Lesson lesson : budgets()) {
            BudgetSection s = (BudgetSection) lesson.section();
            for (BudgetEvent e : s.events()) {
                for (EventResponse r : e.responses()) {
                    BudgetSession session = new BudgetSession(lesson, Clock.systemUTC(), seedStriking(s, e.id()));
                    // book the cheapest studio on every free day: the project runs past every event's day
                    var studio = s.studios().stream().min(java.util.Comparator.comparingDouble(x -> x.dayRate())).orElseThrow();
                    for (int d = 1; d <= s.deadlineDays(); d++) {
                        if (studio.available().isFree(d)) {
                            session.bookStudio(d, Optional.of(studio.id()));
                        }
                    }
                    // answer every other event with its first response, until this one waits
                    while (session.pending().map(p -> !p.id().equals(e.id())).orElse(true)) {
                        if (session.pending().isPresent()) {
                            session.respond(session.pending().get().responses().get(0).id());
                        } else {
                            session.runDay();
                        }
                    }
                    double moneyBefore = session.committed();
                    int dayBefore = session.deliveryDay();
                    Outcome before = session.scorer().score(session.schedule(), session.effects());
                    session.respond(r.id());
                    Outcome after = session.scorer().score(session.schedule(), session.effects());
                    assertThat(session.committed() - moneyBefore).as("%s / %s money", e.id(), r.id())
                            .isEqualTo(e.cost() + r.cost());
                    assertThat(session.deliveryDay() - dayBefore).as("%s / %s days", e.id(), r.id())
                            .isEqualTo(e.delayDays() + r.delayDays());
                    assertThat(after.songsDelivered()).isEqualTo(before.songsDelivered() - r.dropSongs());
                    assertThat(after.quality()).as("%s / %s quality", e.id(), r.id())
                            .isEqualTo(Math.max(0, Math.min(1, before.quality() + r.quality())), org.assertj.core.api.Assertions.within(1e-12));
                    // undo takes the response back: the event waits again, money and days as before
                    session.history().undo();
                    assertThat(session.pending()).contains(e);
                    assertThat(session.committed()).isEqualTo(moneyBefore);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aDayThatHasRunCannotBeRebookedAndIsNotUndone() {
        Lesson lesson = CATALOG.lesson("budget-four-song-ep").orElseThrow();
        BudgetSession session = new BudgetSession(lesson, Clock.systemUTC(), 1);
        session.bookStudio(1, Optional.of("project-studio"));
        session.setPerson(1, "session-drummer", true);
        assertThat(session.history().canUndo()).isTrue();
        session.runDay();
        assertThat(session.daysRun()).isEqualTo(1);
        assertThat(session.history().canUndo()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.bookStudio(1, Optional.empty()))
                .hasMessageContaining("day 1 has run");
        // the saved plan replays: same seed, same days, same bookings
        BudgetPlan plan = session.plan();
        BudgetSession resumed = new BudgetSession(lesson, Clock.systemUTC(), 999);
        resumed.load(plan);
        assertThat(resumed.seed()).isEqualTo(1);
        assertThat(resumed.daysRun()).isEqualTo(1);
        assertThat(resumed.booking(1)).isEqualTo(session.booking(1));
    }

    @Test
    void aStudioCannotBeBookedOnADayItIsNotFree() {
        Lesson lesson = CATALOG.lesson("budget-four-song-ep").orElseThrow();
        BudgetSession session = new BudgetSession(lesson, Clock.systemUTC(), 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.bookStudio(2, Optional.of("big-room")))
                .hasMessageContaining("not free on day 2").hasMessageContaining("days 6\u20139, 15\u201317");
    }

    @Test
    void theEngineFindsAPolicyForEveryShippedLessonThatPasses() {
        List<String> lines = new ArrayList<>();
        for (Lesson lesson : budgets()) {
            BudgetSection s = (BudgetSection) lesson.section();
            Scorer scorer = new Scorer(s, lesson.scoring().weights());
            BestPolicy.Result best = new BestPolicy(scorer).solve();
            lines.add(lesson.id() + ": " + best.expectedValue() + " " + best.method() + " " + best.calendar().describe(s));
            assertThat(best.expectedValue()).as(lesson.id()).isGreaterThan(lesson.scoring().passMark());
            Outcome calm = scorer.score(Schedule.of(s, best.calendar()), Effects.NONE);
            assertThat(calm.failed()).as(lesson.id() + " " + calm.brokenLimits()).isFalse();
        }
        System.out.println(String.join("\n", lines));
    }
}
