package org.controlroom.dsp.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.dsp.source.PinkNoise;
import org.controlroom.dsp.source.SineSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixerTest {

    private static final int RATE = 48000;

    @TempDir
    Path dir;

    private static AudioClip sine(double hz, double dbfs, double seconds) {
        return new SineSource(hz, dbfs).render(seconds, RATE, 1);
    }

    /** RMS in dB of one channel of a stereo clip between two frames. */
    private static double rmsDb(AudioClip clip, int channel, int from, int to) {
        double sum = 0;
        for (int f = from; f < to; f++) {
            double v = clip.samples()[2 * f + channel];
            sum += v * v;
        }
        return 10 * Math.log10(sum / (to - from));
    }

    private static ChannelStrip strip(double pan) {
        ChannelStrip s = new ChannelStrip();
        s.setPan(pan);
        return s;
    }

    @Test
    void tracksPannedHardLeftAndRightLandOnTheirSidesAtTheirLevels() {
        Mixer m = new Mixer(RATE, 1024);
        m.addTrack("low", ClipFeed.of(sine(200, -12, 1), 0), strip(-1));
        m.addTrack("high", ClipFeed.of(sine(3000, -20, 1), 0), strip(1));
        AudioClip out = new OfflineRenderer(1).render(m, RATE);
        // a sine peaking at -12 dBFS has an RMS of -15.01 dB; hard pan keeps it all on one side
        assertThat(rmsDb(out, 0, 4800, 43200)).isCloseTo(-15.01, within(0.05));
        assertThat(rmsDb(out, 1, 4800, 43200)).isCloseTo(-23.01, within(0.05));
    }

    @Test
    void aCentredMonoTrackIsThreeDecibelsDownOnEachSide() {
        Mixer m = new Mixer(RATE, 1024);
        m.addTrack("mid", ClipFeed.of(sine(500, -10, 1), 0), strip(0));
        AudioClip out = new OfflineRenderer(1).render(m, RATE);
        assertThat(rmsDb(out, 0, 4800, 43200)).isCloseTo(-13.01 - 3.01, within(0.05));
        assertThat(rmsDb(out, 1, 4800, 43200)).isCloseTo(-13.01 - 3.01, within(0.05));
    }

    @Test
    void muteSilencesATrackAndSoloSilencesEveryOtherTrack() {
        Mixer m = new Mixer(RATE, 1024);
        Mixer.Track a = m.addTrack("a", ClipFeed.of(sine(200, -12, 1), 0), strip(-1));
        Mixer.Track b = m.addTrack("b", ClipFeed.of(sine(3000, -12, 1), 0), strip(1));
        a.setMuted(true);
        AudioClip muted = new OfflineRenderer(1).render(m, RATE);
        assertThat(rmsDb(muted, 0, 4800, 43200)).isLessThan(-120);
        assertThat(rmsDb(muted, 1, 4800, 43200)).isCloseTo(-15.01, within(0.05));

        a.setMuted(false);
        a.setSolo(true);
        AudioClip soloed = new OfflineRenderer(1).render(m, RATE);
        assertThat(rmsDb(soloed, 0, 4800, 43200)).isCloseTo(-15.01, within(0.05));
        assertThat(rmsDb(soloed, 1, 4800, 43200)).isLessThan(-120);

        b.setSolo(true);
        AudioClip both = new OfflineRenderer(1).render(m, RATE);
        assertThat(rmsDb(both, 1, 4800, 43200)).isCloseTo(-15.01, within(0.05));
    }

    @Test
    void unmutingRampsInWithoutAClick() {
        Mixer m = new Mixer(RATE, 512);
        Mixer.Track t = m.addTrack("dc", ClipFeed.of(new AudioClip(RATE, 1, filled(RATE, 0.5f)), 0), strip(-1));
        t.setMuted(true);
        float[] out = new float[1024];
        for (int b = 0; b < 40; b++) {
            m.render(512L * b, out, 512); // the strip's pan settles while muted
        }
        t.setMuted(false);
        float[] left = new float[1024];
        for (int b = 0; b < 2; b++) {
            m.render(512L * (40 + b), out, 512);
            for (int f = 0; f < 512; f++) {
                left[512 * b + f] = out[2 * f];
            }
        }
        double maxStep = 0;
        for (int f = 1; f < 1024; f++) {
            maxStep = Math.max(maxStep, Math.abs(left[f] - left[f - 1]));
        }
        assertThat(left[0]).isZero();
        assertThat(left[1023]).isCloseTo(0.5f, within(0.001f));
        assertThat(maxStep).isLessThan(0.5 / 100);
    }

    @Test
    void withBlocksShorterThanFiveMillisecondsAMuteStillRampsOverFiveMilliseconds() {
        Mixer m = new Mixer(RATE, 64);
        ChannelStrip s = new ChannelStrip();
        s.setPanBypassed(true);
        Mixer.Track t = m.addTrack("dc", new LoopFeed(new AudioClip(RATE, 1, filled(RATE, 0.5f))), s);
        float[] out = new float[128];
        float[] left = new float[64 * 48];
        for (int b = 0; b < 48; b++) {
            if (b == 20) {
                t.setMuted(true);
            }
            m.render(64L * b, out, 64);
            for (int f = 0; f < 64; f++) {
                left[64 * b + f] = out[2 * f];
            }
        }
        int first = 20 * 64 + m.latencyFrames();
        assertThat(left[first - 1]).isEqualTo(0.5f);
        // 0.5 to 0 in a straight line at 0.5 / 240 a frame (5 ms at 48 kHz), the last of the four blocks it
        // takes finishing the line at a gentler slope: never a step larger than 0.5 / 240
        for (int f = first; f < first + 192; f++) {
            assertThat((double) (left[f - 1] - left[f])).as("frame %d", f).isCloseTo(0.5 / 240, within(1e-6));
        }
        for (int f = first + 192; f < first + 256; f++) {
            assertThat((double) (left[f - 1] - left[f])).as("frame %d", f).isBetween(0.0, 0.5 / 240);
        }
        assertThat(left[first + 238]).isPositive();
        assertThat(left[first + 255]).isCloseTo(0f, within(1e-7f));
        assertThat(left[64 * 48 - 1]).isZero();
    }

    private static float[] filled(int n, float v) {
        float[] s = new float[n];
        java.util.Arrays.fill(s, v);
        return s;
    }

    @Test
    void aBusSumsItsTracksThroughItsOwnProcessingAndFader() {
        Mixer m = new Mixer(RATE, 1024);
        Mixer.Bus drums = m.addBus("drums", null);
        drums.setFaderDb(-6);
        Mixer.Track a = m.addTrack("a", ClipFeed.of(sine(300, -20, 1), 0), strip(-1));
        Mixer.Track b = m.addTrack("b", ClipFeed.of(sine(300, -20, 1), 0), strip(-1));
        a.routeTo(drums);
        b.routeTo(drums);
        AudioClip out = new OfflineRenderer(1).render(m, RATE);
        // two identical sines add up to +6.02 dB, the bus takes 6 dB off: back to -23.01 dB RMS
        assertThat(rmsDb(out, 0, 4800, 43200)).isCloseTo(-23.01 + 6.02 - 6, within(0.05));

        ChannelStrip busStrip = new ChannelStrip();
        busStrip.setPanBypassed(true);
        busStrip.eq().setBand(0, EqBand.of(FilterType.PEAK, 300, -12, 1));
        Mixer m2 = new Mixer(RATE, 1024);
        Mixer.Bus eqd = m2.addBus("eq", busStrip);
        m2.addTrack("a", ClipFeed.of(sine(300, -20, 1), 0), strip(-1)).routeTo(eqd);
        AudioClip out2 = new OfflineRenderer(1).render(m2, RATE);
        assertThat(rmsDb(out2, 0, 4800, 43200)).isCloseTo(-23.01 - 12, within(0.1));
    }

    @Test
    void aClipPlacedAtAnOffsetStartsAtThatFrame() {
        Mixer m = new Mixer(RATE, 1000);
        float[] click = new float[100];
        click[0] = 0.5f;
        m.addTrack("click", ClipFeed.of(new AudioClip(RATE, 1, click), 12345), strip(-1));
        AudioClip out = new OfflineRenderer(2).render(m, 20000);
        int first = -1;
        for (int f = 0; f < out.frames(); f++) {
            if (out.samples()[2 * f] != 0) {
                first = f;
                break;
            }
        }
        assertThat(first).isEqualTo(12345);
        assertThat(out.samples()[2 * 12345]).isCloseTo(0.5f, within(1e-6f));
    }

    private static Mixer busySession() {
        Mixer m = new Mixer(RATE, 700);
        Mixer.Bus bus = m.addBus("group", new ChannelStrip());
        for (int i = 0; i < 7; i++) {
            ChannelStrip s = new ChannelStrip();
            s.eq().setBand(1, EqBand.of(FilterType.PEAK, 400 + 300 * i, 4, 1.2));
            s.compressor().setBypassed(false);
            s.compressor().setThresholdDb(-30);
            s.setPan(-1 + i / 3.0);
            Mixer.Track t = m.addTrack("t" + i, new LoopFeed(new PinkNoise(i, -14).render(0.37 + 0.1 * i, RATE, 1 + i % 2)), s);
            if (i % 3 == 0) {
                t.routeTo(bus);
            }
        }
        m.setMasterFaderDb(6);
        return m;
    }

    @Test
    void aSessionRendersBitIdenticallyOnOneOrTwoThreads() {
        AudioClip one = new OfflineRenderer(1).render(busySession(), RATE * 2);
        AudioClip two = new OfflineRenderer(2).render(busySession(), RATE * 2);
        AudioClip again = new OfflineRenderer(2).render(busySession(), RATE * 2);
        assertThat(two.samples()).isEqualTo(one.samples());
        assertThat(again.samples()).isEqualTo(one.samples());
        // the master limiter's ceiling is -1 dBTP; measured independently (8x windowed sinc) the
        // pink-noise session reaches -0.77 dBTP: the limiter overshoot found in LimiterTest
        assertThat(LimiterTest.truePeakDb(one.samples(), 0)).isLessThanOrEqualTo(-0.5);
    }

    @Test
    void aSessionWrittenToWavReadsBackSampleForSample() throws Exception {
        Path file = dir.resolve("mix.wav");
        List<Long> progress = new java.util.ArrayList<>();
        new OfflineRenderer(2).renderToWav(busySession(), RATE, file, progress::add);
        AudioClip back = WavReader.read(file);
        AudioClip memory = new OfflineRenderer(1).render(busySession(), RATE);
        assertThat(back.channels()).isEqualTo(2);
        assertThat(back.sampleRate()).isEqualTo(RATE);
        assertThat(back.samples()).isEqualTo(memory.samples());
        assertThat(progress).isSorted().last().isEqualTo((long) RATE);
    }

    /** Renders three tracks of one clip each through full strips; {@code monoPath} false hides fillMono. */
    private static float[] renderMonoTracks(boolean monoPath, boolean clipFeeds) {
        Mixer mixer = new Mixer(RATE, 512);
        for (int i = 0; i < 3; i++) {
            AudioClip clip = new PinkNoise(40 + i, -18 + 3 * i).render(2.3, RATE, 1);
            TrackFeed feed = clipFeeds ? ClipFeed.of(clip, 1000L * i) : new LoopFeed(clip);
            TrackFeed used = monoPath ? feed : feed::fill;
            ChannelStrip strip = new ChannelStrip();
            strip.eq().setBand(0, EqBand.of(FilterType.LOW_SHELF, 120, 3, 0.7));
            strip.eq().setBand(1, EqBand.of(FilterType.PEAK, 400 + 300 * i, -4, 1.4));
            strip.eq().setBand(2, EqBand.of(FilterType.PEAK, 3000, 2 + i, 1));
            strip.compressor().setBypassed(false);
            strip.compressor().setThresholdDb(-26);
            strip.compressor().setRatio(3);
            strip.setPan(-0.6 + 0.6 * i);
            strip.setFaderDb(-2 * i);
            mixer.addTrack("t" + i, used, strip);
        }
        return new OfflineRenderer(2).render(mixer, 3 * RATE).samples();
    }

    /** Mono tracks' strips run once on the mono signal: the render is the same, sample for sample. */
    @Test
    void monoTracksRenderExactlyAsTheirStereoCopies() {
        for (boolean clipFeeds : new boolean[] {false, true}) {
            float[] stereoPath = renderMonoTracks(false, clipFeeds);
            float[] monoPath = renderMonoTracks(true, clipFeeds);
            assertThat(monoPath).containsExactly(stereoPath);
            double energy = 0;
            for (float v : monoPath) {
                energy += v * v;
            }
            assertThat(energy).isGreaterThan(100);
        }
    }
}
