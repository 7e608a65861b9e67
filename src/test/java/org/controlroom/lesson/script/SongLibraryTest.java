package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import be.tarsos.dsp.pitch.Yin;

/**
 * The shipped song library (audio-assets/songs) measured against its manifests: the audio is decoded
 * once per song, and the form, the melody and the balance the manifest states are checked on it.
 */
class SongLibraryTest {

    private static final Path SONGS = Path.of(System.getProperty("controlroom.project.dir", "."))
            .resolve("audio-assets/songs");
    private static final Set<String> HARMONIC = Set.of("keys", "guitar", "strings", "pad");
    private static SongLoader.Library library;

    @BeforeAll
    static void load() {
        library = SongLoader.loadAll(SONGS);
    }

    static Stream<String> songIds() {
        return SongLoader.loadAll(SONGS).songs().stream().map(Song::id);
    }

    @Test
    void everyManifestValidatesAndTheLibraryCoversFourStylesWithRealForms() {
        assertThat(library.problems()).isEmpty();
        assertThat(library.songs()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(library.songs().stream().map(Song::style).distinct()).hasSameSizeAs(library.songs());
        boolean separateDrums = false;
        for (Song song : library.songs()) {
            double seconds = song.bars() * song.barSeconds();
            assertThat(seconds).as(song.id() + " length").isBetween(90.0, 150.0);
            assertThat(song.stems()).as(song.id() + " stems").hasSizeGreaterThanOrEqualTo(7);
            List<String> roles = song.stems().stream().map(SongStem::role).toList();
            assertThat(roles).as(song.id()).contains("bass", "lead-vocal");
            assertThat(roles.stream().filter(HARMONIC::contains).count()).as(song.id() + " harmonic parts")
                    .isGreaterThanOrEqualTo(2);
            assertThat(roles).as(song.id() + " backing or percussion").containsAnyOf("backing-vocals", "percussion");
            separateDrums |= roles.contains("kick") && roles.contains("snare")
                    && (roles.contains("hats") || roles.contains("overheads"));
            String form = song.sections().stream().map(SongMark::id).collect(Collectors.joining(" "));
            assertThat(form).as(song.id() + " form").contains("intro", "verse", "chorus", "outro")
                    .containsPattern("pre-chorus|build").containsPattern("bridge|breakdown");
            assertThat(song.melodyStem()).isEqualTo(song.balanceReference());
            assertThat(song.melody()).hasSizeGreaterThan(40);
            assertThat(song.licence()).containsKeys("audio", "soundfont");
        }
        assertThat(separateDrums).as("kick, snare and hats/overheads as separate stems in some song").isTrue();
    }

    @Test
    void theMeasuringToolsReadKnownSignalsCorrectly() {
        int rate = 44100;
        // a decaying 60 Hz "kick" at 1.000 s after the tail of one at 0.75 s
        float[] x = new float[2 * rate];
        for (double hit : new double[] {0.75, 1.0}) {
            for (int i = 0; i < rate / 2 && (int) (hit * rate) + i < x.length; i++) {
                x[(int) (hit * rate) + i] += (float) (0.8 * Math.exp(-i / (0.08 * rate)) * Math.sin(2 * Math.PI * 60 * i / rate));
            }
        }
        assertThat(onsetNear(x, rate, 1.003) * 1000).isCloseTo(1000, org.assertj.core.api.Assertions.within(2.0));
        // a sine 25 cents above A4 reads +25 cents against A4
        MelodyNote a4 = new MelodyNote(0, 1, 69, "A4");
        float[] sine = new float[rate];
        double hz = 440 * Math.pow(2, 25 / 1200.0);
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        assertThat(medianCentsOff(sine, rate, a4)).isCloseTo(25, org.assertj.core.api.Assertions.within(1.0));

        // two noise stems mixed 7 dB apart, one panned left: the least-squares reading finds 7 dB
        java.util.Random random = new java.util.Random(5);
        int frames = 10 * rate;
        float[] v = new float[frames];
        float[] b = new float[frames];
        for (int i = 0; i < frames; i++) {
            v[i] = (float) (0.1 * random.nextGaussian());
            b[i] = (float) (0.1 * random.nextGaussian());
        }
        double g = Math.pow(10, -7 / 20.0);
        double theta = (-0.5 + 1) * Math.PI / 4;
        float[] mix = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            mix[2 * i] = (float) (v[i] * Math.sqrt(0.5) + g * Math.cos(theta) * b[i]);
            mix[2 * i + 1] = (float) (v[i] * Math.sqrt(0.5) + g * Math.sin(theta) * b[i]);
        }
        Song two = new Song(Path.of("x"), Path.of("."), "two", "Two", "test", 120, "C", 4, 4, rate, Path.of("m"),
                "vocal", List.of(), List.of(new SongStem("vocal", "lead-vocal", Path.of("v"), 0, 0, "", java.util.Optional.empty()),
                new SongStem("bass", "bass", Path.of("b"), -0.5, -7, "", java.util.Optional.empty())), "vocal", List.of(),
                Map.of());
        Map<String, Double> levels = stemLevelsInMix(two, Map.of("vocal", new AudioClip(rate, 1, v),
                "bass", new AudioClip(rate, 1, b)), new AudioClip(rate, 2, mix));
        assertThat(levels.get("bass") - levels.get("vocal")).isCloseTo(-7, org.assertj.core.api.Assertions.within(0.05));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("songIds")
    void theAudioMeasuresAsTheManifestSays(String id) throws IOException {
        Song song = library.song(id).orElseThrow();
        Map<String, AudioClip> stems = new HashMap<>();
        for (SongStem s : song.stems()) {
            stems.put(s.name(), AudioFiles.read(s.file()));
        }
        AudioClip mix = AudioFiles.read(song.referenceMix());
        SoftAssertions soft = new SoftAssertions();

        // every stem decodes, mono, at the song's rate, all exactly as long as the mix and the form (+ a tail)
        int frames = mix.frames();
        soft.assertThat(mix.channels()).as("mix channels").isEqualTo(2);
        soft.assertThat(mix.sampleRate()).as("mix rate").isEqualTo(song.sampleRate());
        soft.assertThat(frames / mix.sampleRate()).as("mix length").isGreaterThanOrEqualTo(song.bars() * song.barSeconds());
        for (SongStem s : song.stems()) {
            AudioClip c = stems.get(s.name());
            soft.assertThat(c.sampleRate()).as(s.name() + " rate").isEqualTo(song.sampleRate());
            soft.assertThat(c.frames()).as(s.name() + " length").isEqualTo(frames);
            soft.assertThat(c.channels()).as(s.name() + " channels").isEqualTo(1);
            soft.assertThat(AudioFiles.info(s.file()).frames()).as(s.name() + " length from its header")
                    .isEqualTo(c.frames());
        }

        // every section starts on the bar grid: the kick stem has an onset within 10 ms of each start
        SongStem kick = song.stems().stream().filter(s -> s.role().equals("kick")).findFirst().orElseThrow();
        float[] k = stems.get(kick.name()).samples();
        for (SongMark m : song.sections()) {
            double start = song.startSeconds(m);
            double onset = onsetNear(k, song.sampleRate(), start);
            soft.assertThat((onset - start) * 1000).as("kick onset at %s (%.3f s), ms", m.id(), start)
                    .isBetween(-10.0, 10.0);
        }

        // the vocal stem sings the manifest's melody: median pitch of each note within 10 cents
        float[] vocal = stems.get(song.melodyStem()).samples();
        int measured = 0;
        for (MelodyNote n : song.melody()) {
            double cents = medianCentsOff(vocal, song.sampleRate(), n);
            if (!Double.isNaN(cents)) {
                measured++;
                soft.assertThat(Math.abs(cents)).as("%s at %.2f s, cents off", n.name(), n.onsetSeconds())
                        .isLessThan(10.0);
            }
        }
        soft.assertThat(measured).as("notes with a measurable pitch").isGreaterThan(song.melody().size() * 9 / 10);

        // the reference mix holds each stem at its stated balance: least-squares gains of the stems in the mix
        Map<String, Double> level = stemLevelsInMix(song, stems, mix);
        double ref = level.get(song.balanceReference());
        for (SongStem s : song.stems()) {
            soft.assertThat(level.get(s.name()) - ref).as(s.name() + " balance, LU").isCloseTo(s.balanceDb(),
                    org.assertj.core.api.Assertions.within(1.0));
        }
        soft.assertAll();
    }

    /** Time of the sharpest rise of the 1 ms peak envelope within 40 ms of {@code t}. */
    static double onsetNear(float[] x, double rate, double t) {
        int block = (int) Math.round(rate / 1000);
        int from = Math.max(0, (int) ((t - 0.04) * rate) / block);
        int to = Math.min(x.length / block - 1, (int) ((t + 0.04) * rate) / block);
        double[] env = new double[to - from + 1];
        double loudest = 0;
        for (int b = from; b <= to; b++) {
            double m = 0;
            for (int i = b * block; i < (b + 1) * block; i++) {
                m = Math.max(m, Math.abs(x[i]));
            }
            env[b - from] = m;
            loudest = Math.max(loudest, m);
        }
        for (int i = 3; i < env.length; i++) {
            if (env[i] > 0.25 * loudest && env[i] > 3 * env[i - 3] + 1e-4) {
                // back to the first block of the rise
                int j = i;
                while (j > 0 && env[j - 1] > 2 * env[Math.max(0, j - 4)] + 1e-4 && env[j - 1] > 0.05 * loudest) {
                    j--;
                }
                return (from + j) * block / rate;
            }
        }
        return Double.NaN;
    }

    /** Median YIN pitch over the middle of a note, in cents from the note; NaN when unvoiced. */
    static double medianCentsOff(float[] x, double rate, MelodyNote n) {
        int size = 2048;
        Yin yin = new Yin((float) rate, size);
        int a = (int) ((n.onsetSeconds() + 0.3 * n.seconds()) * rate);
        int b = (int) ((n.onsetSeconds() + 0.85 * n.seconds()) * rate) - size;
        List<Double> cents = new ArrayList<>();
        float[] buf = new float[size];
        for (int i = a; i <= b; i += 512) {
            System.arraycopy(x, i, buf, 0, size);
            float hz = yin.getPitch(buf).getPitch();
            if (hz > 0) {
                cents.add(1200 * Math.log(hz / n.hz(440)) / Math.log(2));
            }
        }
        if (cents.size() < 2) {
            return Double.NaN;
        }
        cents.sort(null);
        return cents.get(cents.size() / 2);
    }

    /** Each stem's integrated loudness as it sits in the mix: mix ≈ Σ g_c,i · stem_i per channel c. */
    static Map<String, Double> stemLevelsInMix(Song song, Map<String, AudioClip> stems, AudioClip mix) {
        int n = song.stems().size();
        float[][] s = new float[n][];
        for (int i = 0; i < n; i++) {
            s[i] = stems.get(song.stems().get(i).name()).samples();
        }
        int frames = mix.frames();
        double[][] gram = new double[n][n];
        double[][] rhs = new double[2][n];
        float[] m = mix.samples();
        for (int f = 0; f < frames; f += 2) { // every other frame is plenty for a least-squares fit
            for (int i = 0; i < n; i++) {
                double si = s[i][f];
                if (si == 0) {
                    continue;
                }
                for (int j = i; j < n; j++) {
                    gram[i][j] += si * s[j][f];
                }
                rhs[0][i] += si * m[2 * f];
                rhs[1][i] += si * m[2 * f + 1];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                gram[i][j] = gram[j][i];
            }
        }
        double[] gl = solve(gram, rhs[0]);
        double[] gr = solve(gram, rhs[1]);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            float[] st = new float[frames * 2];
            for (int f = 0; f < frames; f++) {
                st[2 * f] = (float) (gl[i] * s[i][f]);
                st[2 * f + 1] = (float) (gr[i] * s[i][f]);
            }
            out.put(song.stems().get(i).name(),
                    LoudnessAnalyzer.measure(new AudioClip(mix.sampleRate(), 2, st)).integratedLufs());
        }
        return out;
    }

    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double k = a[r][c] / a[c][c];
                for (int j = c; j < n; j++) {
                    a[r][j] -= k * a[c][j];
                }
                b[r] -= k * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = b[r];
            for (int j = r + 1; j < n; j++) {
                v -= a[r][j] * x[j];
            }
            x[r] = v / a[r][r];
        }
        return x;
    }
}
