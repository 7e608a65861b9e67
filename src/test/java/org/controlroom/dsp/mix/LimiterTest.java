package org.controlroom.dsp.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.controlroom.dsp.meter.TruePeakOversampler;
import org.junit.jupiter.api.Test;

class LimiterTest {

    private static final int RATE = 48000;

    /** True peak in dBTP of interleaved stereo, 4x oversampled (BS.1770-4 Annex 2). */
    static double truePeakDb(float[] stereo, int fromFrame) {
        TruePeakOversampler[] o = {new TruePeakOversampler(), new TruePeakOversampler()};
        double max = 0;
        for (int f = 0; f < stereo.length / 2; f++) {
            for (int c = 0; c < 2; c++) {
                double p = o[c].nextPeak(stereo[2 * f + c]);
                if (f >= fromFrame + TruePeakOversampler.TAPS) {
                    max = Math.max(max, p);
                }
            }
        }
        return 20 * Math.log10(max);
    }

    private static float[] process(Limiter l, float[] stereo, int block) {
        float[] out = stereo.clone();
        for (int i = 0; i < out.length; i += 2 * block) {
            l.process(out, i, Math.min(2 * block, out.length - i));
        }
        return out;
    }

    /** Full-scale-plus tones at fs/4 with a 45° phase: every sample is 3 dB under the peak between them. */
    private static float[] interSamplePeaks(double amplitude, int frames) {
        float[] s = new float[2 * frames];
        for (int f = 0; f < frames; f++) {
            double v = amplitude * Math.sin(2 * Math.PI * (RATE / 4.0) * f / RATE + Math.PI / 4);
            s[2 * f] = (float) v;
            s[2 * f + 1] = (float) (0.9 * v);
        }
        return s;
    }

    @Test
    void aHotSignalWithInterSamplePeaksStaysUnderTheCeilingMeasuredOversampled() {
        Limiter l = new Limiter(-1, 50, 1.5);
        l.prepare(RATE, 2, 512);
        float[] in = interSamplePeaks(1.4, RATE);
        float[] out = process(l, in, 512);
        double samplePeak = 0;
        for (float v : in) {
            samplePeak = Math.max(samplePeak, Math.abs(v));
        }
        assertThat(20 * Math.log10(samplePeak)).as("input sample peak").isLessThan(0);
        assertThat(truePeakDb(in, 0)).as("input true peak").isGreaterThan(2.5);
        assertThat(truePeakDb(out, l.latencyFrames())).isLessThanOrEqualTo(-1 + 0.1).isGreaterThan(-1.6);
        assertThat(l.gainReductionDb()).isLessThan(-3);
    }

    @Test
    void loudNoiseAndTransientsNeverPassTheCeiling() {
        Random r = new Random(3);
        float[] in = new float[2 * RATE * 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (r.nextGaussian() * (i % 24000 < 400 ? 2.0 : 0.25));
        }
        Limiter l = new Limiter(-1, 80, 2);
        l.prepare(RATE, 2, 1000);
        float[] out = process(l, in, 1000);
        assertThat(truePeakDb(out, l.latencyFrames())).isLessThanOrEqualTo(-0.9);
    }

    @Test
    void aQuietSignalOnlyComesOutDelayedBitForBit() {
        Random r = new Random(5);
        float[] in = new float[2 * 20000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (r.nextGaussian() * 0.05);
        }
        Limiter l = new Limiter();
        l.prepare(RATE, 2, 777);
        float[] out = process(l, in, 777);
        int d = l.latencyFrames();
        assertThat(d).isGreaterThan(0);
        for (int f = 0; f + d < in.length / 2; f++) {
            assertThat(out[2 * (f + d)]).isEqualTo(in[2 * f]);
            assertThat(out[2 * (f + d) + 1]).isEqualTo(in[2 * f + 1]);
        }
        assertThat(l.gainReductionDb()).isZero();
    }

    @Test
    void afterAPeakTheGainRecoversWithTheRelease() {
        Limiter l = new Limiter(-6, 20, 1);
        l.prepare(RATE, 2, 256);
        float[] in = new float[2 * RATE];
        for (int f = 0; f < RATE; f++) {
            float v = (float) ((f >= 1000 && f < 1100 ? 1.0 : 0.1) * Math.sin(2 * Math.PI * 440 * f / RATE));
            in[2 * f] = v;
            in[2 * f + 1] = v;
        }
        float[] out = process(l, in, 256);
        int d = l.latencyFrames();
        // 200 ms later (10 release time constants) the quiet tone is back to its own level
        double late = 0;
        double early = 0;
        for (int f = 12000; f < 13000; f++) {
            late = Math.max(late, Math.abs(out[2 * (f + d)]));
            early = Math.max(early, Math.abs(in[2 * f]));
        }
        assertThat(20 * Math.log10(late / early)).isBetween(-0.01, 0.0);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Limiter(3, 50, 1)).hasMessageContaining("ceiling");
        assertThatThrownBy(() -> new Limiter(-1, 0, 1)).hasMessageContaining("release");
        assertThatThrownBy(() -> new Limiter(-1, 50, 50)).hasMessageContaining("lookahead");
    }
}
