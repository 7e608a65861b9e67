package org.controlroom.dsp.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.mix.SegmentFeed.FadeCurve;
import org.controlroom.dsp.mix.SegmentFeed.Segment;
import org.junit.jupiter.api.Test;

class SegmentFeedTest {

    private static final int RATE = 48000;

    /** A mono clip whose frame i holds (i + 1) / 100000. */
    private static AudioClip numbered(int frames) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (i + 1) / 100000f;
        }
        return new AudioClip(RATE, 1, s);
    }

    private static AudioClip dc(int frames, float v) {
        float[] s = new float[frames];
        Arrays.fill(s, v);
        return new AudioClip(RATE, 1, s);
    }

    private static float[] fill(SegmentFeed feed, long start, int frames) {
        float[] out = new float[2 * frames];
        Arrays.fill(out, 9f);   // fill must overwrite everything
        feed.fill(out, start, frames);
        return out;
    }

    @Test
    void aSegmentPlaysItsStretchOfTheClipAtItsSessionFrameAtItsGainOnBothSides() {
        AudioClip clip = numbered(1000);
        SegmentFeed feed = new SegmentFeed(RATE, List.of(Segment.of(clip, 100, 5000, 300).withGainDb(-20)));
        float[] out = fill(feed, 4900, 600);
        for (int f = 0; f < 600; f++) {
            long session = 4900 + f;
            double expected = session >= 5000 && session < 5300 ? (100 + session - 5000 + 1) / 100000.0 * 0.1 : 0;
            assertThat((double) out[2 * f]).as("session frame %d", session).isCloseTo(expected, within(1e-8));
            assertThat(out[2 * f + 1]).isEqualTo(out[2 * f]);
        }
        assertThat(feed.endFrame()).isEqualTo(5300);
    }

    @Test
    void aStereoSegmentKeepsItsSidesAndOverlappingSegmentsAddUp() {
        AudioClip stereo = AudioClip.ofChannels(RATE, new float[] {0.1f, 0.1f, 0.1f, 0.1f}, new float[] {0.2f, 0.2f, 0.2f, 0.2f});
        SegmentFeed feed = new SegmentFeed(RATE, List.of(Segment.of(dc(4, 0.5f), 0, 12, 4), Segment.of(stereo, 0, 10, 4)));
        float[] out = fill(feed, 8, 10);
        // frames 10, 11: stereo only; 12, 13: both; 14, 15: mono only
        assertThat(out[2 * 2]).isEqualTo(0.1f);
        assertThat(out[2 * 2 + 1]).isEqualTo(0.2f);
        assertThat(out[2 * 4]).isEqualTo(0.6f);
        assertThat(out[2 * 4 + 1]).isEqualTo(0.7f);
        assertThat(out[2 * 6]).isEqualTo(0.5f);
        assertThat(out[2 * 6 + 1]).isEqualTo(0.5f);
        assertThat(out[2 * 8]).isZero();
        assertThat(out[0]).isZero();
    }

    /** The gain each side of a crossfade of {@code n} frames applies, frame by frame over [from, from + len). */
    private static double[][] sides(FadeCurve curve, int n, long join, long from, int len) {
        AudioClip one = dc(RATE, 1f);
        List<Segment> pair = SegmentFeed.crossfade(one, 0, 0, one, 20000, join, 10000, n);
        float[] a = fill(new SegmentFeed(RATE, curve, List.of(pair.get(0))), from, len);
        float[] b = fill(new SegmentFeed(RATE, curve, List.of(pair.get(1))), from, len);
        double[][] g = new double[2][len];
        for (int f = 0; f < len; f++) {
            g[0][f] = a[2 * f];
            g[1][f] = b[2 * f];
        }
        return g;
    }

    @Test
    void anEqualPowerCrossfadeFollowsSineAndCosineAndKeepsThePowerConstant() {
        int n = 480;
        long join = 10000;
        long start = join - n / 2;
        double[][] g = sides(FadeCurve.EQUAL_POWER, n, join, start - 10, n + 20);
        for (int f = 0; f < n + 20; f++) {
            long k = start - 10 + f - start;   // frame within the fade
            if (k < 0) {
                assertThat(g[0][f]).isEqualTo(1.0);
                assertThat(g[1][f]).isZero();
            } else if (k >= n) {
                assertThat(g[0][f]).isZero();
                assertThat(g[1][f]).isEqualTo(1.0);
            } else {
                double t = (k + 0.5) / n;
                assertThat(g[1][f]).as("fade-in at %d", k).isCloseTo(Math.sin(t * Math.PI / 2), within(1e-6));
                assertThat(g[0][f]).as("fade-out at %d", k).isCloseTo(Math.cos(t * Math.PI / 2), within(1e-6));
                assertThat(g[0][f] * g[0][f] + g[1][f] * g[1][f]).isCloseTo(1, within(1e-6));
            }
        }
    }

    @Test
    void aLinearCrossfadeKeepsTheAmplitudeConstant() {
        int n = 100;
        long join = 5000;
        double[][] g = sides(FadeCurve.LINEAR, n, join, join - n / 2, n);
        for (int k = 0; k < n; k++) {
            assertThat(g[1][k]).isCloseTo((k + 0.5) / n, within(1e-6));
            assertThat(g[0][k] + g[1][k]).isCloseTo(1, within(1e-6));
        }
        // the two copies of a steady signal joined: the sum never moves
        AudioClip one = dc(RATE, 0.5f);
        SegmentFeed both = new SegmentFeed(RATE, FadeCurve.LINEAR,
                SegmentFeed.crossfade(one, 0, 0, one, 20000, join, 10000, n));
        float[] out = fill(both, 0, 15001);
        for (int f = 0; f < join + 10000; f++) {
            assertThat((double) out[2 * f]).as("frame %d", f).isCloseTo(0.5, within(1e-6));
        }
        assertThat(out[2 * (int) (join + 10000)]).isZero();
    }

    @Test
    void eachTakeOfACrossfadedJoinStaysInTimeWithItself() {
        AudioClip take1 = numbered(40000);
        AudioClip take2 = numbered(40000);
        // take 1 starts at its frame 0 at session frame 1000; take 2's frame 30000 is due at the join, frame 9000
        List<Segment> pair = SegmentFeed.crossfade(take1, 0, 1000, take2, 30000, 9000, 5000, 64);
        float[] a = fill(new SegmentFeed(RATE, FadeCurve.LINEAR, List.of(pair.get(0))), 8000, 2000);
        float[] b = fill(new SegmentFeed(RATE, FadeCurve.LINEAR, List.of(pair.get(1))), 8000, 2000);
        // well before the fade, take 1 plays unfaded: session frame 8500 is its frame 7500
        assertThat((double) a[2 * 500]).isCloseTo(7501 / 100000.0, within(1e-8));
        // in the middle of the fade (frame 9000 is its 32nd frame of 64), each side plays its own clip frame
        double t = 32.5 / 64;
        assertThat((double) a[2 * 1000]).isCloseTo(8001 / 100000.0 * (1 - t), within(1e-7));
        assertThat((double) b[2 * 1000]).isCloseTo(30001 / 100000.0 * t, within(1e-7));
        // after the fade only take 2, in time: session frame 9500 is its frame 30500
        assertThat(a[2 * 1500]).isZero();
        assertThat((double) b[2 * 1500]).isCloseTo(30501 / 100000.0, within(1e-8));
        assertThat(pair.get(1).destinationEndFrame()).isEqualTo(9000 + 5000);
    }

    @Test
    void aCompPlaysEachTakeInTimeUntilItsJoinWithEachJoinCrossfaded() {
        // three takes of one phrase, each a different steady level, so the sum shows which plays
        AudioClip t1 = dc(20000, 0.2f);
        AudioClip t2 = dc(20000, 0.4f);
        AudioClip t3 = dc(20000, 0.8f);
        List<Segment> comp = SegmentFeed.comp(1000, List.of(new SegmentFeed.CompPart(t1, 3000),
                new SegmentFeed.CompPart(t2, 6000), new SegmentFeed.CompPart(t3, 9000)), 100);
        float[] out = fill(new SegmentFeed(RATE, FadeCurve.LINEAR, comp), 0, 10000);
        assertThat(out[2 * 999]).isZero();
        assertThat(out[2 * 1000]).isEqualTo(0.2f);
        assertThat(out[2 * 2949]).isEqualTo(0.2f);
        for (int k = 0; k < 100; k++) {
            double t = (k + 0.5) / 100;
            assertThat((double) out[2 * (2950 + k)]).isCloseTo(0.2 * (1 - t) + 0.4 * t, within(1e-6));
            assertThat((double) out[2 * (5950 + k)]).isCloseTo(0.4 * (1 - t) + 0.8 * t, within(1e-6));
        }
        assertThat(out[2 * 4500]).isEqualTo(0.4f);
        assertThat(out[2 * 8999]).isEqualTo(0.8f);
        assertThat(out[2 * 9000]).isZero();
        // each take stays in time with the phrase: the part of take 2 starts at its own frame 1950
        assertThat(comp.get(1).sourceStartFrame()).isEqualTo(2950 - 1000);
        assertThat(comp.get(1).destinationStartFrame()).isEqualTo(2950);
        assertThatThrownBy(() -> SegmentFeed.comp(0, List.of(new SegmentFeed.CompPart(t1, 3000),
                new SegmentFeed.CompPart(t2, 3050)), 100)).hasMessageContaining("too short");
    }

    @Test
    void aNewListFromAnotherThreadCrossfadesInFromTheNextBlock() throws Exception {
        SegmentFeed feed = new SegmentFeed(RATE, List.of(Segment.of(dc(RATE, 0.25f), 0, 0, RATE)));
        float[] first = fill(feed, 0, 512);
        Thread editor = new Thread(() -> feed.setSegments(List.of(Segment.of(dc(RATE, 0.125f), 0, 0, RATE))));
        editor.start();
        editor.join();
        float[] next = fill(feed, 512, 512);
        assertThat(first[2 * 511]).isEqualTo(0.25f);
        // from the next block's first frame, a straight crossfade over 5 ms (240 frames) to the new list
        int n = feed.swapFadeFrames();
        assertThat(n).isEqualTo(240);
        for (int f = 0; f < 512; f++) {
            double r = Math.min(1, (f + 1) / (double) n);
            assertThat((double) next[2 * f]).as("frame %d", f).isCloseTo(0.25 * (1 - r) + 0.125 * r, within(1e-6));
        }
        assertThat(next[2 * (n - 1)]).isEqualTo(0.125f);
        assertThat(feed.segments()).singleElement().extracting(Segment::destinationStartFrame).isEqualTo(0L);
    }

    @Test
    void swappingInAListThatPlaysTheSameAudioChangesNothing() {
        AudioClip clip = numbered(20000);
        SegmentFeed feed = new SegmentFeed(RATE, List.of(Segment.of(clip, 0, 0, 20000)));
        float[] before = fill(feed, 0, 512);
        // the same audio up to frame 10000, something else after: the swap at frame 512 is seamless
        feed.setSegments(List.of(Segment.of(clip, 0, 0, 10000), Segment.of(dc(RATE, 0.5f), 0, 10000, 1000)));
        float[] after = fill(feed, 512, 512);
        for (int f = 0; f < 512; f++) {
            assertThat((double) after[2 * f]).isCloseTo((512 + f + 1) / 100000.0, within(1e-7));
        }
        assertThat(before[2 * 511]).isEqualTo(512 / 100000f);
    }

    @Test
    void inAMixerASegmentIsHeardAtItsSessionFrame() {
        float[] click = new float[50];
        click[0] = 0.5f;
        AudioClip clicks = new AudioClip(RATE, 1, click);
        Mixer m = new Mixer(RATE, 1000);
        ChannelStrip strip = new ChannelStrip();
        strip.setPanBypassed(true);
        m.addTrack("comp", new SegmentFeed(RATE, List.of(Segment.of(clicks, 0, 12345, 50))), strip);
        AudioClip out = new OfflineRenderer(2).render(m, 20000);
        int first = -1;
        for (int f = 0; f < out.frames() && first < 0; f++) {
            if (out.samples()[2 * f] != 0) {
                first = f;
            }
        }
        assertThat(first).isEqualTo(12345);
        assertThat(out.samples()[2 * 12345]).isEqualTo(0.5f);
    }

    @Test
    void aClipAtAnotherRateThanTheSessionIsRefusedWithWhatToDo() {
        AudioClip cd = new AudioClip(44100, 1, new float[44100]);
        assertThatThrownBy(() -> new SegmentFeed(RATE, List.of(Segment.of(cd, 0, 0, 100))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a segment's clip is at 44100 Hz but the session runs at 48000 Hz; resample it to the "
                        + "session rate when loading it (the decoders in dsp.io can)");
        SegmentFeed feed = new SegmentFeed(RATE, List.of());
        assertThatThrownBy(() -> feed.setSegments(List.of(Segment.of(cd, 0, 0, 100))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(feed.segments()).isEmpty();

        Mixer m = new Mixer(RATE, 512);
        assertThatThrownBy(() -> m.addTrack("guitar", ClipFeed.of(cd, 0), new ChannelStrip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("track guitar plays audio at 44100 Hz but the session runs at 48000 Hz; resample it to "
                        + "the session rate when loading it (the decoders in dsp.io can)");
        assertThatThrownBy(() -> m.addTrack("loop", new LoopFeed(cd), new ChannelStrip()))
                .hasMessageContaining("44100 Hz");
        assertThat(m.tracks()).isEmpty();
        assertThatThrownBy(() -> new ClipFeed(List.of(new ClipFeed.Placement(cd, 0),
                new ClipFeed.Placement(new AudioClip(RATE, 1, new float[10]), 0))))
                .hasMessageContaining("one sample rate");
    }

    @Test
    void aSegmentMustLieInsideItsClipAndItsFadesInsideItself() {
        AudioClip clip = dc(100, 1f);
        assertThatThrownBy(() -> Segment.of(clip, 50, 0, 60)).hasMessageContaining("past the end of its clip");
        assertThatThrownBy(() -> Segment.of(clip, 0, 0, 60).withFades(40, 30)).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> Segment.of(clip, 0, -1, 60)).hasMessageContaining("before");
    }
}
