package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class GainTest {

    @Test
    void gainScalesTheLevelByItsDecibels() {
        Gain g = new Gain(-6);
        float[] s = Signals.sine(1000, 0.5, 48000, 48000, 2);
        g.prepare(48000, 2, 48000);
        g.process(s, 0, s.length);
        double in = 20 * Math.log10(0.5 / Math.sqrt(2));
        assertThat(Signals.rmsDb(s, 2, 0, 0, 48000) - in).isEqualTo(-6, within(0.001));
        assertThat(Signals.rmsDb(s, 2, 1, 0, 48000) - in).isEqualTo(-6, within(0.001));
    }

    @Test
    void suddenGainChangeHasNoStep() {
        Gain g = new Gain(0);
        g.prepare(48000, 1, 48000);
        float[] dc = new float[48000];
        Arrays.fill(dc, 1f);
        g.process(dc, 0, 1000);
        g.setGainDb(-40);
        g.process(dc, 1000, dc.length - 1000);
        double maxJump = 0;
        for (int i = 1; i < dc.length; i++) {
            maxJump = Math.max(maxJump, Math.abs(dc[i] - dc[i - 1]));
        }
        // 0.99 spread over the 20 ms ramp (960 samples): about 0.001 per sample; a step would be 0.99.
        assertThat(maxJump).isLessThan(0.002);
        assertThat(dc[dc.length - 1]).isEqualTo(0.01f, within(1e-6f));
        assertThat(dc[999]).isEqualTo(1f);
    }

    @Test
    void zeroDecibelsLeavesSamplesBitForBit() {
        Gain g = new Gain(0);
        float[] in = ParametricEqTest.noise(1000, 2, 5);
        float[] s = in.clone();
        g.prepare(44100, 2, 1000);
        g.process(s, 0, s.length);
        assertThat(s).containsExactly(in);
    }
}
