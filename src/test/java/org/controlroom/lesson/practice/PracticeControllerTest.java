package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice screen's controller, driven headless against a recording view and sound. */
class PracticeControllerTest {

    @TempDir
    Path dir;

    private final List<String> shown = new ArrayList<>();
    private Step lastStep;
    private AttemptFinished result;

    private final PracticeView view = new PracticeView() {
        @Override
        public void showBrief(String title, String brief, int steps) {
            shown.add("brief " + title + " " + steps);
        }

        @Override
        public void showStep(Step step) {
            lastStep = step;
            shown.add("step " + (step.index() + 1));
        }

        @Override
        public void showSession(org.controlroom.lesson.session.LessonSession session) {
            shown.add("session " + session.lesson().id());
        }

        @Override
        public void showFeedback(Feedback feedback, boolean lastStep) {
            shown.add("feedback " + feedback.correct().orElse(null) + (lastStep ? " last" : ""));
        }

        @Override
        public void showResult(AttemptFinished r, String careerLine) {
            result = r;
            shown.add("result " + careerLine);
        }

        @Override
        public void showListening(LessonRunner.Side side) {
            shown.add("listening " + side);
        }

        @Override
        public void showSoundProblem(String message) {
            shown.add("no sound: " + message);
        }

        @Override
        public void showError(String message) {
            shown.add("error: " + message);
        }
    };

    private Practice practice(LearnerStore store) {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        store.learners().add("Ana");
        return new Practice(catalog, store.learners(), store.attempts(), store.progress());
    }

    @Test
    void aDrillPlaysThroughWithSoundAndEveryAnswerAndListenIsStored() {
        List<String> played = new ArrayList<>();
        DrillSound sound = new DrillSound() {
            @Override
            public void load(DrillAudio.Pair pair, boolean matchLoudness) {
                played.add("load " + matchLoudness + " " + pair.a().seconds());
            }

            @Override
            public void play(LessonRunner.Side side) {
                played.add("play " + side);
            }
        };
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            Practice.Attempt attempt = practice(store).start("Ana", "eq-octave-boosts", Optional.empty(), Clock.systemUTC());
            try (PracticeController c = new PracticeController(attempt, view, sound)) {
                assertThat(shown).containsExactly("brief Octave boosts on pink noise 10");
                c.begin();
                for (int q = 1; q <= 10; q++) {
                    c.listen(LessonRunner.Side.A);
                    c.listen(LessonRunner.Side.B);
                    c.answer(new Response.Value(lastStep.drillQuestion().orElseThrow().answer()));
                    c.next();
                }
            }
            assertThat(played).hasSize(30).startsWith("load true 4.0", "play A", "play B");
            assertThat(shown).contains("step 10", "listening B", "feedback true last");
            assertThat(shown.get(shown.size() - 1)).startsWith("result XP 20 (+20). Rank: Runner.");
            assertThat(result.score()).isEqualTo(100);
            var answers = store.attempts().answers(attempt.attemptId());
            assertThat(answers).hasSize(10).allSatisfy(a -> {
                assertThat(a.playsA()).isEqualTo(1);
                assertThat(a.playsB()).isEqualTo(1);
            });
        }
    }

    @Test
    void withoutASoundDeviceTheProblemIsShownOnceAndTheDrillGoesOn() {
        DrillSound none = new DrillSound() {
            @Override
            public void load(DrillAudio.Pair pair, boolean matchLoudness) throws PlaybackUnavailableException {
                throw new PlaybackUnavailableException("No audio output device was found", null);
            }
        };
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            Practice.Attempt attempt = practice(store).start("Ana", "level-steps", Optional.of(5L), Clock.systemUTC());
            try (PracticeController c = new PracticeController(attempt, view, none)) {
                c.begin();
                c.answer(new Response.Value(12345));
                for (int q = 1; q <= 10; q++) {
                    c.listen(LessonRunner.Side.B);
                    c.answer(new Response.Value(lastStep.choices().get(0).value()));
                    c.next();
                }
            }
            assertThat(shown.stream().filter(s -> s.startsWith("no sound"))).hasSize(1);
            assertThat(shown).anyMatch(s -> s.startsWith("error: answer 12345 is not one of the choices"));
            assertThat(shown).noneMatch(s -> s.startsWith("listening"));
            assertThat(result).isNotNull();
            assertThat(store.attempts().answers(attempt.attemptId())).hasSize(10)
                    .allSatisfy(a -> assertThat(a.playsB()).isEqualTo(1));
        }
    }
}
