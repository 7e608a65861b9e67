package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.controlroom.dsp.Compressor.Detection;
import org.controlroom.dsp.Compressor.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CompressorTest {

    private static final double FS = 48000;

    private static Settings settings(double threshold, double ratio, double knee) {
        return new Settings(threshold, ratio, knee, 1, 20, 0, Detection.PEAK, true);
    }

    private static float[] dc(double db, int frames, int channels) {
        float[] s = new float[frames * channels];
        Arrays.fill(s, (float) Math.pow(10, db / 20));
        return s;
    }

    private static double db(double v) {
        return 20 * Math.log10(Math.abs(v));
    }

    /**
     * The static curve of a feed-forward compressor with a quadratic soft knee, as published by
     * Giannoulis, Massberg and Reiss ("Digital Dynamic Range Compressor Design: A Tutorial and
     * Analysis", JAES 60(6), 2012, eq. 4), plus make-up gain. Written out here, not taken from the code.
     */
    static double textbookDb(double x, double threshold, double ratio, double knee, double makeup) {
        double over = x - threshold;
        double y;
        if (2 * over < -knee) {
            y = x;
        } else if (2 * Math.abs(over) <= knee && knee > 0) {
            y = x + (1 / ratio - 1) * (over + knee / 2) * (over + knee / 2) / (2 * knee);
        } else {
            y = threshold + over / ratio;
        }
        return y + makeup;
    }

    @Test
    void theSettingsCurveIsTheTextbookCurve() {
        for (double ratio : new double[] {1, 1.5, 2, 4, 10, 30}) {
            for (double knee : new double[] {0, 3, 6, 12, 24}) {
                for (double makeup : new double[] {0, 4}) {
                    Settings s = new Settings(-18, ratio, knee, 1, 20, makeup, Detection.PEAK, true);
                    for (double in = -60; in <= 6; in += 0.25) {
                        // outputDb is the curve before make-up gain
                        assertThat(s.outputDb(in)).as("ratio %s knee %s makeup %s at %s dB", ratio, knee, makeup, in)
                                .isEqualTo(textbookDb(in, -18, ratio, knee, makeup) - makeup, within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void staticCurveFollowsThresholdRatioAndKnee() {
        Settings hard = settings(-20, 4, 0);
        assertThat(hard.outputDb(-30)).isEqualTo(-30);
        assertThat(hard.outputDb(-8)).isEqualTo(-17, within(1e-12));
        Settings soft = settings(-20, 4, 8);
        // At the threshold the quadratic knee gives T + (1/R − 1)·W/8 = −20 − 0.75.
        assertThat(soft.outputDb(-20)).isEqualTo(-20.75, within(1e-12));
        // The knee meets both straight parts at its edges.
        assertThat(soft.outputDb(-24)).isEqualTo(-24, within(1e-12));
        assertThat(soft.outputDb(-16)).isEqualTo(-19, within(1e-12));
    }

    @ParameterizedTest(name = "ratio {0}, knee {1} dB, {2}")
    @CsvSource({"2,0,PEAK", "4,0,PEAK", "10,0,PEAK", "2,6,PEAK", "4,6,PEAK", "10,6,PEAK", "4,12,PEAK",
            "2,0,RMS", "4,0,RMS", "10,0,RMS", "2,6,RMS", "4,6,RMS", "10,6,RMS"})
    void measuredStaticCurveIsWithinATenthOfADecibel(double ratio, double knee, Detection detection) {
        Settings s = settings(-24, ratio, knee).withDetection(detection);
        for (double inDb = -40; inDb <= 0; inDb += 2) {
            Compressor c = new Compressor(s);
            c.prepare(FS, 2, 24000);
            double measuredIn;
            double measuredOut;
            if (detection == Detection.PEAK) {
                float[] x = dc(inDb, 24000, 2);
                c.process(x, 0, x.length);
                measuredIn = inDb;
                measuredOut = db(x[x.length - 1]);
            } else {
                // RMS detection hears a sine at its RMS level.
                double amp = Math.pow(10, inDb / 20) * Math.sqrt(2);
                float[] x = Signals.sine(1000, amp, FS, 24000, 2);
                c.process(x, 0, x.length);
                measuredIn = inDb;
                measuredOut = Signals.rmsDb(x, 2, 0, 12000, 24000);
            }
            assertThat(measuredOut).as("input %.0f dB", inDb)
                    .isEqualTo(textbookDb(measuredIn, -24, ratio, knee, 0), within(0.1));
        }
    }

    @ParameterizedTest(name = "threshold {0} dB, ratio {1}, knee {2} dB, make-up {3} dB")
    @CsvSource({"-10,3,0,0", "-30,2,12,6", "-18,8,6,3", "-40,20,24,10", "-6,1.5,4,-2"})
    void measuredStaticCurveWithMakeUpIsTheTextbookCurve(double threshold, double ratio, double knee, double makeup) {
        Settings s = new Settings(threshold, ratio, knee, 1, 20, makeup, Detection.PEAK, true);
        for (double inDb = -50; inDb <= 0; inDb += 2.5) {
            Compressor c = new Compressor(s);
            c.prepare(FS, 1, 24000);
            float[] x = dc(inDb, 24000, 1);
            c.process(x, 0, x.length);
            assertThat(db(x[x.length - 1])).as("input %.1f dB", inDb)
                    .isEqualTo(textbookDb(inDb, threshold, ratio, knee, makeup), within(0.1));
        }
    }

    /** Seconds until the gain (in dB) has gone 1 − 1/e of the way from its start to its end value. */
    private static double timeConstant(float[] out, float[] in, int from) {
        double start = db(out[from - 1]) - db(in[from - 1]);
        double end = db(out[out.length - 1]) - db(in[in.length - 1]);
        double mark = start + (end - start) * (1 - Math.exp(-1));
        for (int i = from; i < out.length; i++) {
            double g = db(out[i]) - db(in[i]);
            if (start > end ? g <= mark : g >= mark) {
                return (i - from + 1) / FS;
            }
        }
        return Double.NaN;
    }

    @ParameterizedTest(name = "attack {0} ms")
    @CsvSource({"2", "5", "10", "30"})
    void attackReachesSixtyThreePercentInTheAttackTime(double attackMs) {
        Compressor c = new Compressor(new Settings(-20, 4, 0, attackMs, 100, 0, Detection.PEAK, true));
        c.prepare(FS, 1, 48000);
        int quiet = 9600 + 7; // not on a gain-update boundary
        float[] in = new float[quiet + 48000];
        Arrays.fill(in, 0, quiet, (float) Math.pow(10, -40 / 20.0));
        Arrays.fill(in, quiet, in.length, 1f);
        float[] out = in.clone();
        c.process(out, 0, out.length);
        assertThat(db(out[out.length - 1])).isEqualTo(-15, within(0.01));
        assertThat(timeConstant(out, in, quiet) * 1000).isEqualTo(attackMs, within(attackMs * 0.1));
    }

    @ParameterizedTest(name = "release {0} ms")
    @CsvSource({"20", "50", "100", "300"})
    void releaseRecoversSixtyThreePercentInTheReleaseTime(double releaseMs) {
        Compressor c = new Compressor(new Settings(-20, 4, 0, 1, releaseMs, 0, Detection.PEAK, true));
        c.prepare(FS, 1, 48000);
        int loud = 9600 + 5;
        float[] in = new float[loud + 96000];
        Arrays.fill(in, 0, loud, 1f);
        Arrays.fill(in, loud, in.length, (float) Math.pow(10, -40 / 20.0));
        float[] out = in.clone();
        c.process(out, 0, out.length);
        assertThat(timeConstant(out, in, loud) * 1000).isEqualTo(releaseMs, within(releaseMs * 0.1));
    }

    @Test
    void gainReductionMeterReadsTheReduction() {
        Compressor c = new Compressor(settings(-20, 4, 0));
        c.prepare(FS, 2, 24000);
        float[] x = dc(-8, 24000, 2);
        c.process(x, 0, x.length);
        assertThat(c.gainReductionDb()).isEqualTo(9, within(0.01));
        float[] quiet = dc(-60, 48000, 2);
        c.process(quiet, 0, quiet.length);
        assertThat(c.gainReductionDb()).isZero();
    }

    @Test
    void linkedStereoTurnsBothSidesDownTogetherUnlinkedOnlyTheLoudOne() {
        float[] x = new float[2 * 24000];
        for (int i = 0; i < x.length; i += 2) {
            x[i] = 1f;                 // left at 0 dBFS
            x[i + 1] = 0.1f;           // right at -20 dBFS, below the threshold
        }
        Compressor linked = new Compressor(settings(-10, 2, 0));
        linked.prepare(FS, 2, 24000);
        float[] a = x.clone();
        linked.process(a, 0, a.length);
        assertThat(db(a[a.length - 2])).isEqualTo(-5, within(0.01));
        assertThat(db(a[a.length - 1])).isEqualTo(-25, within(0.01));

        Compressor unlinked = new Compressor(settings(-10, 2, 0).withStereoLink(false));
        unlinked.prepare(FS, 2, 24000);
        float[] b = x.clone();
        unlinked.process(b, 0, b.length);
        assertThat(db(b[b.length - 2])).isEqualTo(-5, within(0.01));
        assertThat(db(b[b.length - 1])).isEqualTo(-20, within(0.01));
    }

    @Test
    void makeupGainIsAddedAndGlides() {
        Compressor c = new Compressor(settings(-20, 4, 0).withMakeupDb(6));
        c.prepare(FS, 1, 48000);
        float[] x = dc(-30, 48000, 1);
        c.process(x, 0, 24000);
        assertThat(db(x[23999])).isEqualTo(-24, within(0.01));
        c.setMakeupDb(0);
        c.process(x, 24000, 24000);
        double maxJump = 0;
        for (int i = 1; i < x.length; i++) {
            maxJump = Math.max(maxJump, Math.abs(x[i] - x[i - 1]));
        }
        assertThat(maxJump).isLessThan(0.001);
        assertThat(db(x[x.length - 1])).isEqualTo(-30, within(0.01));
    }

    @Test
    void bypassedCompressorPassesAudioUntouched() {
        Compressor c = new Compressor(settings(-40, 10, 0));
        c.setBypassed(true);
        float[] in = ParametricEqTest.noise(4800, 2, 4);
        float[] s = in.clone();
        c.prepare(FS, 2, 4800);
        c.process(s, 0, s.length);
        assertThat(s).containsExactly(in);
    }

    @Test
    void badSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> settings(-20, 0.5, 0)).hasMessageContaining("ratio").hasMessageContaining("0.5");
        assertThatThrownBy(() -> settings(-20, 4, -1)).hasMessageContaining("knee");
        assertThatThrownBy(() -> new Compressor().setAttackMs(-3)).hasMessageContaining("attack");
    }
}
