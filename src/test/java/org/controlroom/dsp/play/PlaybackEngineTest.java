package org.controlroom.dsp.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;

class PlaybackEngineTest {

    private static final double RATE = 48000;
    private static final int BLOCK = 256;
    /** A stand-in meter for tests that are not about loudness. */
    private static final LoudnessMeasure FLAT = clip -> -23.0;

    private static PlaybackEngine engine(int channels, double fadeMs) {
        return new PlaybackEngine(RATE, channels, BLOCK, fadeMs, FLAT);
    }

    private static AudioClip dc(int channels, int frames, float value) {
        float[] s = new float[channels * frames];
        Arrays.fill(s, value);
        return new AudioClip(RATE, channels, s);
    }

    private static AudioClip ramp(int frames) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = i / (float) frames;
        }
        return new AudioClip(RATE, 1, s);
    }

    /** Renders {@code blocks} blocks and returns all samples. */
    private static float[] renderBlocks(PlaybackEngine e, int blocks) {
        float[] all = new float[blocks * BLOCK * e.channels()];
        float[] block = new float[BLOCK * e.channels()];
        for (int b = 0; b < blocks; b++) {
            e.render(block, BLOCK);
            System.arraycopy(block, 0, all, b * block.length, block.length);
        }
        return all;
    }

    private static PlaybackEngine playingAt(PlaybackEngine e) {
        e.play();
        renderBlocks(e, 4); // past the transport fade-in
        return e;
    }

    @Test
    void switchingSourcesCrossfadesWithoutDiscontinuityAndWithinOneBuffer() {
        PlaybackEngine e = engine(1, 10);
        e.load(PlaybackSource.A, dc(1, 48000, 0.5f));
        e.load(PlaybackSource.B, dc(1, 48000, -0.5f));
        playingAt(e);
        float[] before = renderBlocks(e, 1);
        assertThat(before).containsOnly(0.5f);

        e.select(PlaybackSource.B);
        float[] after = renderBlocks(e, 8);

        // A hard switch would jump by 1.0; the equal-power fade moves by at most pi/2/fadeFrames per sample.
        double bound = 2 * 0.5 * (Math.PI / 2) / e.crossfadeFrames() + 1e-6;
        double maxStep = Math.abs(after[0] - before[before.length - 1]);
        for (int i = 1; i < after.length; i++) {
            maxStep = Math.max(maxStep, Math.abs(after[i] - after[i - 1]));
        }
        assertThat(maxStep).isLessThan(bound).isLessThan(0.004);
        // The fade starts at the first sample of the next block and completes in crossfade time.
        assertThat(after[0]).isLessThan(0.5f);
        assertThat(after[e.crossfadeFrames() - 1]).isEqualTo(-0.5f, within(1e-3f));
        assertThat(Arrays.copyOfRange(after, e.crossfadeFrames(), after.length)).containsOnly(-0.5f);
        assertThat(e.crossfadeFrames()).isEqualTo(480);
    }

    @Test
    void crossfadeKeepsPowerConstant() {
        PlaybackEngine e = engine(2, 5);
        e.load(PlaybackSource.A, AudioClip.ofChannels(RATE, fill(48000, 1f), fill(48000, 0f)));
        e.load(PlaybackSource.BYPASS, AudioClip.ofChannels(RATE, fill(48000, 0f), fill(48000, 1f)));
        playingAt(e);

        e.select(PlaybackSource.BYPASS);
        float[] out = renderBlocks(e, 2);

        for (int f = 0; f < out.length / 2; f++) {
            double power = out[2 * f] * out[2 * f] + out[2 * f + 1] * out[2 * f + 1];
            assertThat(power).isEqualTo(1.0, within(1e-5));
        }
        assertThat(out[out.length - 2]).isZero();
        assertThat(out[out.length - 1]).isEqualTo(1f);
    }

    @Test
    void switchingBackMidFadeStaysContinuous() {
        PlaybackEngine e = new PlaybackEngine(RATE, 1, 64, 10, FLAT);
        e.load(PlaybackSource.A, dc(1, 48000, 0.5f));
        e.load(PlaybackSource.B, dc(1, 48000, -0.5f));
        e.play();
        float[] block = new float[64];
        for (int i = 0; i < 10; i++) {
            e.render(block, 64);
        }
        float last = block[63];
        double maxStep = 0;
        PlaybackSource[] toggles = {PlaybackSource.B, PlaybackSource.A, PlaybackSource.B, PlaybackSource.A};
        for (PlaybackSource s : toggles) {
            e.select(s);
            for (int k = 0; k < 3; k++) {
                e.render(block, 64);
                maxStep = Math.max(maxStep, Math.abs(block[0] - last));
                for (int i = 1; i < 64; i++) {
                    maxStep = Math.max(maxStep, Math.abs(block[i] - block[i - 1]));
                }
                last = block[63];
            }
        }
        assertThat(maxStep).isLessThan(0.004);
    }

    @Test
    void loopRegionWrapsSampleExactly() {
        PlaybackEngine e = engine(1, 10);
        AudioClip clip = ramp(10000);
        e.load(PlaybackSource.A, clip);
        e.setLoop(new LoopRegion(1000, 1100));  // 100 frames: wraps inside and across blocks
        e.play();
        renderBlocks(e, 10);                       // past the fade-in
        long pos = e.position();
        assertThat(pos).isBetween(1000L, 1099L);

        float[] out = renderBlocks(e, 4);

        for (int i = 0; i < out.length; i++) {
            long frame = 1000 + (pos - 1000 + i) % 100;
            assertThat(out[i]).as("output sample %d", i).isEqualTo(clip.samples()[(int) frame]);
        }
        assertThat(e.position()).isEqualTo(1000 + (pos - 1000 + out.length) % 100);
    }

    @Test
    void loopRegionOfStereoClipWrapsEachChannelTogether() {
        PlaybackEngine e = engine(2, 1);
        float[] left = new float[5000];
        float[] right = new float[5000];
        for (int i = 0; i < 5000; i++) {
            left[i] = i;
            right[i] = -i;
        }
        e.load(PlaybackSource.A, AudioClip.ofChannels(RATE, left, right));
        e.setLoop(new LoopRegion(4900, 5000));
        e.play();
        renderBlocks(e, 3);
        long pos = e.position();

        float[] out = renderBlocks(e, 2);

        for (int f = 0; f < out.length / 2; f++) {
            long frame = 4900 + (pos - 4900 + f) % 100;
            assertThat(out[2 * f]).isEqualTo(frame);
            assertThat(out[2 * f + 1]).isEqualTo(-frame);
        }
    }

    @Test
    void settingALoopOutsideThePlayheadJumpsToItsStart() {
        PlaybackEngine e = engine(1, 0);
        e.load(PlaybackSource.A, ramp(48000));

        e.setLoop(new LoopRegion(24000, 24100));
        float[] out = renderBlocks(e, 1);

        assertThat(out).containsOnly(0f);     // not playing yet
        assertThat(e.position()).isEqualTo(24000);
        assertThatThrownBy(() -> new LoopRegion(100, 100)).hasMessageContaining("must come after its start");
    }

    @Test
    void pauseFadesOutAndHoldsThePlayheadThenPlayResumesThere() {
        PlaybackEngine e = engine(1, 2);
        e.load(PlaybackSource.A, dc(1, 48000, 0.5f));
        playingAt(e);

        e.pause();
        float[] out = renderBlocks(e, 1);
        long held = e.position();
        float[] silent = renderBlocks(e, 2);

        assertThat(out[0]).isGreaterThan(0.49f);                  // fading, not cut
        assertThat(out[e.crossfadeFrames()]).isZero();
        assertThat(silent).containsOnly(0f);
        assertThat(e.position()).isEqualTo(held);
        assertThat(held).isBetween(4L * BLOCK + e.crossfadeFrames() - 1, 4L * BLOCK + e.crossfadeFrames());

        e.play();
        renderBlocks(e, 1);
        assertThat(e.position()).isEqualTo(held + BLOCK);
    }

    @Test
    void stopRewindsToTheStartAndPlaybackEndsAtTheEndOfTheAudio() {
        PlaybackEngine e = engine(1, 1);
        e.load(PlaybackSource.A, dc(1, 1000, 0.5f));
        playingAt(e);                                  // 1024 frames: past the end
        assertThat(e.isPlaying()).isFalse();
        assertThat(e.position()).isZero();

        e.play();
        renderBlocks(e, 2);
        e.stop();
        renderBlocks(e, 1);
        renderBlocks(e, 1);
        assertThat(e.position()).isZero();
        assertThat(e.isPlaying()).isFalse();
    }

    @Test
    void monoClipsPlayOnEveryChannelAndMismatchedClipsAreRefused() {
        PlaybackEngine e = engine(2, 0);
        e.load(PlaybackSource.A, dc(1, 4800, 0.25f));
        playingAt(e);
        float[] out = renderBlocks(e, 1);
        assertThat(out).containsOnly(0.25f);

        assertThatThrownBy(() -> e.load(PlaybackSource.B, new AudioClip(44100, 2, new float[2])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the clip for B is at 44100 Hz but playback runs at 48000 Hz; "
                        + "convert it to the same rate first");
        assertThatThrownBy(() -> e.load(PlaybackSource.B, new AudioClip(RATE, 3, new float[3])))
                .hasMessage("the clip for B has 3 channels but playback has 2");
        assertThatThrownBy(() -> e.select(PlaybackSource.B))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing is loaded as B");
    }

    @Test
    void loudnessMatchingTurnsTheLouderSourceDownToTheQuieterOne() {
        // A meter that reads RMS in dB stands in for LUFS here: the gain logic is what is tested.
        LoudnessMeasure rms = clip -> {
            double sum = 0;
            for (float v : clip.samples()) {
                sum += v * v;
            }
            return 10 * Math.log10(sum / clip.samples().length);
        };
        PlaybackEngine e = new PlaybackEngine(RATE, 1, BLOCK, 10, rms);
        e.load(PlaybackSource.A, dc(1, 48000, 0.5f));
        e.load(PlaybackSource.B, dc(1, 48000, 0.125f));   // 12.04 dB quieter
        e.setLoudnessMatching(true);

        assertThat(e.matchGainDb(PlaybackSource.A)).isEqualTo(-12.04, within(0.01));
        assertThat(e.matchGainDb(PlaybackSource.B)).isEqualTo(0.0, within(1e-9));
        playingAt(e);
        renderBlocks(e, 10);
        assertThat(maxDistance(renderBlocks(e, 1), 0.125f)).isLessThan(1e-5);

        e.setLoudnessMatching(false);
        renderBlocks(e, 10);
        assertThat(maxDistance(renderBlocks(e, 1), 0.5f)).isLessThan(1e-5);
    }

    @Test
    void renderRefusesBlocksLargerThanPrepared() {
        PlaybackEngine e = engine(1, 10);
        assertThatThrownBy(() -> e.render(new float[BLOCK + 1], BLOCK + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double maxDistance(float[] values, float expected) {
        double d = 0;
        for (float v : values) {
            d = Math.max(d, Math.abs(v - expected));
        }
        return d;
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }
}
