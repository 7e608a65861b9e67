package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.play.PlaybackEngine;
import org.controlroom.dsp.play.PlaybackSource;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.junit.jupiter.api.Test;

/**
 * The audio carries what the question says, measured on the rendered A and B: B's transfer function
 * against A (a Welch cross-spectrum, computed here with its own FFT) peaks in the stated band by the
 * stated gain; level steps are what they say; a compressor on a steady tone takes off what the static
 * curve says; loudness matching brings A and B within 0.2 LU.
 */
class DrillAudioCarriesTheQuestionTest {

    /** ISO 266 third-octave centres from 31.5 Hz to 16 kHz (the octave and 2/3-octave grids are subsets). */
    static final double[] ISO_THIRDS = {31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000,
            1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000};

    private static DrillSection eqDrill(double q) {
        List<Double> bands = new ArrayList<>();
        for (double b : ISO_THIRDS) {
            bands.add(b);
        }
        return new DrillSection(DrillExercise.EQ_FREQUENCY, new GeneratorSource("pink-noise"), 4, 6, bands, 12, q,
                Optional.of(1000.0), -30, 0, 5, 8);
    }

    /** In-place iterative radix-2 FFT (re, im of length 2^k). */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k);
                    double wi = Math.sin(ang * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** |H(f)| in dB of B against A per FFT bin: Welch cross-spectrum over Hann segments of {@code n} frames (left channel). */
    static double[] transferDb(AudioClip a, AudioClip b, int n) {
        double[] sab = new double[n / 2];
        double[] sabI = new double[n / 2];
        double[] saa = new double[n / 2];
        int frames = a.frames();
        for (int start = 0; start + n <= frames; start += n / 2) {
            double[] ar = new double[n], ai = new double[n], br = new double[n], bi = new double[n];
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
                ar[i] = w * a.samples()[2 * (start + i)];
                br[i] = w * b.samples()[2 * (start + i)];
            }
            fft(ar, ai);
            fft(br, bi);
            for (int k = 0; k < n / 2; k++) {
                sab[k] += br[k] * ar[k] + bi[k] * ai[k];
                sabI[k] += bi[k] * ar[k] - br[k] * ai[k];
                saa[k] += ar[k] * ar[k] + ai[k] * ai[k];
            }
        }
        double[] db = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            db[k] = 20 * Math.log10(Math.hypot(sab[k], sabI[k]) / saa[k]);
        }
        return db;
    }

    /** The frequency (Hz) and dB of the largest |dB| of the transfer function between 20 Hz and 20 kHz. */
    static double[] extreme(double[] db, double rate, int n) {
        int best = -1;
        for (int k = 1; k < db.length; k++) {
            double hz = k * rate / n;
            if (hz >= 20 && hz <= 20000 && (best < 0 || Math.abs(db[k]) > Math.abs(db[best]))) {
                best = k;
            }
        }
        return new double[] {best * rate / n, db[best]};
    }

    @Test
    void everyIsoBandBoostedOrCutPeaksInItsBandByItsGain() throws Exception {
        double[] gains = {12, -9, 6, -3, 2, -1, 0.5};
        for (double q : new double[] {1.4, 4.3}) {
            DrillAudio audio = new DrillAudio(eqDrill(q), 21);
            int i = 0;
            for (double band : ISO_THIRDS) {
                double gain = gains[i++ % gains.length];
                DrillQuestion question = new DrillQuestion(i, DrillExercise.EQ_FREQUENCY, band, gain, q, Double.NaN,
                        -30, 0, 6);
                DrillAudio.Pair p = audio.render(question);
                int n = 131072;
                double[] peak = extreme(transferDb(p.a(), p.b(), n), p.a().sampleRate(), n);
                String what = String.format("%s Hz %+.1f dB Q %.1f: measured %.1f Hz %+.2f dB", band, gain, q, peak[0],
                        peak[1]);
                assertThat(Math.abs(Math.log(peak[0] / band) / Math.log(2))).as(what).isLessThanOrEqualTo(1.0 / 6);
                assertThat(peak[1]).as(what).isCloseTo(gain, within(0.5));
            }
        }
    }

    @Test
    void anEqGainQuestionsStepIsWithinATenthOfADecibel() throws Exception {
        DrillSection d = new DrillSection(DrillExercise.EQ_GAIN, new GeneratorSource("pink-noise"), 4, 6,
                List.of(-1.0, -0.5, 0.5, 1.0), 12, 1.4, Optional.of(1000.0), -30, 0, 5, 8);
        DrillAudio audio = new DrillAudio(d, 5);
        for (double step : new double[] {-6, -1, -0.5, 0.5, 3}) {
            DrillAudio.Pair p = audio.render(new DrillQuestion(1, DrillExercise.EQ_GAIN, step, 0, 1.4, 1000, -30, 0, 6));
            int n = 32768;
            double[] db = transferDb(p.a(), p.b(), n);
            int bin = (int) Math.round(1000.0 * n / p.a().sampleRate());
            assertThat(db[bin]).as("%s dB at 1 kHz", step).isCloseTo(step, within(0.1));
        }
    }

    private static double rmsDb(AudioClip c, int fromFrame, int toFrame) {
        double sum = 0;
        for (int f = fromFrame; f < toFrame; f++) {
            sum += (double) c.samples()[2 * f] * c.samples()[2 * f];
        }
        return 10 * Math.log10(sum / (toFrame - fromFrame));
    }

    @Test
    void aCompressedQuestionTakesOffTheGainReductionItsRatioAndThresholdStateOnASteadyTone() throws Exception {
        int rate = 48000;
        float[] s = new float[rate * 6 * 2];
        double amp = Math.pow(10, -12 / 20.0) * Math.sqrt(2);   // a 220 Hz tone at -12 dBFS RMS
        for (int f = 0; f < rate * 6; f++) {
            s[2 * f] = (float) (amp * Math.sin(2 * Math.PI * 220 * f / rate));
            s[2 * f + 1] = s[2 * f];
        }
        AudioClip tone = new AudioClip(rate, 2, s);
        DrillSection d = new DrillSection(DrillExercise.COMPRESSION, new GeneratorSource("pink-noise"), 4, 5,
                List.of(2.0, 4.0, 8.0), 0, 1, Optional.empty(), -30, 0, 2, 8);
        DrillAudio audio = new DrillAudio(d, 1, tone);
        for (double ratio : new double[] {2, 4, 8}) {
            DrillAudio.Pair p = audio.render(new DrillQuestion(1, DrillExercise.COMPRESSION, ratio, 0, 1, Double.NaN,
                    -30, 0.5, 5));
            // the drill's compressor detects peaks: a sine at -12 dBFS RMS peaks 3.01 dB higher; the static
            // curve above the threshold (no knee) then takes off (peak - threshold) x (1 - 1/ratio)
            double peakDb = 20 * Math.log10(amp);
            double stated = (peakDb - -30) * (1 - 1 / ratio);
            double measured = rmsDb(p.a(), rate, 4 * rate) - rmsDb(p.b(), rate, 4 * rate);
            assertThat(measured).as("ratio %s", ratio).isCloseTo(stated, within(1.0));
        }
    }

    /** What the learner hears of one side with loudness matching on, measured by BS.1770. */
    private static double playedLufs(DrillAudio.Pair p, PlaybackSource side) {
        PlaybackEngine engine = new PlaybackEngine(p.a().sampleRate(), 2, 1024, 10, LoudnessMeter::integratedLufs);
        engine.load(PlaybackSource.A, p.a());
        engine.load(PlaybackSource.B, p.b());
        engine.setLoudnessMatching(true);
        engine.select(side);
        engine.play();
        int frames = p.a().frames() - 2048;
        float[] out = new float[frames * 2];
        float[] block = new float[1024 * 2];
        for (int done = 0; done < frames; done += 1024) {
            int n = Math.min(1024, frames - done);
            engine.render(block, n);
            System.arraycopy(block, 0, out, done * 2, n * 2);
        }
        return LoudnessMeter.integratedLufs(new AudioClip(engine.sampleRate(), 2, out));
    }

    @Test
    void withLoudnessMatchingOnABoostedBPlaysWithinAFifthOfALuOfA() throws Exception {
        DrillAudio audio = new DrillAudio(eqDrill(1.4), 8);
        for (double band : new double[] {125, 1000, 4000}) {
            DrillAudio.Pair p = audio.render(new DrillQuestion(1, DrillExercise.EQ_FREQUENCY, band, 12, 1.4, Double.NaN,
                    -30, 0, 6));
            assertThat(LoudnessMeter.integratedLufs(p.b()) - LoudnessMeter.integratedLufs(p.a()))
                    .as("unmatched, B is louder").isGreaterThan(1);
            double a = playedLufs(p, PlaybackSource.A);
            double b = playedLufs(p, PlaybackSource.B);
            assertThat(a).isGreaterThan(-40);
            assertThat(b - a).as("%s Hz +12 dB", band).isCloseTo(0, within(0.2));
        }
    }
}
