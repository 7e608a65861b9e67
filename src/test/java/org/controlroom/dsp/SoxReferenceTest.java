package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.controlroom.dsp.io.WavReader;
import org.junit.jupiter.api.Test;

/**
 * README: "output matches SoX's equalizer/bass/treble within 6e-8". The reference outputs were made
 * once with SoX 14.4.2 by {@code src/test/resources/reference/sox/make.sh} (the exact commands are
 * there) and are compared here sample by sample; SoX is not needed to run the test.
 */
class SoxReferenceTest {

    private static final double TOLERANCE = 6e-8;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SoxReferenceTest.class.getResource("/reference/sox/" + name).toURI());
    }

    /** Runs {@code input} through an EQ of {@code bands} and returns the largest difference from SoX's file. */
    private static double worstDifference(String input, String soxOutput, List<EqBand> bands) throws Exception {
        AudioClip in = WavReader.read(resource(input));
        AudioClip sox = WavReader.read(resource(soxOutput));
        assertThat(sox.frames()).isEqualTo(in.frames());
        assertThat(sox.channels()).isEqualTo(in.channels());
        float[] ours = in.samples().clone();
        ParametricEq eq = new ParametricEq(bands);
        eq.prepare(in.sampleRate(), in.channels(), in.frames());
        eq.process(ours, 0, ours.length);
        double worst = 0;
        double loudest = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - sox.samples()[i]));
            loudest = Math.max(loudest, Math.abs(sox.samples()[i]));
        }
        assertThat(loudest).as("the reference is not silence").isGreaterThan(0.1);
        return worst;
    }

    @Test
    void aPeakBoostMatchesSoxEqualizer() throws Exception {
        // sox noise-44k1-mono.wav ... equalizer 1000 1q 3
        assertThat(worstDifference("noise-44k1-mono.wav", "peak-1000-q1-plus3.wav",
                List.of(EqBand.of(FilterType.PEAK, 1000, 3, 1)))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void aNarrowCutMatchesSoxEqualizer() throws Exception {
        // equalizer 300 2q -6
        assertThat(worstDifference("noise-44k1-mono.wav", "peak-300-q2-minus6.wav",
                List.of(EqBand.of(FilterType.PEAK, 300, -6, 2)))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void aLowShelfMatchesSoxBass() throws Exception {
        // bass 4 100 0.5s  (SoX's width in "s" is the cookbook's shelf slope S)
        assertThat(worstDifference("noise-44k1-mono.wav", "bass-plus4-100-s0.5.wav",
                List.of(EqBand.of(FilterType.LOW_SHELF, 100, 4, 0.5)))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void aHighShelfMatchesSoxTreble() throws Exception {
        // treble -3 8000 1s
        assertThat(worstDifference("noise-44k1-mono.wav", "treble-minus3-8000-s1.wav",
                List.of(EqBand.of(FilterType.HIGH_SHELF, 8000, -3, 1)))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void aFourBandStereoChainMatchesSoxInOrder() throws Exception {
        // equalizer 1000 1q 3 bass 2 100 0.5s treble -2 8000 1s equalizer 300 2q -3, at 48 kHz stereo
        assertThat(worstDifference("noise-48k-stereo.wav", "stereo-chain.wav", List.of(
                EqBand.of(FilterType.PEAK, 1000, 3, 1),
                EqBand.of(FilterType.LOW_SHELF, 100, 2, 0.5),
                EqBand.of(FilterType.HIGH_SHELF, 8000, -2, 1),
                EqBand.of(FilterType.PEAK, 300, -3, 2)))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void aWrongSettingIsFarOutsideTheTolerance() throws Exception {
        // the comparison can fail: 0.1 dB of difference in the boost is thousands of times the tolerance
        assertThat(worstDifference("noise-44k1-mono.wav", "peak-1000-q1-plus3.wav",
                List.of(EqBand.of(FilterType.PEAK, 1000, 3.1, 1)))).isGreaterThan(1000 * TOLERANCE);
    }
}
