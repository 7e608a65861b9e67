package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.script.Phrase;
import org.controlroom.lesson.script.TakesSection;
import org.controlroom.lesson.session.TakesSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped takes lessons: each passes with its solution plan (src/test/resources/takes-solutions),
 * and fails from its starting state (the first take of every phrase) and with any single take where
 * the lesson needs a comp, even with the right answers to its questions.
 */
class TakesPlayTest {
    static final List<String> LESSONS = List.of("takes-pick-the-hook", "takes-comp-the-verse", "takes-find-the-flat-note",
            "takes-tutor-set");
    private static LessonCatalog catalog;
    private static Path root;

    @BeforeAll
    static void load() {
        root = Path.of(System.getProperty("controlroom.project.dir", "."));
        catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
    }

    static AttemptFinished play(Lesson lesson, java.util.function.Consumer<TakesSession> work, boolean rightAnswers)
            throws Exception {
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), lesson, "ana", LessonKindPlugin.PlayContext.of(1),
                AttemptListener.NONE, Clock.systemUTC());
        TakesSession session = (TakesSession) r.beginSession();
        work.accept(session);
        Optional<Step> step = r.submit();
        TakesSection section = (TakesSection) lesson.section();
        while (step.isPresent()) {
            TakesSection.DirectionQuestion q = section.questions().get(step.get().index());
            String answer = rightAnswers ? q.answer()
                    : q.options().stream().map(TakesSection.Option::id).filter(o -> !o.equals(q.answer())).findFirst().orElseThrow();
            r.answer(Response.Options.of(answer));
            step = r.next();
        }
        return r.result().orElseThrow();
    }

    static LessonPlan solution(Lesson lesson) {
        return new PlanFile(LessonFormats.builtIn()).read(root.resolve("src/test/resources/takes-solutions/" + lesson.id()
                + ".yaml"), lesson);
    }

    @ParameterizedTest
    @ValueSource(strings = {"takes-pick-the-hook", "takes-comp-the-verse", "takes-find-the-flat-note", "takes-tutor-set",
            "takes-pick-the-vocal"})
    void passesWithItsSolutionAndFailsFromTheStart(String id) throws Exception {
        Lesson lesson = catalog.lesson(id).orElseThrow();
        AttemptFinished solved = play(lesson, s -> s.load(solution(lesson)), true);
        assertThat(solved.passed()).as(id + " solved: " + solved.criteria()).isTrue();
        AttemptFinished start = play(lesson, s -> { }, true);
        assertThat(start.passed()).as(id + " from the start: " + start.criteria()).isFalse();
    }

    @Test
    void everySingleTakeFailsWhereTheLessonNeedsAComp() throws Exception {
        for (String id : List.of("takes-comp-the-verse", "takes-find-the-flat-note", "takes-tutor-set")) {
            Lesson lesson = catalog.lesson(id).orElseThrow();
            TakesSection section = (TakesSection) lesson.section();
            Phrase first = section.phrases().get(0);
            for (var take : first.takes()) {
                AttemptFinished f = play(lesson, s -> {
                    s.load(solution(lesson));
                    s.choose(first.id(), take.id());
                }, true);
                assertThat(f.passed()).as(id + " with only " + take.id() + ": " + f.criteria()).isFalse();
            }
        }
    }

    @Test
    void pickingTheHookFindsTheFlatTakeEighteenCentsOffAndTheLateOneSixtyMillisecondsLate() throws Exception {
        Lesson lesson = catalog.lesson("takes-pick-the-hook").orElseThrow();
        AttemptFinished flat = play(lesson, s -> s.choose("hook", "take-1"), true);
        Map<?, ?> cents = (Map<?, ?>) criterion(flat, "pitch").measured().get("cents_off");
        assertThat((Double) cents.get("hook")).isBetween(15.0, 21.0);
        AttemptFinished late = play(lesson, s -> s.choose("hook", "take-2"), true);
        Map<?, ?> ms = (Map<?, ?>) criterion(late, "timing").measured().get("timing_ms");
        assertThat((Double) ms.get("hook")).isBetween(50.0, 70.0);
        AttemptFinished clipped = play(lesson, s -> s.choose("hook", "take-4"), true);
        assertThat(criterion(clipped, "clean").score()).isZero();
        AttemptFinished wrongAnswer = play(lesson, s -> s.choose("hook", "take-3"), false);
        assertThat(criterion(wrongAnswer, "direction").score()).isZero();
        assertThat(wrongAnswer.passed()).isFalse();
    }

    @Test
    void aCompJoinedInsideAHeldNoteIsScoredCleanWithItsCrossfadeAndHeardWithout() throws Exception {
        Lesson lesson = catalog.lesson("takes-comp-the-verse").orElseThrow();
        // the fourth note (D4) is held from 1.925 s to 3.10 s into the take: join inside it
        int cutsHeard = 0;
        for (double at : new double[] {2.3, 2.5, 2.7}) {
            List<TakesSession.Piece> comp = List.of(new TakesSession.Piece("take-1", Optional.of(at)),
                    new TakesSession.Piece("take-2", Optional.empty()));
            AttemptFinished faded = play(lesson, s -> s.setComp("verse", comp), true);
            Criterion joins = criterion(faded, "joins");
            assertThat(joins.score()).as(joins.detail()).isEqualTo(100);
            Map<?, ?> join = (Map<?, ?>) ((List<?>) joins.measured().get("joins")).get(0);
            assertThat((Double) join.get("click_db")).isLessThan(6.0);
            assertThat(faded.passed()).isTrue();
            AttemptFinished cut = play(lesson, s -> {
                s.setComp("verse", comp);
                s.setCrossfadeMs(0);
            }, true);
            if (criterion(cut, "joins").score() < 100) {
                cutsHeard++;
            }
        }
        // a hard cut between two takes of a held note clicks unless the waveforms happen to meet
        assertThat(cutsHeard).isGreaterThanOrEqualTo(2);
    }

    static Criterion criterion(AttemptFinished f, String name) {
        return f.criteria().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
