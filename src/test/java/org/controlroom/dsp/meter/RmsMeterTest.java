package org.controlroom.dsp.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RmsMeterTest {

    private static final double FS = 48_000;

    private static float[] sine(double amplitude, double hz, int frames) {
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / FS));
        }
        return out;
    }

    @Test
    void fullScaleSineReadsMinus3Dbfs() {
        RmsMeter meter = new RmsMeter();
        meter.prepare(FS, 1, 4800);
        float[] s = sine(1.0, 1000, 48_000);
        for (int off = 0; off < s.length; off += 4800) {
            meter.process(s, off, 4800);
        }
        assertThat(meter.rmsDbfs()).isCloseTo(-3.01, within(0.01));
        assertThat(meter.windowRmsDbfs()).isCloseTo(-3.01, within(0.01));
    }

    @Test
    void windowFollowsTheLatestLevelWhileTheTotalAverages() {
        RmsMeter meter = new RmsMeter(0.3);
        meter.prepare(FS, 1, 48_000);
        meter.process(sine(1.0, 1000, 48_000), 0, 48_000);
        meter.process(sine(0.1, 1000, 48_000), 0, 48_000);
        assertThat(meter.windowRmsDbfs()).isCloseTo(-23.01, within(0.05));
        // mean square (0.5 + 0.005) / 2
        assertThat(meter.rmsDbfs()).isCloseTo(10 * Math.log10(0.505 / 2), within(0.01));
    }

    @Test
    void channelsAreReadSeparately() {
        float[] stereo = new float[2 * 48_000];
        float[] left = sine(0.5, 440, 48_000);
        for (int i = 0; i < 48_000; i++) {
            stereo[2 * i] = left[i];
        }
        RmsMeter meter = new RmsMeter();
        meter.prepare(FS, 2, 48_000);
        meter.process(stereo, 0, stereo.length);
        assertThat(meter.rmsDbfs(0)).isCloseTo(-9.03, within(0.02));
        assertThat(meter.rmsDbfs(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(meter.rmsDbfs()).isCloseTo(-12.04, within(0.02));
    }
}
