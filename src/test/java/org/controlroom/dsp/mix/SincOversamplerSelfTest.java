package org.controlroom.dsp.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The test oversampler is itself checked against signals whose true peak is known exactly. */
class SincOversamplerSelfTest {

    @Test
    void aQuarterRateToneAt45DegreesReadsItsAmplitudeNotItsSamples() {
        // samples are ±0.707 of the amplitude; the peak between them is the amplitude (0 dBTP here)
        float[] s = new float[4800];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(Math.PI / 2 * i + Math.PI / 4);
        }
        assertThat(SincOversampler.truePeakDb(s, 1, 0, 8)).isEqualTo(0, within(0.01));
    }

    @Test
    void tonesAtAnyFrequencyAndPhaseReadTheirAmplitude() {
        for (double cycles : new double[] {0.013, 0.11, 0.2371, 0.33, 0.41}) {
            float[] s = new float[2 * 4000];
            for (int i = 0; i < 4000; i++) {
                s[2 * i] = (float) (0.5 * Math.sin(2 * Math.PI * cycles * i + 0.3));
                s[2 * i + 1] = (float) (0.25 * Math.sin(2 * Math.PI * cycles * i + 1.1));
            }
            assertThat(SincOversampler.truePeakDb(s, 2, 0, 8)).as("%.4f cycles per sample", cycles)
                    .isEqualTo(20 * Math.log10(0.5), within(0.05));
        }
    }
}
