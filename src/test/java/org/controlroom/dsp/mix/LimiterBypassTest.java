package org.controlroom.dsp.mix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A limiter switched off passes the sound unchanged through its lookahead delay (a mix's "limiter off"). */
class LimiterBypassTest {

    private static float[] hotSine(int frames) {
        float[] x = new float[frames * 2];
        for (int i = 0; i < frames; i++) {
            float v = (float) (2.0 * Math.sin(2 * Math.PI * 997 * i / 48000.0)); // +6 dBFS
            x[2 * i] = v;
            x[2 * i + 1] = -v;
        }
        return x;
    }

    @Test
    void bypassedItDelaysTheSoundAndChangesNothingElse() {
        Limiter l = new Limiter();
        l.prepare(48000, 2, 512);
        l.setBypassed(true);
        int frames = 48000;
        float[] in = hotSine(frames);
        float[] out = in.clone();
        for (int f = 0; f < frames; f += 512) {
            l.process(out, 2 * f, 2 * Math.min(512, frames - f));
        }
        int d = l.latencyFrames();
        assertThat(d).isPositive();
        for (int i = d; i < frames; i++) {
            assertThat(out[2 * i]).isEqualTo(in[2 * (i - d)]);
            assertThat(out[2 * i + 1]).isEqualTo(in[2 * (i - d) + 1]);
        }
        assertThat(l.gainReductionDb()).isZero();
    }

    @Test
    void switchedBackOnItLimitsAgain() {
        Limiter l = new Limiter();
        l.prepare(48000, 2, 512);
        l.setCeilingDb(-1);
        l.setBypassed(true);
        float[] x = hotSine(48000);
        for (int f = 0; f < 24000; f += 512) {
            l.process(x, 2 * f, 2 * Math.min(512, 24000 - f));
        }
        l.setBypassed(false);
        for (int f = 24000; f < 48000; f += 512) {
            l.process(x, 2 * f, 2 * Math.min(512, 48000 - f));
        }
        double peak = 0;
        for (int i = 2 * 36000; i < x.length; i++) {   // well after the switch: sample peaks under the ceiling
            peak = Math.max(peak, Math.abs(x[i]));
        }
        assertThat(20 * Math.log10(peak)).isLessThanOrEqualTo(-1.0);
    }
}
