package org.controlroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * On a known signal: a 1 kHz sine (K-weighting adds about +0.7 dB there) for 10 s, then the same sine
 * 12 dB down for 10 s. Each stretch's loudness follows from its RMS (BS.1770: LUFS = −0.691 + 10·log10
 * of the mean square, K-weighted), so the difference is 12 LU and the short-term curve settles to each.
 */
class ArrangeAnalysisTest {
    static final int RATE = 48000;

    static AudioClip twoLevels() {
        float[] s = new float[RATE * 20];
        for (int i = 0; i < s.length; i++) {
            double a = i < RATE * 10 ? 0.5 : 0.5 * Math.pow(10, -12 / 20.0);
            s[i] = (float) (a * Math.sin(2 * Math.PI * 1000.0 * i / RATE));
        }
        return new AudioClip(RATE, 1, s);
    }

    @Test
    void eachSectionsLoudnessAndTheShortTermCurveFollowTheSignal() {
        ArrangeMeasurement m = ArrangeAnalysis.measure(twoLevels(), new long[] {0, RATE * 10L});
        double a = m.sectionLufs().get(0);
        double b = m.sectionLufs().get(1);
        // a 0.5 sine: mean square 0.125 → −0.691 + 10·log10(0.125) = −9.72 LUFS before K-weighting's gain at 1 kHz
        assertThat(a).isCloseTo(-9.72 + 0.69, within(0.1));
        assertThat(a - b).isCloseTo(12.0, within(0.05));
        assertThat(m.stepSeconds()).isEqualTo(ArrangeAnalysis.CURVE_STEP_SECONDS);
        assertThat(m.shortTermLufs()).hasSize(80);
        // 3 s windows wholly inside each stretch: ending at 8 s, and at 18 s
        assertThat(m.shortTermLufs().get(31)).isCloseTo(a, within(0.05));
        assertThat(m.shortTermLufs().get(71)).isCloseTo(b, within(0.05));
        assertThat(m.seconds()).isEqualTo(20.0);
    }

    @Test
    void aStemIsActiveWhereItSoundsAndALoopWrapsAround() {
        float[] s = new float[1000];
        for (int i = 0; i < 500; i++) {
            s[i] = (float) (0.1 * Math.sin(i * 0.3));
        }
        AudioClip stem = new AudioClip(RATE, 1, s);
        assertThat(ArrangeAnalysis.active(stem, 0, 500)).isTrue();
        assertThat(ArrangeAnalysis.active(stem, 500, 500)).isFalse();
        // from frame 900 for 400 frames: 100 silent, then 300 of the tone (read as a loop)
        assertThat(ArrangeAnalysis.rmsDbfs(stem, 900, 400)).isCloseTo(
                10 * Math.log10(0.005 * 300 / 400), within(0.5));
        assertThat(ArrangeAnalysis.rmsDbfs(stem, 500, 500)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
