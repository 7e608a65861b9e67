package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.MixSection;
import org.controlroom.lesson.script.MixTrack;
import org.controlroom.lesson.session.MixSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mix is scored from its render. The right fader settings are worked out here from the stems' own
 * loudness (measured on the files, not through the session), so the test knows the answer.
 */
class MixPlayTest {

    private static Lesson lesson;
    private static Map<String, Double> stemLufs;
    private static Map<String, AudioClip> clips;

    @BeforeAll
    static void load() throws Exception {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        lesson = catalog.lesson("mix-first-balance").orElseThrow();
        MixSection s = (MixSection) lesson.section();
        stemLufs = new java.util.LinkedHashMap<>();
        clips = new java.util.LinkedHashMap<>();
        for (MixTrack t : s.tracks()) {
            AudioClip c = WavReader.read(t.asset().resolved());
            clips.put(t.name(), c);
            stemLufs.put(t.name(), LoudnessAnalyzer.measure(c).integratedLufs());
        }
    }

    /** The fader for {@code track} that puts it {@code wantDb} from drums at 0 dB (all centred, no processing). */
    private static double faderFor(String track, double wantDb) {
        return wantDb - (stemLufs.get(track) - stemLufs.get("drums"));
    }

    /** The loudness of the three mono stems summed with the given faders, measured here by hand. */
    private static double summedLufs(double drums, double bass, double pad) {
        int n = clips.values().stream().mapToInt(AudioClip::frames).max().orElseThrow();
        float[] sum = new float[n];
        double[] g = {Math.pow(10, drums / 20), Math.pow(10, bass / 20), Math.pow(10, pad / 20)};
        int i = 0;
        for (AudioClip c : clips.values()) {
            float[] ch = c.channel(0);
            for (int k = 0; k < ch.length; k++) {
                sum[k] += (float) (g[i] * ch[k]);
            }
            i++;
        }
        return LoudnessAnalyzer.measure(new AudioClip(clips.get("drums").sampleRate(), 1, sum)).integratedLufs();
    }

    private static AttemptFinished play(java.util.function.Consumer<MixSession> work) throws Exception {
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), lesson, "ana", LessonKindPlugin.PlayContext.of(1),
                AttemptListener.NONE, Clock.systemUTC());
        MixSession session = (MixSession) r.beginSession();
        work.accept(session);
        assertThat(r.submit()).isEmpty();
        return r.result().orElseThrow();
    }

    private static Criterion criterion(AttemptFinished f, String name) {
        return f.criteria().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theBalanceTheBriefAsksForScoresFullMarksAndMeasuresAsSet() throws Exception {
        double bass = faderFor("bass", -3);
        double pad = faderFor("pad", -9);
        double master = -14 - summedLufs(0, bass, pad);
        AttemptFinished f = play(s -> {
            s.setGainDb("drums", 0);
            s.setGainDb("bass", bass);
            s.setGainDb("pad", pad);
            s.setPan("pad", 0);
            s.setMaster(new MixSession.Master(master, false, -1));
        });
        Criterion balance = criterion(f, "balance");
        assertThat((Double) balance.measured().get("bass")).isCloseTo(-3.0, within(0.3));
        assertThat((Double) balance.measured().get("pad")).isCloseTo(-9.0, within(0.3));
        assertThat(balance.score()).isEqualTo(100);
        assertThat((Double) criterion(f, "loudness").measured().get("integrated_lufs")).isCloseTo(-14.0, within(0.4));
        assertThat(criterion(f, "loudness").score()).isEqualTo(100);
        assertThat(criterion(f, "clipping").measured().get("clipped_samples")).isEqualTo(0L);
    }

    @Test
    void theStartingFadersFailTheBalanceByWhatTheyMeasure() throws Exception {
        AttemptFinished f = play(s -> { });
        Criterion balance = criterion(f, "balance");
        // the lesson starts with drums -8, bass +4, pad +2 (pad panned 0.3): bass sits 12 dB higher than wanted
        double expectBass = (stemLufs.get("bass") + 4) - (stemLufs.get("drums") - 8);
        assertThat((Double) balance.measured().get("bass")).isCloseTo(expectBass, within(0.3));
        assertThat(balance.score()).isLessThan(50);
        assertThat(f.passed()).isFalse();
    }

    @Test
    void aMixDrivenIntoFullScaleIsCaughtAsClippingAndTruePeak() throws Exception {
        AttemptFinished f = play(s -> {
            for (String t : new String[] {"drums", "bass", "pad"}) {
                s.setGainDb(t, 18);
            }
            s.setMaster(new MixSession.Master(12, false, -1));
        });
        assertThat((Double) criterion(f, "true_peak").measured().get("true_peak_dbtp")).isGreaterThan(-1.0);
        assertThat(criterion(f, "true_peak").score()).isLessThan(100);
        assertThat(criterion(f, "loudness").score()).isLessThan(100);
        // with the limiter off nothing holds the mix under full scale
        assertThat((Long) criterion(f, "clipping").measured().get("clipped_samples")).isGreaterThan(100L);
        assertThat(criterion(f, "clipping").score()).isZero();
    }

    @Test
    void theLimiterOnHoldsTheSameMixUnderItsCeiling() throws Exception {
        AttemptFinished f = play(s -> {
            for (String t : new String[] {"drums", "bass", "pad"}) {
                s.setGainDb(t, 18);
            }
            s.setMaster(new MixSession.Master(12, true, -1));
        });
        assertThat(criterion(f, "clipping").measured().get("clipped_samples")).isEqualTo(0L);
        assertThat((Double) criterion(f, "true_peak").measured().get("true_peak_dbtp")).isLessThanOrEqualTo(-0.9);
    }

    @Test
    void withAReferenceTheSpectrumCriterionMeasuresHowFarTheMixIsFromIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path lessons = org.controlroom.fixtures.RunnerRankMixLesson.in(dir);
        Path file = lessons.resolve("mix.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                .replace("mix:\n", "mix:\n  reference: loops/drums.wav\n"));
        Lesson withRef = new LessonLoader().load(lessons, dir.resolve("audio-assets")).lesson("mix-first-balance")
                .orElseThrow();
        java.util.function.Function<String, Double> distanceWithOnly = keep -> {
            try {
                LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), withRef, "ana", LessonKindPlugin.PlayContext.of(1),
                        AttemptListener.NONE, Clock.systemUTC());
                MixSession s = (MixSession) r.beginSession();
                for (String t : new String[] {"drums", "bass", "pad"}) {
                    s.setMute(t, !t.equals(keep));
                }
                r.submit();
                return (Double) criterion(r.result().orElseThrow(), "spectrum").measured().get("distance_db");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        // the drums alone are the reference (loudness-matched): no distance; the pad alone is far from it
        assertThat(distanceWithOnly.apply("drums")).isLessThan(0.5);
        assertThat(distanceWithOnly.apply("pad")).isGreaterThan(5.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSpectrumCriterionCarriesBothSpectraForThePicture(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path lessons = org.controlroom.fixtures.RunnerRankMixLesson.in(dir);
        Path file = lessons.resolve("mix.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                .replace("mix:\n", "mix:\n  reference: loops/drums.wav\n"));
        Lesson withRef = new LessonLoader().load(lessons, dir.resolve("audio-assets")).lesson("mix-first-balance")
                .orElseThrow();
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), withRef, "ana", LessonKindPlugin.PlayContext.of(1),
                AttemptListener.NONE, Clock.systemUTC());
        MixSession s = (MixSession) r.beginSession();
        s.setMute("bass", true);
        s.setMute("pad", true);
        r.submit();
        var measured = criterion(r.result().orElseThrow(), "spectrum").measured();
        List<Double> hz = (List<Double>) measured.get("bands_hz");
        List<Double> mix = (List<Double>) measured.get("mix_db");
        List<Double> ref = (List<Double>) measured.get("reference_db");
        // ISO third-octave centres from 31.5 Hz to 16 kHz that have sound in them, one value per band each
        assertThat(hz).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(31.0, 16500.0));
        assertThat(mix).hasSameSizeAs(hz);
        assertThat(ref).hasSameSizeAs(hz);
        // the drums alone against the drums as reference: the two pictures lie on each other
        for (int i = 0; i < hz.size(); i++) {
            assertThat(mix.get(i)).as("band %s Hz", hz.get(i)).isCloseTo(ref.get(i), org.assertj.core.data.Offset.offset(0.6));
        }
    }
}
