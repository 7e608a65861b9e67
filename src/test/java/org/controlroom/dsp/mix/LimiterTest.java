package org.controlroom.dsp.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LimiterTest {

    private static final int RATE = 48000;

    /**
     * True peak in dBTP of interleaved stereo, measured with {@link SincOversampler} (8x windowed
     * sinc, written for this test): it shares no code with the limiter's or the meter's oversampler.
     */
    static double truePeakDb(float[] stereo, int fromFrame) {
        return SincOversampler.truePeakDb(stereo, 2, fromFrame, 8);
    }

    /** The same at 4 points per sample: BS.1770-4's true-peak measure, which the README's claim names. */
    static double truePeakDb4x(float[] stereo, int fromFrame) {
        return SincOversampler.truePeakDb(stereo, 2, fromFrame, 4);
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

    /** Interleaved stereo noise with loud bursts, low-passed at {@code cutoff} (a fraction of the rate). */
    private static float[] burstyNoise(double cutoff, long seed) {
        Random r = new Random(seed);
        int frames = RATE * 2;
        double[] raw = new double[2 * frames];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = r.nextGaussian() * (i % 24000 < 400 ? 2.0 : 0.25);
        }
        if (cutoff >= 0.5) {
            float[] out = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (float) raw[i];
            }
            return out;
        }
        // Blackman-windowed sinc low-pass, 255 taps, per channel
        int half = 127;
        double[] h = new double[2 * half + 1];
        for (int j = -half; j <= half; j++) {
            double x = 2 * cutoff * j;
            double sinc = j == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double p = Math.PI * (j + half) / half;
            h[j + half] = 2 * cutoff * sinc * (0.42 - 0.5 * Math.cos(p) + 0.08 * Math.cos(2 * p));
        }
        float[] out = new float[raw.length];
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < frames; n++) {
                double sum = 0;
                for (int j = -half; j <= half; j++) {
                    int m = n - j;
                    if (m >= 0 && m < frames) {
                        sum += h[j + half] * raw[2 * m + c];
                    }
                }
                out[2 * n + c] = (float) sum;
            }
        }
        return out;
    }

    /*
     * The README's claim measured independently. Until issue 14 item 11 the limiter detected with
     * BS.1770-4's 12-tap-per-phase example filter, which under-reads content near half the sample
     * rate, and these read -0.63 dBTP (full-band noise, 4x) and -0.87 dBTP (noise below 20 kHz, 8x).
     */
    @Test
    void loudNoiseAndTransientsNeverPassTheCeilingMeasuredFourTimesOversampled() {
        // README: "output <= ceiling + 0.1 dB measured 4x oversampled", full-band noise included
        float[] in = burstyNoise(0.5, 3);
        Limiter l = new Limiter(-1, 80, 2);
        l.prepare(RATE, 2, 1000);
        float[] out = process(l, in, 1000);
        assertThat(truePeakDb4x(out, l.latencyFrames())).isLessThanOrEqualTo(-0.9);
    }

    @Test
    void loudNoiseBelowTwentyKilohertzNeverPassesTheCeilingMeasuredEightTimesOversampled() {
        float[] in = burstyNoise(20000.0 / RATE, 4);
        Limiter l = new Limiter(-1, 80, 2);
        l.prepare(RATE, 2, 1000);
        float[] out = process(l, in, 1000);
        assertThat(truePeakDb(in, 0)).as("the input really is hot").isGreaterThan(6);
        assertThat(truePeakDb(out, l.latencyFrames())).isLessThanOrEqualTo(-0.9);
    }

    @Test
    void fullBandNoiseOfOtherSeedsAndBlockSizesStaysUnderTheCeilingMeasuredEightTimesOversampled() {
        // the crests between the 4x points count too: the detector refines each point by a parabola
        int[] blocks = {1000, 64, 4096, 333};
        for (int seed = 5; seed < 9; seed++) {
            int block = blocks[seed - 5];
            Limiter l = new Limiter(-1, 80, 2);
            l.prepare(RATE, 2, block);
            float[] out = process(l, burstyNoise(0.5, seed), block);
            assertThat(truePeakDb(out, l.latencyFrames())).as("seed %d, block %d", seed, block)
                    .isLessThanOrEqualTo(-0.9);
        }
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
