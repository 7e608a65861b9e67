package org.controlroom.dsp.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.source.SineSource;
import org.controlroom.dsp.source.WhiteNoise;
import org.junit.jupiter.api.Test;

class ThirdOctaveSpectrumTest {

    private static final double FS = 48_000;

    @Test
    void fullScaleSineAt1kHzPeaksInThe1kHzBandAtAbout0Db() {
        AudioClip clip = new SineSource(1000, 0).render(5, FS, 1);
        List<SpectrumBand> bands = ThirdOctaveSpectrum.of(clip);
        SpectrumBand loudest = bands.stream().max(Comparator.comparingDouble(SpectrumBand::db)).orElseThrow();
        assertThat(loudest.centreHz()).isEqualTo(1000);
        assertThat(loudest.db()).isCloseTo(0.0, within(0.1));
        // neighbours are far below
        assertThat(band(bands, 800).db()).isLessThan(-60);
        assertThat(band(bands, 1250).db()).isLessThan(-60);
    }

    @Test
    void sineLevelAndFrequencyAreFollowed() {
        AudioClip clip = new SineSource(100, -20).render(5, FS, 2);
        List<SpectrumBand> bands = ThirdOctaveSpectrum.of(clip);
        assertThat(band(bands, 100).db()).isCloseTo(-20.0, within(0.2));
        assertThat(bands.stream().max(Comparator.comparingDouble(SpectrumBand::db)).orElseThrow().centreHz())
                .isEqualTo(100);
    }

    @Test
    void whiteNoiseRisesOneDbPerThirdOctave() {
        AudioClip clip = new WhiteNoise(7, -20).render(20, FS, 1);
        List<SpectrumBand> bands = ThirdOctaveSpectrum.of(clip);
        // band power is proportional to bandwidth: 10 dB per decade = 1 dB per band
        double step = (band(bands, 10000).db() - band(bands, 1000).db()) / 10;
        assertThat(step).isCloseTo(1.0, within(0.1));
    }

    @Test
    void bandsCoverIsoCentresUpToNyquist() {
        List<SpectrumBand> at48 = ThirdOctaveSpectrum.of(new SineSource(1000, 0).render(1, 48_000, 1));
        List<SpectrumBand> at32 = ThirdOctaveSpectrum.of(new SineSource(1000, 0).render(1, 32_000, 1));
        assertThat(at48).extracting(SpectrumBand::centreHz).startsWith(20.0, 25.0, 31.5).endsWith(16000.0, 20000.0)
                .hasSize(31);
        assertThat(at32).extracting(SpectrumBand::centreHz).endsWith(12500.0);
    }

    @Test
    void shortClipStillFindsItsTone() {
        AudioClip clip = new SineSource(2000, -6).render(0.05, FS, 1);
        List<SpectrumBand> bands = ThirdOctaveSpectrum.of(clip);
        assertThat(bands.stream().max(Comparator.comparingDouble(SpectrumBand::db)).orElseThrow().centreHz())
                .isEqualTo(2000);
    }

    static SpectrumBand band(List<SpectrumBand> bands, double hz) {
        return bands.stream().filter(b -> b.centreHz() == hz).findFirst().orElseThrow();
    }

    @Test
    void measuredInTwoPartsItReadsAsMeasuredWhole() {
        // a 100 Hz sine that turns into white noise part way through (and back): a frame lost or counted
        // twice where the parts meet would move the low bands against the high ones
        for (double seconds : new double[] {7.3, 12, 20.05}) {
            AudioClip sine = new SineSource(100, -6).render(seconds, FS, 2);
            AudioClip noise = new WhiteNoise(11, -30).render(seconds, FS, 2);
            float[] s = sine.samples().clone();
            float[] n = noise.samples();
            for (int i = s.length / 3; i < 2 * s.length / 3; i++) {
                s[i] = n[i];
            }
            AudioClip clip = new AudioClip(FS, 2, s);
            List<SpectrumBand> whole = ThirdOctaveSpectrum.of(clip);
            List<SpectrumBand> parts = ThirdOctaveSpectrum.ofInParts(s, 2, FS,
                    ThirdOctaveSpectrum.fftSizeFor(FS, clip.frames()));
            assertThat(parts).hasSameSizeAs(whole);
            for (int b = 0; b < whole.size(); b++) {
                assertThat(parts.get(b).db()).as("%s s, band %s Hz", seconds, whole.get(b).centreHz())
                        .isCloseTo(whole.get(b).db(), within(1e-6));
            }
        }
    }
}
