package org.controlroom.dsp.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TruePeakMeterTest {

    private static final double FS = 48_000;

    /** A sine at fs/4 starting at 45°: every sample sits at ±0.707·A, the true peak at A. */
    private static float[] quarterRateSineAt45Degrees(double amplitude, int frames, int channels) {
        float[] out = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * Math.sin(Math.PI / 2 * i + Math.PI / 4));
            for (int c = 0; c < channels; c++) {
                out[i * channels + c] = v;
            }
        }
        return out;
    }

    @Test
    void interSamplePeakIsFoundByTruePeakButMissedBySamplePeak() {
        float[] tone = quarterRateSineAt45Degrees(1.0, 4800, 2);
        TruePeakMeter truePeak = new TruePeakMeter();
        SamplePeakMeter samplePeak = new SamplePeakMeter();
        truePeak.prepare(FS, 2, 4800);
        samplePeak.prepare(FS, 2, 4800);
        truePeak.process(tone, 0, tone.length);
        samplePeak.process(tone, 0, tone.length);

        // the true peak of this tone is 0 dBFS and its crests fall on the half-sample points; it
        // starts abruptly, and the ringing of that step really overshoots (0.1 dB here)
        assertThat(truePeak.truePeakDbtp()).isCloseTo(0.0, within(0.5));
        assertThat(samplePeak.samplePeakDbfs()).isCloseTo(-3.01, within(0.01));
        assertThat(Math.abs(samplePeak.samplePeakDbfs() - 0.0)).isGreaterThan(0.5);
    }

    @Test
    void truePeakOfALowToneEqualsItsAmplitude() {
        int frames = 48_000;
        float[] tone = new float[frames];
        for (int i = 0; i < frames; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 997 * i / FS));
        }
        TruePeakMeter meter = new TruePeakMeter();
        meter.prepare(FS, 1, 1024);
        for (int off = 0; off < frames; off += 1024) {
            meter.process(tone, off, Math.min(1024, frames - off));
        }
        assertThat(meter.truePeakDbtp()).isCloseTo(-6.02, within(0.1));
    }

    @Test
    void channelsAreMeteredSeparatelyAndResetClearsThem() {
        float[] stereo = new float[2 * 4800];
        for (int i = 0; i < 4800; i++) {
            stereo[2 * i] = (float) (0.25 * Math.sin(2 * Math.PI * 1000 * i / FS));
            stereo[2 * i + 1] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / FS));
        }
        TruePeakMeter meter = new TruePeakMeter();
        meter.prepare(FS, 2, 4800);
        meter.process(stereo, 0, stereo.length);
        assertThat(meter.truePeakDbtp(0)).isCloseTo(-12.04, within(0.1));
        assertThat(meter.truePeakDbtp(1)).isCloseTo(-6.02, within(0.1));
        assertThat(meter.truePeakDbtp()).isCloseTo(-6.02, within(0.1));

        meter.resetPeak();
        assertThat(meter.truePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void oversamplerInterpolatesPointsBetweenSamples() {
        TruePeakOversampler os = new TruePeakOversampler();
        double[] points = new double[4];
        double maxErr = 0;
        double f = 3000;
        for (int n = 0; n < 2000; n++) {
            os.interpolate((float) Math.sin(2 * Math.PI * f * n / FS), points);
            if (n > 50) {
                for (int p = 0; p < 4; p++) {
                    double t = n - TruePeakOversampler.LATENCY_SAMPLES + p / 4.0;
                    maxErr = Math.max(maxErr, Math.abs(points[p] - Math.sin(2 * Math.PI * f * t / FS)));
                }
            }
        }
        assertThat(maxErr).isLessThan(1e-4);
    }

    /**
     * EBU Tech 3341 true-peak cases 15 to 18: sines at -6 dBFS peak at fs/4, fs/4, fs/6 and fs/8
     * with phases 0, 45, 60 and 67.5 degrees (the last three put no sample on a crest). Expected
     * -6.0 dBTP, tolerance +0.2 / -0.4 dB. The sample peak of the last three reads low.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"4, 0", "4, 45", "6, 60", "8, 67.5"})
    void tech3341TruePeakCasesReadMinus6Dbtp(int divisor, double phaseDegrees) {
        int frames = 48_000;
        double amp = Math.pow(10, -6.0 / 20);
        float[] s = new float[frames * 2];
        for (int i = 0; i < frames; i++) {
            // a 10 ms fade-in: a sine switched on abruptly is a step, whose ringing is a real overshoot
            double fade = Math.min(1.0, i / 480.0);
            float v = (float) (fade * amp * Math.sin(2 * Math.PI * i / divisor + Math.toRadians(phaseDegrees)));
            s[2 * i] = v;
            s[2 * i + 1] = v;
        }
        TruePeakMeter meter = new TruePeakMeter();
        meter.prepare(FS, 2, frames);
        meter.process(s, 0, s.length);
        assertThat(meter.truePeakDbtp()).isBetween(-6.4, -5.8);
        SamplePeakMeter samplePeak = new SamplePeakMeter();
        samplePeak.prepare(FS, 2, frames);
        samplePeak.process(s, 0, s.length);
        if (phaseDegrees > 0) {
            assertThat(samplePeak.samplePeakDbfs()).isLessThan(-6.4);
        }
    }

    @Test
    void truePeakNeverReadsBelowSamplePeak() {
        // a lone full-scale click and a crest-on-sample fs/4 tone: the samples themselves are peaks
        float[] click = new float[1000];
        click[500] = -0.9f;
        float[] tone = new float[4800];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.cos(Math.PI / 2 * i));
        }
        for (float[] s : new float[][] {click, tone}) {
            TruePeakMeter tp = new TruePeakMeter();
            SamplePeakMeter sp = new SamplePeakMeter();
            tp.prepare(FS, 1, s.length);
            sp.prepare(FS, 1, s.length);
            tp.process(s, 0, s.length);
            sp.process(s, 0, s.length);
            assertThat(tp.truePeakDbtp()).isGreaterThanOrEqualTo(sp.samplePeakDbfs());
        }
    }

    /**
     * The meter skips interpolating stretches that cannot beat its held peak: the held peak must still
     * be exactly the largest of all interpolated points (computed here point by point), on noise with
     * bursts, in uneven blocks.
     */
    @Test
    void heldTruePeakIsExactlyTheLargestInterpolatedPoint() {
        java.util.Random random = new java.util.Random(7);
        int frames = 48_000;
        float[] stereo = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            // quiet noise, a louder burst now and then, and a hard edge to ring
            double level = (i / 3000) % 5 == 3 ? 0.9 : 0.1;
            stereo[2 * i] = (float) (level * random.nextGaussian() / 3);
            stereo[2 * i + 1] = i % 4000 < 2000 ? 0.3f : -0.3f;
        }
        TruePeakMeter meter = new TruePeakMeter();
        meter.prepare(FS, 2, 4096);
        TruePeakOversampler[] reference = {new TruePeakOversampler(), new TruePeakOversampler()};
        double[] points = new double[4];
        double[] expected = new double[2];
        int at = 0;
        int block = 37;
        while (at < frames) {
            int n = Math.min(block, frames - at);
            meter.process(stereo, 2 * at, 2 * n);
            for (int c = 0; c < 2; c++) {
                for (int f = at; f < at + n; f++) {
                    reference[c].interpolate(stereo[2 * f + c], points);
                    for (double p : points) {
                        expected[c] = Math.max(expected[c], Math.abs(p));
                    }
                }
                assertThat(meter.truePeakDbtp(c)).isEqualTo(Decibels.fromAmplitude(expected[c]));
            }
            at += n;
            block = block * 7 % 1500 + 1;
        }
        assertThat(expected[0]).isGreaterThan(0.5);
    }
}
