package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlroom.lesson.run.DrillAudioCarriesTheQuestionTest.transferDb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillOptions;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.SoundSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newer drills' audio carries what their questions say, measured on the rendered A and B with
 * this test's own analysis (a Welch transfer function, RMS levels, Goertzel tone levels, mid/side
 * energies): shelves and pass filters put their corner where stated, several bands all sit where
 * stated, "no change" is A untouched, boost or cut has the stated sign, wide and narrow bands have the
 * stated Q, the offset grid moves its bands, a compressor takes off the stated gain reduction within
 * 1 dB and with the stated attack and release times, one stem of a mix moves by its step, and width
 * scales the side signal.
 */
class NewDrillsCarryTheQuestionTest {

    private static final int N = 65536;
    private static final List<Double> OCTAVES = List.of(63.0, 125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0);

    private static DrillSection drill(DrillExercise e, SoundSource source, List<Double> choices, double gain, double q,
                                      Optional<Double> hz, DrillOptions options) {
        return new DrillSection(e, source, 40, 6, choices, gain, q, hz, -24, 0, 5, 8, 0, Optional.empty(), false,
                false, false, options);
    }

    private static DrillSection noiseDrill(DrillExercise e, List<Double> choices, double gain, DrillOptions options) {
        return drill(e, new GeneratorSource("pink-noise"), choices, gain, 1.4, Optional.empty(), options);
    }

    private static double hzOfBin(int k, double rate) {
        return k * rate / N;
    }

    private static double at(double[] db, double hz, double rate) {
        return db[(int) Math.round(hz * N / rate)];
    }

    /** The lowest frequency above {@code fromHz} where the transfer function crosses {@code levelDb}. */
    private static double crossing(double[] db, double rate, double fromHz, double levelDb) {
        int k0 = (int) Math.ceil(fromHz * N / rate);
        for (int k = k0; k < db.length - 1; k++) {
            if ((db[k] - levelDb) * (db[k + 1] - levelDb) <= 0) {
                double t = (levelDb - db[k]) / (db[k + 1] - db[k]);
                return hzOfBin(k, rate) + t * rate / N;
            }
        }
        return Double.NaN;
    }

    private static double octaves(double a, double b) {
        return Math.abs(Math.log(a / b) / Math.log(2));
    }

    @Test
    void shelvesHaveHalfTheirGainAtTheCornerAndAllOfItBeyond() throws Exception {
        for (String shelf : new String[] {"lowshelf", "highshelf"}) {
            for (double gain : new double[] {6, -9}) {
                DrillSection d = noiseDrill(DrillExercise.EQ_FREQUENCY, OCTAVES, gain, DrillOptions.DEFAULTS.withFilter(shelf));
                DrillAudio audio = new DrillAudio(d, 4);
                for (double corner : new double[] {250, 1000, 4000}) {
                    DrillQuestion q = new DrillQuestion(1, DrillExercise.EQ_FREQUENCY, corner, gain, 1.4, Double.NaN,
                            -24, 0, 6, List.of(corner), shelf, 4, 10, 100, 6);
                    DrillAudio.Pair p = audio.render(q);
                    double rate = p.a().sampleRate();
                    double[] db = transferDb(p.a(), p.b(), N);
                    double beyond = shelf.equals("lowshelf") ? corner / 16 : Math.min(corner * 4, 16000);
                    assertThat(at(db, beyond, rate)).as("%s %s dB plateau", shelf, gain).isCloseTo(gain, within(0.5));
                    double half = crossing(db, rate, 30, gain / 2);
                    assertThat(octaves(half, corner)).as("%s %s dB corner %s: half gain at %s Hz", shelf, gain, corner,
                            half).isLessThanOrEqualTo(1.0 / 6);
                }
            }
        }
    }

    @Test
    void highAndLowPassCutoffsAreTheirMinusThreeDecibelPoints() throws Exception {
        for (String pass : new String[] {"highpass", "lowpass"}) {
            DrillSection d = noiseDrill(DrillExercise.EQ_FREQUENCY, OCTAVES, 12, DrillOptions.DEFAULTS.withFilter(pass));
            DrillAudio audio = new DrillAudio(d, 9);
            for (double cutoff : new double[] {125, 500, 2000, 8000}) {
                DrillQuestion q = new DrillQuestion(1, DrillExercise.EQ_FREQUENCY, cutoff, 12, 1.4, Double.NaN, -24, 0, 6,
                        List.of(cutoff), pass, 4, 10, 100, 6);
                DrillAudio.Pair p = audio.render(q);
                double rate = p.a().sampleRate();
                double[] db = transferDb(p.a(), p.b(), N);
                double passband = pass.equals("highpass") ? Math.min(cutoff * 8, 16000) : cutoff / 8;
                assertThat(at(db, passband, rate)).as("%s %s passband", pass, cutoff).isCloseTo(0, within(0.5));
                double minus3 = crossing(db, rate, 25, -3);
                assertThat(octaves(minus3, cutoff)).as("%s at %s: -3 dB at %s Hz", pass, cutoff, minus3)
                        .isLessThanOrEqualTo(1.0 / 6);
            }
        }
    }

    @Test
    void everyBandOfASeveralBandQuestionSitsWhereItSaysAndNoOtherMoves() throws Exception {
        DrillSection d = noiseDrill(DrillExercise.EQ_FREQUENCY, OCTAVES, 9, DrillOptions.DEFAULTS.withBands(3));
        DrillPlay play = new DrillPlay(d, 17, Double.POSITIVE_INFINITY);
        DrillAudio audio = new DrillAudio(d, 17);
        for (int i = 0; i < 6; i++) {
            DrillQuestion q = play.questions().get(i);
            assertThat(q.bands()).hasSize(3).doesNotHaveDuplicates();
            assertThat(play.step(i).multipleChoice()).isTrue();
            DrillAudio.Pair p = audio.render(q);
            double rate = p.a().sampleRate();
            double[] db = transferDb(p.a(), p.b(), N);
            double lowestBand = Double.POSITIVE_INFINITY;
            double highestOther = Double.NEGATIVE_INFINITY;
            for (double grid : OCTAVES) {
                double measured = at(db, grid, rate);
                if (q.bands().contains(grid)) {
                    // a band's neighbours' skirts add a little (bands are two or more octaves apart)
                    assertThat(measured).as("band %s of %s", grid, q.bands()).isCloseTo(9, within(1.0));
                    lowestBand = Math.min(lowestBand, measured);
                } else {
                    highestOther = Math.max(highestOther, measured);
                }
            }
            // every stated band stands out above every grid point that is not one
            assertThat(lowestBand - highestOther).as("bands %s", q.bands()).isGreaterThan(2);
        }
    }

    @Test
    void aSeveralBandAnswerScoresEachBandNamed() {
        DrillSection d = noiseDrill(DrillExercise.EQ_FREQUENCY, OCTAVES, 9, DrillOptions.DEFAULTS.withBands(2));
        DrillPlay play = new DrillPlay(d, 5, Double.POSITIVE_INFINITY);
        DrillQuestion q = play.questions().get(0);
        double other = OCTAVES.stream().filter(b -> !q.bands().contains(b)).findFirst().orElseThrow();
        String right = DrillPlay.format(q.bands().get(0));
        LessonPlay.Judgement half = play.judge(0, new Response.Options(List.of(right, DrillPlay.format(other))), 1000);
        assertThat(half.feedback().points()).isEqualTo(5);
        assertThat(half.feedback().correct()).contains(false);
        LessonPlay.Judgement all = play.judge(0, new Response.Options(List.of(DrillPlay.format(q.bands().get(1)), right)),
                1000);
        assertThat(all.feedback().points()).isEqualTo(10);
        assertThat(all.feedback().correct()).contains(true);
    }

    @Test
    void noChangeTrialsAreAUntouchedAndOnlyNoChangeIsRightForThem() throws Exception {
        DrillSection d = noiseDrill(DrillExercise.EQ_FREQUENCY, OCTAVES, 6, DrillOptions.DEFAULTS.withNoChange(0.3));
        DrillPlay play = new DrillPlay(d, 23, Double.POSITIVE_INFINITY);
        DrillAudio audio = new DrillAudio(d, 23);
        int none = 0;
        for (int i = 0; i < 40; i++) {
            Step step = play.step(i);
            assertThat(step.choices()).extracting(Choice::label).contains("no change");
            DrillQuestion q = step.drillQuestion().orElseThrow();
            if (i < 12) {
                DrillAudio.Pair p = audio.render(q);
                float maxDiff = 0;
                for (int s = 0; s < p.a().samples().length; s++) {
                    maxDiff = Math.max(maxDiff, Math.abs(p.a().samples()[s] - p.b().samples()[s]));
                }
                if (q.noChange()) {
                    assertThat(maxDiff).as("question %d: no change", i + 1).isZero();
                } else {
                    assertThat(maxDiff).as("question %d: %s Hz", i + 1, q.answer()).isGreaterThan(1e-3f);
                }
            }
            if (q.noChange()) {
                none++;
                assertThat(play.judge(i, new Response.Value(0), 1000).feedback().correct()).contains(true);
                assertThat(play.judge(i, new Response.Value(1000), 1000).feedback().points()).isZero();
            } else {
                assertThat(play.judge(i, new Response.Value(0), 1000).feedback().points()).isZero();
            }
        }
        // about 30 % of 40: a binomial draw, well inside 4..20
        assertThat(none).isBetween(4, 20);
    }

    @Test
    void boostOrCutHasTheStatedSignAndSizeAtTheBand() throws Exception {
        DrillSection d = noiseDrill(DrillExercise.EQ_BOOST_CUT, List.of(-1.0, 1.0), 6, DrillOptions.DEFAULTS);
        DrillPlay play = new DrillPlay(d, 31, Double.POSITIVE_INFINITY);
        DrillAudio audio = new DrillAudio(d, 31);
        Set<Double> signs = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            DrillQuestion q = play.questions().get(i);
            signs.add(q.answer());
            DrillAudio.Pair p = audio.render(q);
            double measured = at(transferDb(p.a(), p.b(), N), q.frequencyHz(), p.a().sampleRate());
            assertThat(measured).as("%s at %s Hz", q.answer(), q.frequencyHz()).isCloseTo(6 * q.answer(), within(0.5));
        }
        assertThat(signs).containsExactlyInAnyOrder(-1.0, 1.0);
    }

    @Test
    void aTwoChoiceDrillDoesNotSimplyAlternate() {
        DrillSection d = noiseDrill(DrillExercise.EQ_BOOST_CUT, List.of(-1.0, 1.0), 6, DrillOptions.DEFAULTS);
        DrillPlay play = new DrillPlay(d, 77, Double.POSITIVE_INFINITY);
        int repeats = 0;
        for (int i = 1; i < 40; i++) {
            if (play.questions().get(i).answer() == play.questions().get(i - 1).answer()) {
                repeats++;
            }
        }
        // about half the neighbours repeat when each question is drawn afresh; alternating answers would score 0
        assertThat(repeats).isBetween(8, 31);
    }

    @Test
    void wideAndNarrowBandsHaveTheStatedQ() throws Exception {
        DrillSection d = drill(DrillExercise.EQ_Q, new GeneratorSource("pink-noise"), List.of(0.7, 4.0), 12, 1,
                Optional.of(1000.0), DrillOptions.DEFAULTS);
        DrillAudio audio = new DrillAudio(d, 2);
        for (double q : new double[] {0.7, 4.0}) {
            DrillAudio.Pair p = audio.render(new DrillQuestion(1, DrillExercise.EQ_Q, q, 12, 1, 1000, -24, 0, 6,
                    List.of(q), "peak", 4, 10, 100, 6));
            double rate = p.a().sampleRate();
            double[] db = transferDb(p.a(), p.b(), N);
            // the RBJ peak's Q is defined at its mid-point gain: 1/Q = 2 sinh(ln 2 / 2 * bandwidth in octaves)
            double lower = crossing(db, rate, 25, 6);
            double upper = crossing(db, rate, 1000, 6);
            double bw = Math.log(upper / lower) / Math.log(2);
            double measuredQ = 1 / (2 * Math.sinh(Math.log(2) / 2 * bw));
            assertThat(measuredQ).as("Q %s: mid-gain band %s..%s Hz", q, lower, upper).isCloseTo(q, within(q * 0.1));
        }
    }

    @Test
    void anOffsetGridMovesEveryQuestionsBandsByUpToHalfAStep() throws Exception {
        DrillSection d = noiseDrill(DrillExercise.EQ_FREQUENCY, OCTAVES, 12, DrillOptions.DEFAULTS.withGridOffset(true));
        DrillPlay play = new DrillPlay(d, 41, Double.POSITIVE_INFINITY);
        DrillAudio audio = new DrillAudio(d, 41);
        Set<Double> firstBands = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Step step = play.step(i);
            List<Double> offered = step.choices().stream().map(Choice::value).toList();
            firstBands.add(offered.get(0));
            double shift = Math.log(offered.get(4) / 1000.0) / Math.log(2);
            for (int k = 0; k < OCTAVES.size(); k++) {
                // the same shift for every band (within the rounding to 3 figures), at most half an octave
                assertThat(Math.log(offered.get(k) / OCTAVES.get(k)) / Math.log(2)).isCloseTo(shift, within(0.01));
            }
            assertThat(Math.abs(shift)).isLessThanOrEqualTo(0.5 + 0.01);
            if (i < 3) {
                DrillQuestion q = step.drillQuestion().orElseThrow();
                DrillAudio.Pair p = audio.render(q);
                double[] peak = DrillAudioCarriesTheQuestionTest.extreme(transferDb(p.a(), p.b(), N), p.a().sampleRate(), N);
                assertThat(octaves(peak[0], q.answer())).isLessThanOrEqualTo(1.0 / 6);
            }
        }
        assertThat(firstBands).as("the grid moves between questions").hasSizeGreaterThan(5);
    }

    // ---- compression, on real stems: drums, bass, vocal ----

    private static AssetSource stem(String song, String file) {
        Path p = Path.of("audio-assets/songs", song, file);
        assertThat(p).exists();
        return new AssetSource("songs/" + song + "/" + file, p);
    }

    private static double rmsDb(AudioClip c) {
        double sum = 0;
        for (float v : c.samples()) {
            sum += (double) v * v;
        }
        return 10 * Math.log10(sum / c.samples().length);
    }

    @Test
    void aThresholdDepthQuestionTakesTheStatedGainReductionOffDrumsBassAndVocalWithinADecibel() throws Exception {
        AssetSource[] sources = {stem("night-bus", "kick.ogg"), stem("loose-wires", "snare.ogg"),
            stem("paper-lanterns", "bass.ogg"), stem("harbour-lights", "lead-vocal.ogg")};
        for (AssetSource source : sources) {
            DrillSection d = drill(DrillExercise.COMPRESSION_DEPTH, source, List.of(3.0, 6.0, 10.0), 0, 1,
                    Optional.empty(), DrillOptions.DEFAULTS);
            DrillAudio audio = new DrillAudio(d, 3);
            double start = source.path().contains("vocal") ? 12 : 8;
            for (double depth : new double[] {3, 6, 10}) {
                DrillQuestion q = new DrillQuestion(1, DrillExercise.COMPRESSION_DEPTH, depth, 0, 1, Double.NaN, -24,
                        start, 5, List.of(depth), "peak", 4, 10, 100, depth);
                DrillAudio.Pair p = audio.render(q);
                double measured = rmsDb(p.a()) - rmsDb(p.b());
                assertThat(measured).as("%s, %s dB", source.path(), depth).isCloseTo(depth, within(1.0));
            }
        }
    }

    /** Bursts of a 220 Hz tone: 300 ms of silence, then 700 ms at -6 dBFS, four times. */
    private static AudioClip bursts(int rate, double quietDb) {
        int period = rate;
        float[] s = new float[4 * period * 2];
        double loud = Math.pow(10, -6 / 20.0);
        double quiet = Math.pow(10, quietDb / 20.0);
        for (int f = 0; f < 4 * period; f++) {
            int inPeriod = f % period;
            double amp = inPeriod < 0.3 * rate ? quiet : loud;
            s[2 * f] = (float) (amp * Math.sin(2 * Math.PI * 220 * f / rate));
            s[2 * f + 1] = s[2 * f];
        }
        return new AudioClip(rate, 2, s);
    }

    /** Gain reduction (dB) of B against A in 1 ms windows, in the third burst (frames 2 s .. 3 s). */
    private static double[] reductionEnvelope(DrillAudio.Pair p, int rate) {
        int win = rate / 1000;
        double[] out = new double[1000];
        for (int w = 0; w < 1000; w++) {
            double ea = 0;
            double eb = 0;
            for (int f = 2 * rate + w * win; f < 2 * rate + (w + 1) * win; f++) {
                ea += p.a().samples()[2 * f] * (double) p.a().samples()[2 * f];
                eb += p.b().samples()[2 * f] * (double) p.b().samples()[2 * f];
            }
            out[w] = ea < 1e-12 ? 0 : 10 * Math.log10(ea / Math.max(eb, 1e-30));
        }
        return out;
    }

    /** Milliseconds from {@code fromMs} until the envelope has gone 63 % (1 − 1/e) of the way to {@code toDb}. */
    private static double timeConstantMs(double[] env, int fromMs, double startDb, double toDb) {
        double goal = startDb + (toDb - startDb) * (1 - Math.exp(-1));
        for (int ms = fromMs; ms < env.length; ms++) {
            if ((toDb > startDb && env[ms] >= goal) || (toDb < startDb && env[ms] <= goal)) {
                return ms - fromMs + 0.5;
            }
        }
        return Double.NaN;
    }

    @Test
    void fastAndSlowAttacksReachTheirReductionInTheStatedTime() throws Exception {
        int rate = 48000;
        AudioClip clip = bursts(rate, -80);
        DrillSection d = drill(DrillExercise.COMPRESSION_ATTACK, new GeneratorSource("pink-noise"), List.of(2.0, 40.0), 0, 1,
                Optional.empty(), DrillOptions.DEFAULTS);
        DrillAudio audio = new DrillAudio(d, 1, clip);
        for (double attack : new double[] {2, 40}) {
            DrillQuestion q = new DrillQuestion(1, DrillExercise.COMPRESSION_ATTACK, attack, 0, 1, Double.NaN, -24, 0, 4,
                    List.of(attack), "peak", 8, attack, 30, 6);
            DrillAudio.Pair p = audio.render(q);
            double[] env = reductionEnvelope(p, rate);
            double steady = env[690];
            assertThat(steady).as("attack %s: steady reduction", attack).isGreaterThan(3);
            double tau = timeConstantMs(env, 300, 0, steady);
            assertThat(tau).as("attack %s ms: measured %s ms", attack, tau).isBetween(attack * 0.6, attack * 1.6 + 1);
        }
    }

    @Test
    void fastAndSlowReleasesLetGoInTheStatedTime() throws Exception {
        int rate = 48000;
        // loud bursts with a quiet tone (below any threshold set) between them: the reduction lets go there
        AudioClip clip = bursts(rate, -50);
        DrillSection d = drill(DrillExercise.COMPRESSION_RELEASE, new GeneratorSource("pink-noise"), List.of(40.0, 400.0), 0,
                1, Optional.empty(), DrillOptions.DEFAULTS);
        DrillAudio audio = new DrillAudio(d, 1, clip);
        for (double release : new double[] {40, 200}) {
            DrillQuestion q = new DrillQuestion(1, DrillExercise.COMPRESSION_RELEASE, release, 0, 1, Double.NaN, -24, 0, 4,
                    List.of(release), "peak", 8, 1, release, 6);
            DrillAudio.Pair p = audio.render(q);
            // the release starts at the end of the second burst: frame 2 s in the envelope's frame is the third burst's
            // start, where the quiet part follows the second burst's loud part
            double[] env = reductionEnvelope(p, rate);
            double atStep = env[0];
            assertThat(atStep).as("release %s: reduction when the burst ends", release).isGreaterThan(3);
            double tau = timeConstantMs(env, 0, atStep, 0);
            assertThat(tau).as("release %s ms: measured %s ms", release, tau).isBetween(release * 0.6, release * 1.6 + 1);
        }
    }

    // ---- level in a mix, width ----

    private static double toneDb(AudioClip c, double hz) {
        // Goertzel on the left channel
        double w = 2 * Math.PI * hz / c.sampleRate();
        double s1 = 0;
        double s2 = 0;
        for (int f = 0; f < c.frames(); f++) {
            double s0 = c.samples()[2 * f] + 2 * Math.cos(w) * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return 10 * Math.log10(s1 * s1 + s2 * s2 - 2 * Math.cos(w) * s1 * s2);
    }

    @Test
    void inAMixLevelQuestionOnlyTheStatedStemMovesByItsStep(@TempDir Path dir) throws Exception {
        int rate = 48000;
        double[] tones = {150, 1000, 5000};
        List<AssetSource> stems = new ArrayList<>();
        for (int k = 0; k < tones.length; k++) {
            float[] s = new float[rate * 8 * 2];
            for (int f = 0; f < rate * 8; f++) {
                s[2 * f] = (float) (0.1 * Math.sin(2 * Math.PI * tones[k] * f / rate));
                s[2 * f + 1] = s[2 * f];
            }
            Path file = dir.resolve("stem" + k + ".wav");
            WavWriter.write(file, new AudioClip(rate, 2, s));
            stems.add(new AssetSource(file.getFileName().toString(), file));
        }
        DrillOptions o = new DrillOptions("peak", 1, 0, false, "gain", 4, 10, 100, 6, stems);
        DrillSection d = drill(DrillExercise.MIX_LEVEL, stems.get(0), List.of(-3.0, 3.0, 6.0), 0, 1, Optional.empty(), o);
        DrillPlay play = new DrillPlay(d, 8, DrillAudio.sourceSeconds(d));
        assertThat(play.step(0).choices()).hasSize(9);
        assertThat(play.step(0).choices()).extracting(Choice::label).contains("stem1 +3 dB", "stem2 -3 dB");
        DrillAudio audio = new DrillAudio(d, 8);
        for (int i = 0; i < 6; i++) {
            DrillQuestion q = play.questions().get(i);
            DrillAudio.Pair p = audio.render(q);
            for (int k = 0; k < tones.length; k++) {
                double moved = toneDb(p.b(), tones[k]) - toneDb(p.a(), tones[k]);
                assertThat(moved).as("stem %d when stem %d moves %s dB", k, q.stem(), q.stemDb())
                        .isCloseTo(k == q.stem() ? q.stemDb() : 0, within(0.1));
            }
        }
        DrillQuestion q = play.questions().get(0);
        assertThat(play.judge(0, new Response.Value(q.answer()), 1000).feedback().points()).isEqualTo(10);
        double wrongTrack = ((q.stem() + 1) % 3) * 100 + q.stemDb();
        LessonPlay.Judgement j = play.judge(0, new Response.Value(wrongTrack), 1000);
        assertThat(j.feedback().error()).contains(2 * Math.abs(q.stemDb()));
    }

    @Test
    void widthScalesTheSideSignalAndLeavesTheMiddle() throws Exception {
        int rate = 48000;
        float[] s = new float[rate * 6 * 2];
        java.util.Random r = new java.util.Random(3);
        for (int f = 0; f < rate * 6; f++) {
            double common = r.nextGaussian() * 0.05;
            s[2 * f] = (float) (common + r.nextGaussian() * 0.03);
            s[2 * f + 1] = (float) (common + r.nextGaussian() * 0.03);
        }
        AudioClip stereo = new AudioClip(rate, 2, s);
        DrillSection d = drill(DrillExercise.WIDTH, new GeneratorSource("pink-noise"), List.of(0.5, 1.5), 0, 1,
                Optional.empty(), DrillOptions.DEFAULTS.withNoChange(0.2));
        DrillAudio audio = new DrillAudio(d, 1, stereo);
        for (double w : new double[] {0.5, 1.0, 1.5}) {
            DrillAudio.Pair p = audio.render(new DrillQuestion(1, DrillExercise.WIDTH, w, 0, 1, Double.NaN, -24, 0, 5,
                    List.of(w), "peak", 4, 10, 100, 6));
            double[] ma = midSide(p.a());
            double[] mb = midSide(p.b());
            assertThat(10 * Math.log10(mb[1] / ma[1])).as("side at width %s", w).isCloseTo(20 * Math.log10(w), within(0.1));
            assertThat(10 * Math.log10(mb[0] / ma[0])).as("middle at width %s", w).isCloseTo(0, within(0.1));
        }
    }

    private static double[] midSide(AudioClip c) {
        double m = 0;
        double side = 0;
        for (int i = 0; i < c.samples().length; i += 2) {
            double l = c.samples()[i];
            double rr = c.samples()[i + 1];
            m += (l + rr) * (l + rr) / 4;
            side += (l - rr) * (l - rr) / 4;
        }
        return new double[] {m, side};
    }

    @Test
    void theShippedLessonsUseOnlyRealSongAudioForCompression() throws Exception {
        try (var files = Files.list(Path.of("lessons/ear-training"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(f);
                if (text.contains("exercise: compression")) {
                    assertThat(text).as(f.toString()).doesNotContain("source: pink-noise").doesNotContain("white-noise");
                }
            }
        }
    }
}
