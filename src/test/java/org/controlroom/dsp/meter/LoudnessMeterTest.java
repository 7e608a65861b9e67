package org.controlroom.dsp.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlroom.dsp.meter.TestSignals.repeat;
import static org.controlroom.dsp.meter.TestSignals.seg;
import static org.controlroom.dsp.meter.TestSignals.sineSegments;

import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EBU Tech 3341 (loudness) and Tech 3342 (loudness range) test signals, synthesised. */
class LoudnessMeterTest {

    private static final double FS = 48_000;

    @Test
    void kWeightingAt48kHzMatchesTheTablesOfBs1770() {
        KWeighting.Coefficients s = KWeighting.preFilter(48_000);
        assertThat(s.b0()).isCloseTo(1.53512485958697, within(1e-10));
        assertThat(s.b1()).isCloseTo(-2.69169618940638, within(1e-10));
        assertThat(s.b2()).isCloseTo(1.19839281085285, within(1e-10));
        assertThat(s.a1()).isCloseTo(-1.69065929318241, within(1e-10));
        assertThat(s.a2()).isCloseTo(0.73248077421585, within(1e-10));
        KWeighting.Coefficients h = KWeighting.rlbHighPass(48_000);
        assertThat(h.a1()).isCloseTo(-1.99004745483398, within(1e-10));
        assertThat(h.a2()).isCloseTo(0.99007225036621, within(1e-10));
    }

    @Test
    void case1StereoSineAtMinus23DbfsReadsMinus23Lufs() {
        LoudnessReading r = LoudnessMeter.measure(sineSegments(FS, 2, List.of(seg(-23, 20))));
        assertThat(r.integratedLufs()).isCloseTo(-23.0, within(0.1));
        assertThat(r.momentaryLufs()).isCloseTo(-23.0, within(0.1));
        assertThat(r.shortTermLufs()).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void case2StereoSineAtMinus33DbfsReadsMinus33Lufs() {
        LoudnessReading r = LoudnessMeter.measure(sineSegments(FS, 2, List.of(seg(-33, 20))));
        assertThat(r.integratedLufs()).isCloseTo(-33.0, within(0.1));
        assertThat(r.momentaryLufs()).isCloseTo(-33.0, within(0.1));
        assertThat(r.shortTermLufs()).isCloseTo(-33.0, within(0.1));
    }

    @Test
    void case3RelativeGateIgnoresQuietSurroundings() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-36, 10), seg(-23, 60), seg(-36, 10)));
        assertThat(LoudnessMeter.integratedLufs(clip)).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void case4AbsoluteAndRelativeGates() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-72, 10), seg(-36, 10), seg(-23, 60),
                seg(-36, 10), seg(-72, 10)));
        assertThat(LoudnessMeter.integratedLufs(clip)).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void case5LouderMiddleAveragesToMinus23() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-26, 20), seg(-20, 20.1), seg(-26, 20)));
        assertThat(LoudnessMeter.integratedLufs(clip)).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void case6FiveChannelsWeighSurroundsBy1_41() {
        double[] levels = {-28, -28, -24, -30, -30};
        AudioClip clip = sineSegments(FS, List.of(seg(0, 20)), List.<double[]>of(levels));
        assertThat(LoudnessMeter.integratedLufs(clip)).isCloseTo(-23.0, within(0.1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {44_100, 96_000, 32_000})
    void otherSampleRatesMeasureTheSame(double fs) {
        AudioClip clip = sineSegments(fs, 2, List.of(seg(-23, 10)));
        assertThat(LoudnessMeter.integratedLufs(clip)).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void case9ShortTermIsConstantMinus23OverBursts() {
        // 20 x (1.34 s at -20 dBFS, 1.66 s at -30 dBFS): every 3 s window holds one burst
        AudioClip clip = sineSegments(FS, 2, repeat(20, seg(-20, 1.34), seg(-30, 1.66)));
        List<Double> readings = readEvery100ms(clip, true);
        assertThat(readings.subList(30, readings.size()))
                .allSatisfy(v -> assertThat(v).isCloseTo(-23.0, within(0.1)));
    }

    @Test
    void case12MomentaryIsConstantMinus23OverBursts() {
        // 20 x (0.18 s at -20 dBFS, 0.22 s at -30 dBFS): every 400 ms window holds one burst
        AudioClip clip = sineSegments(FS, 2, repeat(20, seg(-20, 0.18), seg(-30, 0.22)));
        List<Double> readings = readEvery100ms(clip, false);
        assertThat(readings.subList(4, readings.size()))
                .allSatisfy(v -> assertThat(v).isCloseTo(-23.0, within(0.1)));
    }

    @Test
    void momentaryMaxCatchesAShortBurst() {
        // 10 x (0.18 s at -20 dBFS, 2.2 s at -30 dBFS): the loudest 400 ms reads -23 LUFS
        AudioClip clip = sineSegments(FS, 2, repeat(10, seg(-20, 0.18), seg(-30, 2.2)));
        assertThat(LoudnessMeter.measure(clip).momentaryMaxLufs()).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void shortTermMaxCatchesABurst() {
        // 5 x (1.34 s at -20 dBFS, 8 s at -30 dBFS): the loudest 3 s reads -23 LUFS
        AudioClip clip = sineSegments(FS, 2, repeat(5, seg(-30, 2), seg(-20, 1.34), seg(-30, 6)));
        assertThat(LoudnessMeter.measure(clip).shortTermMaxLufs()).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void lraCase1TenLuStep() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-20, 20), seg(-30, 20)));
        assertThat(LoudnessMeter.measure(clip).loudnessRangeLu()).isCloseTo(10, within(1.0));
    }

    @Test
    void lraCase2FiveLuStep() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-20, 20), seg(-15, 20)));
        assertThat(LoudnessMeter.measure(clip).loudnessRangeLu()).isCloseTo(5, within(1.0));
    }

    @Test
    void lraCase3TwentyLuStep() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-40, 20), seg(-20, 20)));
        assertThat(LoudnessMeter.measure(clip).loudnessRangeLu()).isCloseTo(20, within(1.0));
    }

    @Test
    void lraCase4RelativeGateDropsTheQuietestPart() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-50, 20), seg(-35, 20), seg(-20, 20),
                seg(-35, 20), seg(-50, 20)));
        assertThat(LoudnessMeter.measure(clip).loudnessRangeLu()).isCloseTo(15, within(1.0));
    }

    @Test
    void silenceIsTooQuietToMeasure() {
        LoudnessReading r = LoudnessMeter.measure(AudioClip.silence(FS, 2, 48_000 * 5));
        assertThat(r.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.momentaryMaxLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.loudnessRangeLu()).isZero();
    }

    @Test
    void blockSizeDoesNotChangeTheResult() {
        AudioClip clip = sineSegments(FS, 2, List.of(seg(-26, 5), seg(-20, 5)));
        LoudnessMeter meter = new LoudnessMeter();
        meter.prepare(FS, 2, 333);
        float[] s = clip.samples();
        for (int off = 0; off < s.length; off += 666) {
            meter.process(s, off, Math.min(666, s.length - off));
        }
        assertThat(meter.integratedLufs()).isCloseTo(LoudnessMeter.integratedLufs(clip), within(1e-9));
    }

    /** Feeds the clip in 100 ms blocks and reads the short-term (or momentary) value after each. */
    private static List<Double> readEvery100ms(AudioClip clip, boolean shortTerm) {
        LoudnessMeter meter = new LoudnessMeter();
        int block = (int) (FS / 10) * clip.channels();
        meter.prepare(FS, clip.channels(), block);
        List<Double> out = new ArrayList<>();
        float[] s = clip.samples();
        for (int off = 0; off + block <= s.length; off += block) {
            meter.process(s, off, block);
            out.add(shortTerm ? meter.shortTermLufs() : meter.momentaryLufs());
        }
        return out;
    }

    @Test
    void servesAsThePlayersLoudnessMeasure() {
        org.controlroom.dsp.play.LoudnessMeasure measure = LoudnessMeter::integratedLufs;
        assertThat(measure.integratedLufs(sineSegments(FS, 2, List.of(seg(-30, 5))))).isCloseTo(-30.0, within(0.1));
    }

    /** Metering a block with a power scale reads as metering the block multiplied by the gain. */
    @Test
    void aPowerScaleReadsAsTheScaledSignal() {
        java.util.Random random = new java.util.Random(5);
        int frames = 48_000 * 6;
        float[] signal = new float[2 * frames];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float) (0.2 * random.nextGaussian() * (1 + Math.sin(i / 40_000.0)));
        }
        double gain = 0.37;
        float[] scaled = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            scaled[i] = (float) (signal[i] * gain);
        }
        LoudnessMeter byScale = new LoudnessMeter();
        LoudnessMeter byCopy = new LoudnessMeter();
        byScale.prepare(48_000, 2, 1024);
        byCopy.prepare(48_000, 2, 1024);
        for (int at = 0; at < signal.length; at += 2048) {
            int n = Math.min(2048, signal.length - at);
            byScale.process(signal, at, n, gain * gain);
            byCopy.process(scaled, at, n);
        }
        assertThat(byScale.integratedLufs()).isCloseTo(byCopy.integratedLufs(), within(1e-4));
        assertThat(byScale.loudnessRangeLu()).isCloseTo(byCopy.loudnessRangeLu(), within(1e-4));
        assertThat(byScale.shortTermMaxLufs()).isCloseTo(byCopy.shortTermMaxLufs(), within(1e-4));
        // and the scale is not ignored: 20·log10(0.37) = -8.64 dB below the unscaled signal
        LoudnessMeter plain = new LoudnessMeter();
        plain.prepare(48_000, 2, 1024);
        plain.process(signal, 0, signal.length);
        assertThat(byScale.integratedLufs() - plain.integratedLufs()).isCloseTo(20 * Math.log10(gain), within(1e-4));
    }
}
