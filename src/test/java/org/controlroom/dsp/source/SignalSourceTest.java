package org.controlroom.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.RmsMeter;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.junit.jupiter.api.Test;

class SignalSourceTest {

    private static final double FS = 48_000;

    private static double rmsDbfs(AudioClip clip) {
        RmsMeter meter = new RmsMeter();
        meter.prepare(clip.sampleRate(), clip.channels(), clip.frames());
        meter.process(clip.samples(), 0, clip.samples().length);
        return meter.rmsDbfs();
    }

    @Test
    void pinkNoiseIsFlatWithinOneDbPerThirdOctaveFrom31HzTo16kHz() {
        AudioClip clip = new PinkNoise(42, -20).render(60, FS, 1);
        List<SpectrumBand> bands = ThirdOctaveSpectrum.of(clip).stream()
                .filter(b -> b.centreHz() >= 31.5 && b.centreHz() <= 16000).toList();
        // equal power per band is what "-3 dB per octave" means once band widths are accounted for
        double mean = bands.stream().mapToDouble(SpectrumBand::db).average().orElseThrow();
        assertThat(bands).hasSize(28).allSatisfy(b -> assertThat(b.db()).isCloseTo(mean, within(1.0)));
    }

    @Test
    void noiseHasTheRequestedRmsLevel() {
        assertThat(rmsDbfs(new PinkNoise(1, -20).render(10, FS, 1))).isCloseTo(-20, within(0.3));
        assertThat(rmsDbfs(new WhiteNoise(1, -12).render(10, FS, 1))).isCloseTo(-12, within(0.1));
    }

    @Test
    void seededNoiseRepeatsAndDifferentSeedsDiffer() {
        PinkNoise pink = new PinkNoise(5, -20);
        float[] first = pink.render(0.1, FS, 1).samples();
        float[] again = pink.render(0.1, FS, 1).samples();
        float[] other = new PinkNoise(6, -20).render(0.1, FS, 1).samples();
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(new WhiteNoise(5, -20).render(0.1, FS, 1).samples())
                .containsExactly(new WhiteNoise(5, -20).render(0.1, FS, 1).samples());
    }

    @Test
    void sineHasItsPeakLevelAndRendersOnEveryChannel() {
        AudioClip clip = new SineSource(1000, -6).render(1, FS, 2);
        assertThat(clip.channels()).isEqualTo(2);
        assertThat(clip.frames()).isEqualTo(48_000);
        assertThat(rmsDbfs(clip)).isCloseTo(-6.02 - 3.01, within(0.02));
        assertThat(clip.channel(1)).containsExactly(clip.channel(0));
        float max = 0;
        for (float v : clip.samples()) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat((double) max).isCloseTo(0.501, within(0.001));
    }

    @Test
    void sineAboveNyquistIsRefused() {
        assertThatThrownBy(() -> new SineSource(30_000, 0).render(1, FS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30000");
    }

    @Test
    void clicksStartOnExactFramesWithTheAccentOnBeatOne() {
        ClickTrack click = new ClickTrack(125, 4, 0);   // 0.48 s per beat = 23040 frames at 48 kHz
        float[] s = click.render(4, FS, 1).samples();
        for (int beat = 0; beat < 8; beat++) {
            int at = (int) click.clickFrame(beat, FS);
            assertThat(at).isEqualTo(beat * 23_040);
            assertThat(s[at]).isNotZero();
            if (at > 0) {
                assertThat(s[at - 1]).isZero();
            }
            double expectedPeak = click.isAccent(beat) ? 1.0 : Math.pow(10, -6 / 20.0);
            assertThat((double) Math.abs(s[at])).isCloseTo(expectedPeak, within(1e-6));
        }
        assertThat(click.isAccent(0)).isTrue();
        assertThat(click.isAccent(1)).isFalse();
        assertThat(click.isAccent(4)).isTrue();
    }

    @Test
    void clickPositionsDoNotDriftAtAwkwardTempos() {
        ClickTrack click = new ClickTrack(97, 3, -6);
        float[] s = click.render(30, 44_100, 1).samples();
        for (int beat = 0; beat < 48; beat++) {
            long at = click.clickFrame(beat, 44_100);
            assertThat(at).isEqualTo(Math.round(beat * 60.0 / 97 * 44_100));
            assertThat(s[(int) at]).isNotZero();
            assertThat(s[(int) at - 1 < 0 ? 0 : (int) at - 1]).isEqualTo(beat == 0 ? s[0] : 0f);
        }
    }

    @Test
    void renderingInPiecesEqualsRenderingAtOnce() {
        ClickTrack click = new ClickTrack(120, 4, 0);
        float[] whole = click.render(2, FS, 1).samples();
        click.start(FS);
        float[] pieces = new float[whole.length];
        for (int off = 0; off < pieces.length; off += 1000) {
            click.fill(pieces, off, Math.min(1000, pieces.length - off));
        }
        assertThat(pieces).containsExactly(whole);
    }
}
