package org.controlroom.lesson.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.Pan;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.MelodyNote;
import org.controlroom.lesson.script.Phrase;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongStem;
import org.controlroom.lesson.script.TakesSection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A takes lesson heard in the mix (Paper Lanterns, verse 1, lines 1-2): the render is the comp plus
 * the song's other stems. The truth is found independently of the backing code: the in-mix render
 * minus the solo render is regressed onto each stem as decoded from the song's folder, which finds
 * every stem's gain and pan; its level relative to the takes (measured on solo renders of each take)
 * must be the manifest balance within 0.5 dB, and the lead vocal (the part the takes replace) absent.
 */
class TakesInTheMixTest {
    static final int BUFFER = 512;
    private static LessonCatalog catalog;
    private static Lesson lesson;
    private static Song song;

    @BeforeAll
    static void load() {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        lesson = catalog.lesson("takes-comp-the-verse").orElseThrow();
        song = ((TakesSection) lesson.section()).song().orElseThrow();
    }

    private static AudioClip render(TakesSession session) throws Exception {
        try (SessionSound sound = session.sound(new SoundLibrary(), BUFFER)) {
            // the null needs the plain sum: no limiting (the master limiter is a safety, not part of the test)
            sound.mixer().limiter().setBypassed(true);
            return new OfflineRenderer(1).render(sound.mixer(), sound.frames());
        }
    }

    private static float[] side(AudioClip c, int ch) {
        return c.channel(ch);
    }

    @Test
    void inTheMixTheCompPlaysOverEveryOtherStemAtItsManifestBalanceTimeAligned() throws Exception {
        TakesSession session = new TakesSession(lesson, Clock.systemUTC());
        Phrase phrase = session.phrases().get(0);
        // a comp with a join in a gap, so the crossfade is in what is heard over the backing too
        session.setComp(phrase.id(), List.of(new TakesSession.Piece("take-2", Optional.of(3.6)),
                new TakesSession.Piece("take-1", Optional.empty())));
        AudioClip solo = render(session);
        double rate = solo.sampleRate();
        long soloFrames = solo.frames();

        session.hearInTheMix(rate, TakesBacking.Progress.NONE);
        assertThat(session.inMix()).isTrue();
        AudioClip mixed = render(session);
        assertThat((long) mixed.frames()).as("the backing is cut to the phrase: the loop region and phrase starts stay")
                .isEqualTo(soloFrames);

        // the backing alone: the in-mix render with the comp nulled out
        int n = solo.frames();
        float[][] backing = new float[2][n];
        for (int ch = 0; ch < 2; ch++) {
            float[] a = side(mixed, ch);
            float[] b = side(solo, ch);
            for (int i = 0; i < n; i++) {
                backing[ch][i] = a[i] - b[i];
            }
        }
        assertThat(rms(backing[0])).as("there is a backing under the comp").isGreaterThan(1e-3);

        double[][] x = stemsAt(phrase, rate, n);
        Set<String> sounding = checkBalances(session, phrase, x, backing);
        assertThat(sounding).as("the stems that play in this verse").contains("kick", "snare", "bass", "piano");

        // the comp's first note where the melody's first note is: the song's 9.106 s is the phrase's 0.306 s
        MelodyNote first = song.melody().stream().filter(m -> m.onsetSeconds() >= phrase.songS().get()).findFirst().orElseThrow();
        long expected = Math.round((first.onsetSeconds() - phrase.songS().get()) * rate);
        float[] comp = side(solo, 0);
        assertThat((double) onset(comp)).as("the comp's onset (frames) at the melody's onset in the song")
                .isCloseTo(expected, within((double) BUFFER));

        // solo again: the backing is gone, bit for bit
        session.hearInMix(false);
        AudioClip again = render(session);
        assertThat(maxDiff(again.samples(), solo.samples())).as("solo again is the solo render").isLessThan(1e-6);
        // a take soloed (auditioned) without the mix is that take alone
        session.audition(Optional.of("take-3"));
        AudioClip take3 = render(session);
        float[] t3 = session.clips(new SoundLibrary()).get("take-3").samples();
        float[] heard = take3.channel(0);
        double worst = 0;
        for (int i = BUFFER; i < t3.length; i++) {
            worst = Math.max(worst, Math.abs(heard[i] - t3[i] * Pan.leftGain(0)));
        }
        assertThat(worst).as("take-3 solo is take-3 alone, centred").isLessThan(1e-5);
    }

    @Test
    void theHookInTheMixHasTheChorusStemsAtTheirBalancesToo() throws Exception {
        // the chorus: the strings and backing vocals (silent in verse 1) play here
        Lesson hook = catalog.lesson("takes-pick-the-hook").orElseThrow();
        TakesSession session = new TakesSession(hook, Clock.systemUTC());
        Phrase phrase = session.phrases().get(0);
        session.choose(phrase.id(), "take-3");
        AudioClip solo = render(session);
        session.hearInTheMix(solo.sampleRate(), TakesBacking.Progress.NONE);
        AudioClip mixed = render(session);
        int n = solo.frames();
        float[][] backing = new float[2][n];
        for (int ch = 0; ch < 2; ch++) {
            float[] a = mixed.channel(ch);
            float[] b = solo.channel(ch);
            for (int i = 0; i < n; i++) {
                backing[ch][i] = a[i] - b[i];
            }
        }
        Set<String> heard = checkBalances(session, phrase, stemsAt(phrase, solo.sampleRate(), n), backing);
        assertThat(heard).as("every stem but the lead vocal, over the two lessons").contains("strings", "backing-vocals", "hats");
    }

    private static final java.util.Map<String, AudioClip> STEMS = new java.util.HashMap<>();
    private static final java.util.Map<String, Double> STEM_LUFS = new java.util.HashMap<>();

    /** A stem decoded here (once), straight from the song's folder. */
    private static AudioClip stem(SongStem st, double rate) {
        return STEMS.computeIfAbsent(st.name(), name -> {
            try {
                AudioClip c = AudioFiles.read(song.folder().resolve(st.file()), rate);
                assertThat(c.channels()).as("%s is mono", name).isEqualTo(1);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every stem of the song, decoded here, cut at the phrase's place in the song. */
    private static double[][] stemsAt(Phrase phrase, double rate, int n) throws Exception {
        long from = Math.round(phrase.songS().orElseThrow() * rate);
        List<SongStem> stems = song.stems();
        double[][] x = new double[stems.size()][n];
        for (int k = 0; k < stems.size(); k++) {
            float[] s = stem(stems.get(k), rate).samples();
            for (int i = 0; i < n && from + i < s.length; i++) {
                x[k][i] = s[(int) (from + i)];
            }
        }
        return x;
    }

    /**
     * Regresses the backing onto the stems: it must be the stems at lag 0 (not a buffer late), the
     * lead vocal absent, and every stem that sounds in the phrase at its manifest balance (against the
     * mean loudness of the takes, each rendered solo) and pan.
     *
     * @return the stems that sound in the phrase (and were checked)
     */
    private static Set<String> checkBalances(TakesSession session, Phrase phrase, double[][] x, float[][] backing) throws Exception {
        double[] left = leastSquares(x, backing[0], 0);
        double[] right = leastSquares(x, backing[1], 0);
        assertThat(residual(x, backing[0], left, 0)).as("the backing is the stems at lag 0 (time-aligned)").isLessThan(1e-4);
        assertThat(residual(x, backing[1], right, 0)).isLessThan(1e-4);
        // a buffer late it is not: the fit is that sharp
        double[] late = leastSquares(x, backing[0], BUFFER);
        assertThat(residual(x, backing[0], late, BUFFER)).as("a buffer off").isGreaterThan(0.05);

        // the takes' level: each take alone (solo), measured as heard
        double sum = 0;
        boolean wasInMix = session.inMix();
        session.hearInMix(false);
        for (var t : phrase.takes()) {
            session.audition(Optional.of(t.id()));
            sum += LoudnessMeter.integratedLufs(render(session));
        }
        session.audition(Optional.empty());
        session.hearInMix(wasInMix);
        double takesLufs = sum / phrase.takes().size();
        double partBalance = song.stem(song.melodyStem()).orElseThrow().balanceDb();
        Set<String> checked = new TreeSet<>();
        List<SongStem> stems = song.stems();
        for (int k = 0; k < stems.size(); k++) {
            SongStem st = stems.get(k);
            double power = left[k] * left[k] + right[k] * right[k];
            if (st.name().equals(song.melodyStem())) {
                assertThat(power).as("the part the takes replace (%s) is not in the backing", st.name()).isLessThan(1e-8);
                continue;
            }
            double energy = 0;
            for (double v : x[k]) {
                energy += v * v;
            }
            if (Math.sqrt(energy / x[k].length) < 1e-4) {
                continue;   // silent in this phrase: nothing to measure
            }
            double stemLufs = STEM_LUFS.computeIfAbsent(st.name(), name -> LoudnessMeter.integratedLufs(stem(st, 48000)));
            double level = stemLufs + 10 * Math.log10(power);
            assertThat(level - takesLufs).as("%s against the takes, LU (manifest balance %.1f)", st.name(), st.balanceDb())
                    .isCloseTo(st.balanceDb() - partBalance, within(0.5));
            double theta = Math.atan2(right[k], left[k]);
            assertThat(theta).as("%s pan", st.name()).isCloseTo((st.pan() + 1) * Math.PI / 4, within(0.01));
            checked.add(st.name());
        }
        return checked;
    }

    @Test
    void switchingOnBeforeTheBackingIsLoadedIsRefusedAndALessonWithoutASongSaysWhy() {
        TakesSession session = new TakesSession(lesson, Clock.systemUTC());
        assertThat(session.whyNotInTheMix()).isEmpty();
        assertThatThrownBy(() -> session.hearInMix(true)).isInstanceOf(IllegalStateException.class);
        Lesson recorded = catalog.lesson("takes-tutor-set").orElseThrow();
        assertThat(new TakesSession(recorded, Clock.systemUTC()).whyNotInTheMix()).get().asString().contains("no song");
    }

    static double maxDiff(float[] a, float[] b) {
        assertThat(a.length).isEqualTo(b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** The first frame above 1 % of the peak. */
    static int onset(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > 0.01 * peak) {
                return i;
            }
        }
        return -1;
    }

    static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }

    /** Coefficients c minimising |y[i] - sum_k c_k x_k[i - lag]|^2 (normal equations, Gaussian elimination). */
    static double[] leastSquares(double[][] x, float[] y, int lag) {
        int m = x.length;
        double[][] a = new double[m][m + 1];
        for (int i = lag; i < y.length; i++) {
            for (int p = 0; p < m; p++) {
                double xp = x[p][i - lag];
                if (xp == 0) {
                    continue;
                }
                for (int q = 0; q < m; q++) {
                    a[p][q] += xp * x[q][i - lag];
                }
                a[p][m] += xp * y[i];
            }
        }
        for (int c = 0; c < m; c++) {
            int best = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
                    best = r;
                }
            }
            double[] t = a[c];
            a[c] = a[best];
            a[best] = t;
            for (int r = 0; r < m; r++) {
                if (r != c && a[c][c] != 0) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= m; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] out = new double[m];
        for (int c = 0; c < m; c++) {
            out[c] = a[c][c] == 0 ? 0 : a[c][m] / a[c][c];
        }
        return out;
    }

    /** What the fit leaves, as a fraction of y's energy. */
    static double residual(double[][] x, float[] y, double[] c, int lag) {
        double e = 0;
        double total = 0;
        for (int i = lag; i < y.length; i++) {
            double f = 0;
            for (int k = 0; k < x.length; k++) {
                f += c[k] * x[k][i - lag];
            }
            e += (y[i] - f) * (y[i] - f);
            total += (double) y[i] * y[i];
        }
        return e / total;
    }
}
