package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.lesson.run.TestLessons.HandClock;
import org.controlroom.lesson.run.TestLessons.RecordingListener;
import org.controlroom.lesson.script.Lesson;
import org.junit.jupiter.api.Test;

class LessonRunnerTest {

    private final HandClock clock = new HandClock();

    private List<Double> answersOf(Lesson lesson, long seed) {
        LessonRunner r = LessonRunner.start(lesson, "ana", seed, AttemptListener.NONE, clock);
        List<Double> truths = new ArrayList<>();
        Step step = r.begin();
        while (true) {
            double truth = step.drillQuestion().orElseThrow().answer();
            truths.add(truth);
            r.answer(new Response.Value(truth));
            var next = r.next();
            if (next.isEmpty()) {
                return truths;
            }
            step = next.get();
        }
    }

    @Test
    void theSameSeedReplaysTheSameQuestions() {
        Lesson drill = TestLessons.octaveDrill(12);
        assertThat(answersOf(drill, 42)).isEqualTo(answersOf(drill, 42));
        assertThat(answersOf(drill, 42)).isNotEqualTo(answersOf(drill, 43));
    }

    @Test
    void questionsNeverRepeatTheSameAnswerTwiceInARow() {
        List<Double> truths = answersOf(TestLessons.octaveDrill(50), 7);
        for (int i = 1; i < truths.size(); i++) {
            assertThat(truths.get(i)).isNotEqualTo(truths.get(i - 1));
        }
        assertThat(truths).containsAll(List.of(125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0));
    }

    @Test
    void rightAnswersGivenQuicklyScoreFullMarksPassAndOfferTheLessonsXp() {
        RecordingListener listener = new RecordingListener();
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(5), "ana", 1, listener, clock);
        assertThat(r.state()).isEqualTo(LessonRunner.State.BRIEF);
        assertThat(r.brief()).isEqualTo("Brief of octave-boosts");
        Step step = r.begin();
        while (true) {
            listenToBoth(r);
            clock.advance(Duration.ofSeconds(3));
            Feedback f = r.answer(new Response.Value(step.drillQuestion().orElseThrow().answer()));
            assertThat(f.correct()).contains(true);
            assertThat(f.points()).isEqualTo(10);
            var next = r.next();
            if (next.isEmpty()) {
                break;
            }
            step = next.get();
        }
        AttemptFinished result = r.result().orElseThrow();
        assertThat(r.state()).isEqualTo(LessonRunner.State.FINISHED);
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.passed()).isTrue();
        assertThat(result.xpOffered()).isEqualTo(20);
        assertThat(result.criteria()).extracting(Criterion::name).containsExactly("accuracy", "speed");
        assertThat(result.criteria().get(0).detail()).startsWith("5 of 5 right");
        assertThat(listener.events.get(0)).isInstanceOf(AttemptStarted.class);
        assertThat(listener.answers()).hasSize(5);
        assertThat(listener.events.get(listener.events.size() - 1)).isEqualTo(result);
    }

    @Test
    void anOctaveOffLosesFivePointsAndIsWrong() {
        RecordingListener listener = new RecordingListener();
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(1), "ana", 3, listener, clock);
        double truth = r.begin().drillQuestion().orElseThrow().answer();
        double oneOctaveOff = truth == 8000 ? 4000 : truth * 2;
        r.played(LessonRunner.Side.A);
        r.played(LessonRunner.Side.B);
        r.played(LessonRunner.Side.B);
        clock.advance(Duration.ofMillis(2500));
        Feedback f = r.answer(new Response.Value(oneOctaveOff));
        assertThat(f.correct()).contains(false);
        assertThat(f.error().orElseThrow()).isCloseTo(1.0, within(1e-9));
        assertThat(f.errorUnit()).contains("octaves");
        assertThat(f.points()).isEqualTo(5);
        AnswerGiven stored = listener.answers().get(0);
        assertThat(stored.playsA()).isEqualTo(1);
        assertThat(stored.playsB()).isEqualTo(2);
        assertThat(stored.responseMillis()).isEqualTo(2500);
        assertThat(stored.questionJson()).contains("\"exercise\":\"eq-frequency\"").contains("\"answer\":" + truth);
        assertThat(stored.responseJson()).isEqualTo("{\"answer\":" + oneOctaveOff + "}");
        r.next();
        AttemptFinished result = r.result().orElseThrow();
        // accuracy 50 × 0.8 + speed 0 × 0.2: heard and quick (2.5 s of 8), but wrong, so no speed
        assertThat(result.score()).isEqualTo(40);
        assertThat(result.passed()).isFalse();
        assertThat(result.xpOffered()).isZero();
    }

    @Test
    void aToleranceCountsNearAnswersRight() {
        LessonRunner r = LessonRunner.start(TestLessons.levelDrill(), "ana", 5, AttemptListener.NONE, clock);
        double truth = r.begin().drillQuestion().orElseThrow().answer();
        // choices are -6 -3 -1 1 3 6; nothing but the truth is within 0.5 dB, so 2 dB off costs (2 - 0.5) × 2 points
        double off = truth == 1 ? 3 : truth == -1 ? -3 : truth == 3 ? 1 : truth == -3 ? -1 : truth == 6 ? 3 : -3;
        Feedback f = r.answer(new Response.Value(off));
        double error = Math.abs(off - truth);
        assertThat(f.points()).isCloseTo(Math.max(0, 10 - 2 * (error - 0.5)), within(1e-9));
        assertThat(f.errorUnit()).contains("dB");
    }

    @Test
    void slowAnswersCostTheSpeedCriterion() {
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(2), "ana", 9, AttemptListener.NONE, clock);
        Step s = r.begin();
        listenToBoth(r);
        clock.advance(Duration.ofSeconds(20));
        r.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
        s = r.next().orElseThrow();
        listenToBoth(r);
        clock.advance(Duration.ofSeconds(2));
        r.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
        r.next();
        AttemptFinished result = r.result().orElseThrow();
        assertThat(result.criteria().get(1).score()).isEqualTo(50);
        assertThat(result.score()).isEqualTo(90);
    }

    @Test
    void onlyRightAnswersScoreSpeed() {
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(2), "ana", 9, AttemptListener.NONE, clock);
        Step s = r.begin();
        listenToBoth(r);
        clock.advance(Duration.ofSeconds(2));
        r.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
        s = r.next().orElseThrow();
        listenToBoth(r);
        clock.advance(Duration.ofSeconds(2));
        double truth = s.drillQuestion().orElseThrow().answer();
        r.answer(new Response.Value(truth >= 1000 ? 125 : 8000));   // quick, heard, and 3 or more octaves off
        r.next();
        AttemptFinished result = r.result().orElseThrow();
        // one of two answers right and quick: speed 50; accuracy (10 + 0) / 20 = 50 (an octave costs 5 of 10)
        assertThat(result.criteria().get(1).score()).isEqualTo(50);
        assertThat(result.criteria().get(1).measured()).containsEntry("within_target", 1L)
                .containsEntry("timed_answers", 2L);
        assertThat(result.criteria().get(0).score()).isEqualTo(50);
        assertThat(result.score()).isEqualTo(50);
    }

    private static void listenToBoth(LessonRunner r) {
        r.played(LessonRunner.Side.A);
        r.played(LessonRunner.Side.B);
    }

    /** Plays a 4-question drill answering each right after 2 s, listening first or not. */
    private AttemptFinished quickRightAnswers(LessonRunner r, boolean listenA, boolean listenB) {
        Step s = r.begin();
        while (true) {
            if (listenA) {
                r.played(LessonRunner.Side.A);
            }
            if (listenB) {
                r.played(LessonRunner.Side.B);
            }
            clock.advance(Duration.ofSeconds(2));
            r.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
            var next = r.next();
            if (next.isEmpty()) {
                return r.result().orElseThrow();
            }
            s = next.get();
        }
    }

    @Test
    void quickAnswersWithoutListeningToBothAAndBScoreNoSpeed() {
        assertThat(quickRightAnswers(LessonRunner.start(TestLessons.octaveDrill(4), "ana", 1, AttemptListener.NONE,
                clock), false, false).criteria().get(1).score()).isZero();
        assertThat(quickRightAnswers(LessonRunner.start(TestLessons.octaveDrill(4), "ana", 1, AttemptListener.NONE,
                clock), false, true).criteria().get(1).score()).as("B alone is not a comparison").isZero();
        AttemptFinished heard = quickRightAnswers(LessonRunner.start(TestLessons.octaveDrill(4), "ana", 1,
                AttemptListener.NONE, clock), true, true);
        assertThat(heard.criteria().get(1).score()).isEqualTo(100);
        assertThat(heard.criteria().get(1).measured()).containsEntry("timed_answers", 4L);
    }

    @Test
    void answersOnUntimedTermsScoreNoSpeedEvenAfterListening() {
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(clock), TestLessons.octaveDrill(4), "ana",
                LessonKindPlugin.PlayContext.of(1).with(AttemptTerms.LIVE.untimed("answers read from a file")),
                AttemptListener.NONE, clock);
        AttemptFinished result = quickRightAnswers(r, true, true);
        assertThat(result.criteria().get(0).score()).isEqualTo(100);
        assertThat(result.criteria().get(1).score()).isZero();
        assertThat(result.criteria().get(1).detail()).contains("4 not timed");
    }

    @Test
    void aReplayOffersNoXpHoweverItScores() {
        RecordingListener listener = new RecordingListener();
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(clock), TestLessons.octaveDrill(4), "ana",
                LessonKindPlugin.PlayContext.of(1).with(AttemptTerms.LIVE.asReplay()), listener, clock);
        AttemptFinished result = quickRightAnswers(r, true, true);
        assertThat(result.passed()).isTrue();
        assertThat(result.xpOffered()).isZero();
        assertThat(((AttemptStarted) listener.events.get(0)).terms().replay()).isTrue();
    }

    @Test
    void anAnswerThatIsNotOnOfferIsRejectedAndNothingIsRecorded() {
        RecordingListener listener = new RecordingListener();
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(3), "ana", 1, listener, clock);
        r.begin();
        assertThatThrownBy(() -> r.answer(new Response.Value(777))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("777");
        assertThatThrownBy(() -> r.answer(Response.Options.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.state()).isEqualTo(LessonRunner.State.QUESTION);
        assertThat(listener.answers()).isEmpty();
    }

    @Test
    void stepsMustBeTakenInOrder() {
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(1), "ana", 1, AttemptListener.NONE, clock);
        assertThatThrownBy(() -> r.answer(new Response.Value(1000))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BRIEF");
        r.begin();
        assertThatThrownBy(r::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerThatCouldNotBeSavedCanBeGivenAgainAndCountsOnce() {
        RecordingListener saved = new RecordingListener();
        boolean[] fail = {true};
        AttemptListener flaky = new AttemptListener() {
            @Override
            public void attemptStarted(AttemptStarted s) {
                saved.attemptStarted(s);
            }

            @Override
            public void answerGiven(AnswerGiven a) {
                if (fail[0]) {
                    fail[0] = false;
                    throw new IllegalStateException("the learner database is in use by another program");
                }
                saved.answerGiven(a);
            }

            @Override
            public void attemptFinished(AttemptFinished f) {
                saved.attemptFinished(f);
            }
        };
        LessonRunner r = LessonRunner.start(TestLessons.octaveDrill(1), "ana", 2, flaky, clock);
        double truth = r.begin().drillQuestion().orElseThrow().answer();
        assertThatThrownBy(() -> r.answer(new Response.Value(truth))).hasMessageContaining("in use");
        assertThat(r.state()).isEqualTo(LessonRunner.State.QUESTION);
        r.answer(new Response.Value(truth));
        r.next();
        assertThat(saved.answers()).hasSize(1);
        assertThat(r.result().orElseThrow().criteria().get(0).detail()).startsWith("1 of 1 right");
    }
}
