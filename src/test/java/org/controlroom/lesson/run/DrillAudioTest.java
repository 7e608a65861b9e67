package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.Test;

/** The drill's sound is measured: what B does to A is what the question says. */
class DrillAudioTest {

    private static DrillSection drill(DrillExercise exercise, List<Double> choices) {
        return new DrillSection(exercise, new GeneratorSource("pink-noise"), 4, 4, choices, 12, 1.4, Optional.of(1000.0),
                -30, 0, 5, 8);
    }

    private static DrillQuestion question(DrillExercise e, double answer) {
        return new DrillQuestion(1, e, answer, 12, 1.4, 1000, -30, 0, 4);
    }

    private static double rmsDb(AudioClip c, int channel) {
        double sum = 0;
        float[] s = c.samples();
        int frames = c.frames();
        for (int f = frames / 10; f < frames * 9 / 10; f++) {
            sum += (double) s[2 * f + channel] * s[2 * f + channel];
        }
        return 10 * Math.log10(sum / (frames * 0.8));
    }

    @Test
    void anEqFrequencyQuestionBoostsTheBandItsAnswerNames() throws Exception {
        for (double hz : List.of(250.0, 1000.0, 4000.0)) {
            DrillAudio.Pair p = new DrillAudio(drill(DrillExercise.EQ_FREQUENCY, List.of(250.0, 1000.0, 4000.0)), 7)
                    .render(question(DrillExercise.EQ_FREQUENCY, hz));
            List<SpectrumBand> a = ThirdOctaveSpectrum.of(p.a());
            List<SpectrumBand> b = ThirdOctaveSpectrum.of(p.b());
            int loudest = java.util.stream.IntStream.range(0, a.size()).boxed()
                    .max(Comparator.comparingDouble(i -> b.get(i).db() - a.get(i).db())).orElseThrow();
            assertThat(a.get(loudest).centreHz()).isEqualTo(hz);
            assertThat(b.get(loudest).db() - a.get(loudest).db()).isBetween(9.0, 12.5);
        }
    }

    @Test
    void aLevelQuestionChangesTheLevelByItsAnswer() throws Exception {
        DrillAudio.Pair p = new DrillAudio(drill(DrillExercise.LEVEL, List.of(-3.0, 3.0)), 1)
                .render(question(DrillExercise.LEVEL, -3));
        assertThat(rmsDb(p.b(), 0) - rmsDb(p.a(), 0)).isCloseTo(-3, within(0.05));
    }

    @Test
    void aPanQuestionPlacesBByTheConstantPowerLawAgainstACentredA() throws Exception {
        DrillAudio.Pair p = new DrillAudio(drill(DrillExercise.PAN, List.of(-0.5, 0.5)), 1)
                .render(question(DrillExercise.PAN, -0.5));
        assertThat(rmsDb(p.a(), 0) - rmsDb(p.a(), 1)).isCloseTo(0, within(0.01));
        double theta = (-0.5 + 1) * Math.PI / 4;
        assertThat(rmsDb(p.b(), 0) - rmsDb(p.b(), 1)).isCloseTo(20 * Math.log10(Math.cos(theta) / Math.sin(theta)),
                within(0.05));
    }

    @Test
    void aHigherRatioSquashesTheSoundMore() throws Exception {
        DrillAudio audio = new DrillAudio(drill(DrillExercise.COMPRESSION, List.of(2.0, 10.0)), 3);
        double two = rmsDb(audio.render(question(DrillExercise.COMPRESSION, 2)).b(), 0);
        double ten = rmsDb(audio.render(question(DrillExercise.COMPRESSION, 10)).b(), 0);
        double dry = rmsDb(audio.render(question(DrillExercise.COMPRESSION, 2)).a(), 0);
        assertThat(two).isLessThan(dry - 0.5);
        assertThat(ten).isLessThan(two - 0.5);
    }

    @Test
    void aLoudSourceWithABigBoostIsTurnedDownWithoutChangingTheDifference() throws Exception {
        // a song stem peaking near full scale, +12 dB at 1 kHz: B would clip; both come down together
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        Path stem = root.resolve("audio-assets/songs/paper-lanterns/lead-vocal.ogg");
        DrillSection d = new DrillSection(DrillExercise.LEVEL, new org.controlroom.lesson.script.AssetSource(
                "songs/paper-lanterns/lead-vocal.ogg", stem), 1, 4, List.of(6.0, 12.0), 0, 1.4, Optional.empty(),
                -24, 0, 2, 8);
        DrillAudio.Pair p = new DrillAudio(d, 1).render(new DrillQuestion(1, DrillExercise.LEVEL, 12, 0, 1.4, 0, 0, 20, 4));
        float peak = 0;
        for (AudioClip c : List.of(p.a(), p.b())) {
            for (float v : c.samples()) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertThat(20 * Math.log10(peak)).isLessThanOrEqualTo(-0.99);
        assertThat(rmsDb(p.b(), 0) - rmsDb(p.a(), 0)).isCloseTo(12, within(0.05));
    }

    @Test
    void theSameAttemptSoundsTheSameAndEachQuestionHasItsOwnExcerpt() throws Exception {
        DrillSection d = drill(DrillExercise.LEVEL, List.of(-3.0, 3.0));
        AudioClip first = new DrillAudio(d, 9).render(question(DrillExercise.LEVEL, 3)).a();
        AudioClip again = new DrillAudio(d, 9).render(question(DrillExercise.LEVEL, 3)).a();
        AudioClip other = new DrillAudio(d, 9).render(new DrillQuestion(2, DrillExercise.LEVEL, 3, 0, 1, 0, 0, 0, 4)).a();
        assertThat(again.samples()).isEqualTo(first.samples());
        assertThat(other.samples()).isNotEqualTo(first.samples());
    }

    @Test
    void aShippedDrillOnASoundFileRendersItsExcerpts() throws Exception {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        Lesson lesson = catalog.lesson("level-steps").orElseThrow();
        double seconds = DrillAudio.sourceSeconds((DrillSection) lesson.section());
        LessonRunner runner = LessonRunner.start(lesson, "ana", 4, seconds, AttemptListener.NONE, java.time.Clock.systemUTC());
        DrillQuestion q = runner.begin().drillQuestion().orElseThrow();
        DrillAudio.Pair p = new DrillAudio((DrillSection) lesson.section(), runner.seed()).render(q);
        assertThat(p.a().seconds()).isCloseTo(Math.min(4, seconds), within(0.01));
        assertThat(rmsDb(p.b(), 0) - rmsDb(p.a(), 0)).isCloseTo(q.answer(), within(0.05));
    }

    @Test
    void everyShippedDrillRendersItsQuestionsAndBDiffersFromA() throws Exception {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        List<Lesson> drills = catalog.lessons().stream().filter(l -> l.section() instanceof DrillSection).toList();
        assertThat(drills).hasSizeGreaterThanOrEqualTo(8);
        for (Lesson lesson : drills) {
            double seconds = DrillAudio.sourceSeconds((DrillSection) lesson.section());
            LessonRunner runner = LessonRunner.start(lesson, "ana", 11, seconds, AttemptListener.NONE,
                    java.time.Clock.systemUTC());
            DrillQuestion q = runner.begin().drillQuestion().orElseThrow();
            DrillAudio.Pair p = new DrillAudio((DrillSection) lesson.section(), runner.seed()).render(q);
            assertThat(p.a().frames()).as(lesson.id()).isGreaterThan((int) (p.a().sampleRate() * 0.9));
            assertThat(p.b().samples()).as(lesson.id()).isNotEqualTo(p.a().samples());
        }
    }
}
