package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * The explore step's meter reads what the compressor's static curve says on a steady tone, and its
 * level drop is the RMS difference measured here; deeper thresholds take more off.
 */
class DrillExploreTest {

    private static AudioClip tone(double rmsDb, double seconds) {
        int rate = 48000;
        int frames = (int) (rate * seconds);
        float[] s = new float[frames * 2];
        double amp = Math.pow(10, rmsDb / 20) * Math.sqrt(2);
        for (int f = 0; f < frames; f++) {
            s[2 * f] = (float) (amp * Math.sin(2 * Math.PI * 330 * f / rate));
            s[2 * f + 1] = s[2 * f];
        }
        return new AudioClip(rate, 2, s);
    }

    @Test
    void theMeterReadsTheStaticCurveOnASteadyTone() {
        AudioClip t = tone(-12, 3);   // peaks at -8.99 dBFS
        for (double ratio : new double[] {2, 4, 10}) {
            DrillExplore.Result r = DrillExplore.run(t, new DrillExplore.Knobs(-30, ratio, 5, 50));
            double peakDb = -12 + 20 * Math.log10(Math.sqrt(2));
            double stated = (peakDb + 30) * (1 - 1 / ratio);
            double late = r.meterAt(48000 * 2);
            assertThat(late).as("ratio %s", ratio).isCloseTo(stated, within(0.5));
            double sumA = 0;
            double sumB = 0;
            for (int i = 48000 * 2; i < 48000 * 2 * 3; i++) {
                sumA += t.samples()[i] * (double) t.samples()[i];
                sumB += r.processed().samples()[i] * (double) r.processed().samples()[i];
            }
            assertThat(10 * Math.log10(sumA / sumB)).as("level drop at %s:1", ratio).isCloseTo(stated, within(0.5));
        }
        double shallow = DrillExplore.run(t, new DrillExplore.Knobs(-12, 4, 5, 50)).rmsDropDb();
        double deep = DrillExplore.run(t, new DrillExplore.Knobs(-24, 4, 5, 50)).rmsDropDb();
        assertThat(deep).isGreaterThan(shallow + 5);
    }
}
