package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MyMusic;
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

/** A shipped drill marked my_music: true plays, headless and stored, on a learner's folder. */
class PracticeOnMyMusicTest {

    @TempDir
    Path dir;

    private Step lastStep;
    private final List<String> shown = new ArrayList<>();

    private final PracticeView view = new PracticeView() {
        @Override
        public void showBrief(String title, String brief, int steps) {
            shown.add("brief");
        }

        @Override
        public void showStep(Step step) {
            lastStep = step;
        }

        @Override
        public void showSession(org.controlroom.lesson.session.LessonSession session) {
            shown.add("session");
        }

        @Override
        public void showFeedback(Feedback feedback, boolean last) {
            shown.add("feedback " + feedback.correct().orElse(null));
        }

        @Override
        public void showResult(AttemptFinished r, String careerLine) {
            shown.add("result " + r.score());
        }

        @Override
        public void showListening(LessonRunner.Side side) {
        }

        @Override
        public void showSoundProblem(String message) {
        }

        @Override
        public void showError(String message) {
            shown.add("error: " + message);
        }
    };

    private List<MusicEntry> folder() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        int rate = 48000;
        int frames = 60 * rate;
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 196 * t) + 0.2 * Math.sin(2 * Math.PI * 293.7 * t));
        }
        WavWriter.write(music.resolve("good.wav"), new AudioClip(rate, 1, s), WavSampleFormat.PCM_24);
        Files.writeString(music.resolve("damaged.mp3"), "ID3 and then nothing that decodes");
        WavWriter.write(music.resolve("silent.wav"), AudioClip.silence(rate, 1, 50 * rate), WavSampleFormat.PCM_16);
        return MyMusic.scan(List.of(music));
    }

    private static Practice practice(LearnerStore store) {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        store.learners().add("Ana");
        return new Practice(catalog, store.learners(), store.attempts(), store.progress());
    }

    @Test
    void aMyMusicDrillPlaysOnTheLearnersFileAndStoresEveryAnswer() throws Exception {
        List<MusicEntry> music = folder();
        List<Double> levels = new ArrayList<>();
        DrillSound sound = new DrillSound() {
            @Override
            public void load(DrillAudio.Pair pair, boolean matchLoudness) {
                levels.add(LoudnessAnalyzer.measure(pair.a()).integratedLufs());
            }
        };
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            Practice p = practice(store);
            Practice.Attempt attempt = p.start("Ana", "level-steps", Optional.empty(), Clock.systemUTC(), m -> { }, music);
            assertThat(attempt.myMusic()).hasValueSatisfying(x -> {
                assertThat(x.file().getFileName()).hasToString("good.wav");
                assertThat(x.startSeconds()).isBetween(5.0, 25.0);
            });
            try (PracticeController c = new PracticeController(attempt, view, sound)) {
                c.begin();
                for (int q = 0; q < 10; q++) {
                    c.listen(org.controlroom.lesson.run.LessonRunner.Side.A);
                    c.listen(org.controlroom.lesson.run.LessonRunner.Side.B);
                    c.answer(new Response.Value(lastStep.drillQuestion().orElseThrow().answer()));
                    c.next();
                }
            }
            assertThat(shown).doesNotContain("error: ").contains("result 100.0");
            assertThat(store.attempts().answers(attempt.attemptId())).hasSize(10);
            // every A is the learner's music, loudness-normalised (to -23 LUFS before its 10 ms fades)
            assertThat(levels).hasSize(10).allSatisfy(l -> assertThat(l).isCloseTo(-23, within(0.5)));

            // a lesson that does not allow it plays its own source, whatever the learner has
            Practice.Attempt plain = p.start("Ana", "eq-octave-boosts", Optional.of(7L), Clock.systemUTC(), m -> { }, music);
            assertThat(plain.myMusic()).isEmpty();
        }
    }
}
