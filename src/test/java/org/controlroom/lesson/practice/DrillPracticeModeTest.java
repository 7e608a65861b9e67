package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.AnswerRecord;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Practice mode: the learner's own grid, gain, Q, sound and number of questions are what the drill
 * asks; a perfect practice attempt earns no XP, counts as no pass and moves no staircase.
 */
class DrillPracticeModeTest {

    @TempDir
    Path dir;

    private Practice practice(LearnerStore store) {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        store.learners().add("Ana");
        return new Practice(catalog, store.learners(), store.attempts(), store.progress());
    }

    @Test
    void aPracticeDrillAsksWhatTheLearnerSetAndEarnsNothing() {
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            Practice p = practice(store);
            DrillPracticeSettings own = new DrillPracticeSettings(Optional.of("third"), Optional.of(-4.0),
                    Optional.of(4.3), Optional.of(new GeneratorSource("white-noise")), Optional.of(5));
            // an adaptive lesson: its staircase must not move
            Practice.Attempt a = p.practise("Ana", "eq-octave-boosts-adaptive", own, Clock.systemUTC(), Optional.empty());
            LessonRunner r = a.runner();
            assertThat(r.stepCount()).isEqualTo(5);
            assertThat(a.notices()).anySatisfy(n -> assertThat(n).contains("earns no XP"));
            Step s = r.begin();
            while (true) {
                assertThat(s.choices()).extracting(Choice::value)
                        .containsExactly(630.0, 800.0, 1000.0, 1250.0, 1600.0, 2000.0, 2500.0);
                DrillQuestion q = s.drillQuestion().orElseThrow();
                assertThat(q.gainDb()).isEqualTo(-4);
                assertThat(q.q()).isEqualTo(4.3);
                r.played(LessonRunner.Side.A);
                r.played(LessonRunner.Side.B);
                r.answer(new Response.Value(q.answer()));
                Optional<Step> next = r.next();
                if (next.isEmpty()) {
                    break;
                }
                s = next.get();
            }
            assertThat(r.result().orElseThrow().score()).isGreaterThan(70);
            assertThat(a.xpEarned()).isZero();
            long learner = store.learners().findByName("Ana").orElseThrow().id();
            assertThat(store.attempts().drillTrials(learner)).as("no staircase moves").isEmpty();
            assertThat(store.progress().progress(store.learners().findByName("Ana").orElseThrow(),
                    Practice.lessonHashes(new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets")))).xp())
                    .isZero();
            List<AnswerRecord> answers = store.attempts().answers(a.attemptId());
            assertThat(answers).hasSize(5).allSatisfy(x -> {
                assertThat(x.questionJson()).contains("\"gain_db\":-4.0");
                assertThat(x.questionJson()).contains("\"q\":4.3");
            });
        }
    }

    @Test
    void aGridOnADrillThatHasNoBandsIsRefused() {
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            Practice p = practice(store);
            DrillPracticeSettings own = new DrillPracticeSettings(Optional.of("third"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> p.practise("Ana", "level-steps", own, Clock.systemUTC(), Optional.empty()))
                    .isInstanceOf(PracticeException.class).hasMessageContaining("eq-frequency");
            assertThatThrownBy(() -> new DrillPracticeSettings(Optional.of("fifth"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty())).hasMessageContaining("octave, two-thirds or third");
        }
    }
}
