package org.controlroom.dsp.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.controlroom.dsp.meter.TestSignals.repeat;
import static org.controlroom.dsp.meter.TestSignals.seg;
import static org.controlroom.dsp.meter.TestSignals.sineSegments;

import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;

/** The live meter against EBU Tech 3341 (synthesised) and against the offline {@link LoudnessMeter}. */
class LiveLoudnessTest {

    private static final double FS = 48000;

    /** Feeds the clip in blocks of 480 frames (as a player would) and returns the meter. */
    private static LiveLoudness live(AudioClip clip) {
        LiveLoudness m = new LiveLoudness();
        m.prepare(clip.sampleRate(), clip.channels());
        int frames = clip.frames();
        for (int f = 0; f < frames; f += 480) {
            m.process(clip.samples(), f, Math.min(480, frames - f));
        }
        return m;
    }

    private static void readsAsOffline(AudioClip clip, double expectedIntegrated) {
        LiveLoudness m = live(clip);
        LoudnessReading offline = LoudnessMeter.measure(clip);
        assertThat(m.integratedLufs()).isCloseTo(expectedIntegrated, within(0.1))
                .isCloseTo(offline.integratedLufs(), within(0.01));
        assertThat(m.momentaryLufs()).isCloseTo(offline.momentaryLufs(), within(1e-9));
        assertThat(m.shortTermLufs()).isCloseTo(offline.shortTermLufs(), within(1e-9));
    }

    @Test
    void case1StereoSineAtMinus23DbfsReadsMinus23() {
        readsAsOffline(sineSegments(FS, 2, List.of(seg(-23, 20))), -23);
    }

    @Test
    void case3And4TheGatesLeaveOutTheQuietParts() {
        readsAsOffline(sineSegments(FS, 2, List.of(seg(-36, 10), seg(-23, 60), seg(-36, 10))), -23);
        readsAsOffline(sineSegments(FS, 2, List.of(seg(-72, 10), seg(-36, 10), seg(-23, 60),
                seg(-36, 10), seg(-72, 10))), -23);
    }

    @Test
    void case5ALouderMiddleAveragesToMinus23() {
        readsAsOffline(sineSegments(FS, 2, List.of(seg(-26, 20), seg(-20, 20.1), seg(-26, 20))), -23);
    }

    @Test
    void case12MomentaryIsMinus23OverShortBursts() {
        LiveLoudness m = live(sineSegments(FS, 2, repeat(20, seg(-20, 0.18), seg(-30, 0.22))));
        assertThat(m.momentaryLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void startingOverForgetsWhatCameBeforeAndStartingTheIntegratedOverKeepsTheWindows() {
        AudioClip loud = sineSegments(FS, 2, List.of(seg(-10, 5)));
        AudioClip quiet = sineSegments(FS, 2, List.of(seg(-30, 5)));
        LiveLoudness m = live(loud);
        double momentary = m.momentaryLufs();
        m.resetIntegrated();
        assertThat(m.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m.momentaryLufs()).isEqualTo(momentary).isCloseTo(-10, within(0.1));
        m.reset();
        m.process(quiet.samples(), 0, quiet.frames());
        assertThat(m.integratedLufs()).isCloseTo(-30, within(0.1));
        LiveLoudness fresh = new LiveLoudness();
        fresh.prepare(FS, 2);
        assertThat(fresh.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
