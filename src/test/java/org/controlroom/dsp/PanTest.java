package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PanTest {

    private static float[] pannedSine(double position) {
        Pan pan = new Pan(position);
        float[] s = Signals.sine(440, 0.5, 48000, 48000, 2);
        pan.prepare(48000, 2, 48000);
        pan.process(s, 0, s.length);
        return s;
    }

    private static final double IN_DB = 20 * Math.log10(0.5 / Math.sqrt(2));

    @Test
    void centreIsMinusThreeDecibelsOnEachSide() {
        float[] s = pannedSine(0);
        assertThat(Signals.rmsDb(s, 2, 0, 0, 48000) - IN_DB).isEqualTo(-3.01, within(0.01));
        assertThat(Signals.rmsDb(s, 2, 1, 0, 48000) - IN_DB).isEqualTo(-3.01, within(0.01));
    }

    @Test
    void hardLeftSilencesTheRightAndKeepsTheLeftAtFullLevel() {
        float[] s = pannedSine(-1);
        assertThat(Signals.rmsDb(s, 2, 0, 0, 48000) - IN_DB).isEqualTo(0, within(0.001));
        for (int i = 1; i < s.length; i += 2) {
            assertThat(s[i]).isZero();
        }
        float[] r = pannedSine(1);
        for (int i = 0; i < r.length; i += 2) {
            assertThat(r[i]).isZero();
        }
    }

    @Test
    void powerIsConstantAcrossThePanRange() {
        for (double p = -1; p <= 1; p += 0.125) {
            double l = Pan.leftGain(p);
            double r = Pan.rightGain(p);
            assertThat(l * l + r * r).as("pan %s", p).isEqualTo(1, within(1e-12));
        }
        assertThat(Pan.leftGain(0.5)).isLessThan(Pan.rightGain(0.5));
    }

    @Test
    void movingThePanGlides() {
        Pan pan = new Pan(-1);
        pan.prepare(48000, 2, 4800);
        float[] dc = new float[2 * 4800];
        java.util.Arrays.fill(dc, 1f);
        pan.process(dc, 0, 960);
        pan.setPosition(1);
        pan.process(dc, 960, dc.length - 960);
        double maxJump = 0;
        for (int i = 2; i < dc.length; i++) {
            maxJump = Math.max(maxJump, Math.abs(dc[i] - dc[i - 2]));
        }
        assertThat(maxJump).isLessThan(0.01);
        assertThat(dc[dc.length - 2]).isZero();
        assertThat(dc[dc.length - 1]).isEqualTo(1f);
    }

    @Test
    void positionsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> new Pan(1.5)).hasMessageContaining("1.5");
    }
}
