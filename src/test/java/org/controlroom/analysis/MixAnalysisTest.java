package org.controlroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.dsp.mix.ClipFeed;
import org.controlroom.dsp.mix.Mixer;
import org.junit.jupiter.api.Test;

/** Known signals through a real mixer: the truth is computed here from the signals themselves. */
class MixAnalysisTest {
    static final int RATE = 48000;

    static AudioClip sine(double hz, double amp, double seconds) {
        float[] s = new float[(int) (seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return new AudioClip(RATE, 1, s);
    }

    /** A tone that alternates between two levels every {@code periodS} seconds. */
    static AudioClip steps(double hz, double loudAmp, double quietAmp, double periodS, double seconds) {
        float[] s = new float[(int) (seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            double a = ((int) (i / (periodS * RATE))) % 2 == 0 ? loudAmp : quietAmp;
            s[i] = (float) (a * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return new AudioClip(RATE, 1, s);
    }

    @Test
    void eachTrackMeasuresAsItReachesTheMasterWithFaderBusAndMasterFader() {
        AudioClip a = sine(440, 0.3, 12);
        AudioClip b = sine(1000, 0.2, 12);
        Mixer mixer = new Mixer(RATE, 512);
        ChannelStrip sa = new ChannelStrip();
        ChannelStrip sb = new ChannelStrip();
        sa.setFaderDb(-4);
        sa.setPan(-0.5);
        sb.setFaderDb(2);
        sb.setPan(1);
        mixer.addTrack("a", ClipFeed.of(a, 0), sa);
        Mixer.Track tb = mixer.addTrack("b", ClipFeed.of(b, 0), sb);
        Mixer.Bus bus = mixer.addBus("grp", null);
        bus.setFaderDb(-3);
        tb.routeTo(bus);
        mixer.setMasterFaderDb(-2);
        MixMeasurement m = new MixAnalysis().measure(mixer, a.frames(), Set.of("b"));
        double la = LoudnessAnalyzer.measure(a).integratedLufs();
        double lb = LoudnessAnalyzer.measure(b).integratedLufs();
        assertThat(m.track("a").integratedLufs()).isCloseTo(la - 4 - 2, within(0.1));
        assertThat(m.track("b").integratedLufs()).isCloseTo(lb + 2 - 3 - 2, within(0.1));
        assertThat(m.relativeDb("b", "a")).isCloseTo((lb - 1) - (la - 4), within(0.1));
        assertThat(m.track("a").panPosition()).isCloseTo(-50, within(0.5));
        assertThat(m.track("b").panPosition()).isCloseTo(100, within(0.5));
        assertThat(m.track("a").spectrum()).isEmpty();
        assertThat(m.track("b").spectrum()).isNotEmpty();
        // the mix itself, measured independently from the render
        assertThat(m.integratedLufs()).isCloseTo(LoudnessAnalyzer.measure(m.render()).integratedLufs(), within(1e-9));
        assertThat(m.clippedSamples()).isZero();
        assertThat(m.clippedBeforeLimiter()).isZero();
    }

    @Test
    void aMutedTrackIsSilentAndClippingIsCountedBeforeAndAfterTheLimiter() {
        AudioClip a = sine(200, 0.9, 5);
        Mixer mixer = new Mixer(RATE, 512);
        mixer.addTrack("a", ClipFeed.of(a, 0), new ChannelStrip());
        Mixer.Track quiet = mixer.addTrack("b", ClipFeed.of(a, 0), new ChannelStrip());
        quiet.setMuted(true);
        mixer.setMasterFaderDb(12);
        mixer.limiter().setBypassed(true);
        MixMeasurement raw = new MixAnalysis().measure(mixer, a.frames());
        assertThat(raw.track("b").integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(raw.clippedSamples()).isGreaterThan(1000);
        assertThat(raw.clippedBeforeLimiter()).isEqualTo(raw.clippedSamples());
        mixer.limiter().setBypassed(false);
        mixer.limiter().setCeilingDb(-1);
        MixMeasurement limited = new MixAnalysis().measure(mixer, a.frames());
        assertThat(limited.clippedSamples()).isZero();
        assertThat(limited.clippedBeforeLimiter()).isGreaterThan(1000);
        assertThat(limited.truePeakDbtp()).isLessThanOrEqualTo(-0.9);
    }

    @Test
    void aSteadyToneHasNoLoudnessRangeAndOneSteppingByTenDecibelsHasAboutTen() {
        Mixer mixer = new Mixer(RATE, 512);
        mixer.addTrack("steady", ClipFeed.of(sine(500, 0.3, 40), 0), new ChannelStrip());
        mixer.addTrack("steps", ClipFeed.of(steps(500, 0.3, 0.3 / Math.sqrt(10), 8, 40), 0), new ChannelStrip());
        MixMeasurement m = new MixAnalysis().measure(mixer, 40 * RATE);
        assertThat(m.track("steady").loudnessRangeLu()).isLessThan(0.2);
        assertThat(m.track("steps").loudnessRangeLu()).isCloseTo(10, within(0.6));
    }

    @Test
    void panPositionInvertsTheConstantPowerLaw() {
        for (double p = -1; p <= 1.0001; p += 0.25) {
            double th = (p + 1) * Math.PI / 4;
            double l = Math.pow(Math.cos(th), 2);
            double r = Math.pow(Math.sin(th), 2);
            assertThat(TrackMeasurement.panFromEnergies(l * 3, r * 3)).isCloseTo(100 * p, within(1e-6));
        }
        assertThat(TrackMeasurement.panFromEnergies(0, 0)).isNaN();
    }

    private static List<SpectrumBand> spectrum(Map<Double, Double> levels) {
        List<SpectrumBand> out = new ArrayList<>();
        for (double hz : ThirdOctaveSpectrum.NOMINAL_CENTRES_HZ) {
            out.add(new SpectrumBand(hz, levels.getOrDefault(hz, -60.0)));
        }
        return out;
    }

    @Test
    void theOverlapIndexIsOneForTheSameShapeZeroApartAndFollowsItsFormula() {
        List<SpectrumBand> kick = spectrum(Map.of(50.0, 0.0, 63.0, -2.0));
        List<SpectrumBand> same = spectrum(Map.of(50.0, -10.0, 63.0, -12.0)); // same shape, 10 dB down
        List<SpectrumBand> apart = spectrum(Map.of(200.0, 0.0, 250.0, -1.0));
        assertThat(Masking.of(kick, same).overlap()).isCloseTo(1, within(1e-9));
        assertThat(Masking.of(kick, apart).overlap()).isLessThan(0.01);
        // bass peaking at 63 Hz, with 50 Hz 4 dB down: over the union {50, 63} by hand
        List<SpectrumBand> bass = spectrum(Map.of(63.0, 0.0, 50.0, -4.0));
        double k50 = 1;
        double k63 = Math.pow(10, -0.2);
        double b50 = Math.pow(10, -0.4);
        double b63 = 1;
        double expected = (Math.min(k50, b50) + Math.min(k63, b63)) / (Math.max(k50, b50) + Math.max(k63, b63));
        Masking k = Masking.of(kick, bass);
        assertThat(k.overlap()).isCloseTo(expected, within(1e-4));
        assertThat(k.sharedBands()).containsExactly(50.0, 63.0);
    }

    @Test
    void theSpectrumDistanceIgnoresLevelAndReadsATargetCurveBetweenItsPoints() {
        List<SpectrumBand> mix = spectrum(Map.of());
        List<SpectrumBand> louder = new ArrayList<>();
        mix.forEach(b -> louder.add(new SpectrumBand(b.centreHz(), b.db() + 7)));
        assertThat(SpectrumComparison.of(mix, louder).distanceDb()).isCloseTo(0, within(1e-9));
        assertThat(SpectrumComparison.of(mix, louder).offsetDb()).isCloseTo(7, within(1e-9));
        // a curve tilting 3 dB per decade; a flat mix is off by the tilt about its mean
        SpectrumComparison c = SpectrumComparison.toCurve(mix, Map.of(100.0, 0.0, 1000.0, -3.0, 10000.0, -6.0));
        int i1k = c.bandsHz().indexOf(1000.0);
        int i316 = c.bandsHz().indexOf(315.0);
        assertThat(c.referenceDb().get(i316) - c.referenceDb().get(i1k)).isCloseTo(3 * Math.log10(1000 / 315.0),
                within(1e-6));
        assertThat(c.bandsHz().get(0)).isEqualTo(31.5);
        assertThat(c.bandsHz().get(c.bandsHz().size() - 1)).isEqualTo(16000.0);
    }
}
