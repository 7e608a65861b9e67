package org.controlroom.dsp.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.meter.LoudnessReading;
import org.controlroom.dsp.meter.TruePeakMeter;
import org.controlroom.dsp.mix.LoopFeed;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.dsp.mix.SegmentFeed;
import org.controlroom.dsp.mix.TrackFeed;
import org.controlroom.dsp.source.SineSource;
import org.junit.jupiter.api.Test;

/**
 * A mixer played live through the real {@link Player}, with a stand-in device that holds the player
 * between blocks ({@link LockstepOutput}): a change made while it is held must be in the next block.
 * Output is read back as the 16-bit samples the device receives (full scale 32767).
 */
class MixerPlaybackTest {

    private static final int RATE = 48000;
    private static final int BLOCK = 512;
    private static final int BUFFER = 2 * BLOCK;

    /** A strip that passes audio unchanged: unity trim and fader, flat EQ, compressor out, pan out. */
    private static ChannelStrip transparentStrip() {
        ChannelStrip s = new ChannelStrip();
        s.setPanBypassed(true);
        return s;
    }

    private static AudioClip dc(float value) {
        float[] s = new float[RATE];
        Arrays.fill(s, value);
        return new AudioClip(RATE, 1, s);
    }

    /** One second of a 1 kHz sine: exactly 1000 cycles, so it loops seamlessly. */
    private static AudioClip sine(double dbfs) {
        return new SineSource(1000, dbfs).render(1.0, RATE, 1);
    }

    private static short left(short[] pcm, int frame) {
        return pcm[2 * frame];
    }

    private static short right(short[] pcm, int frame) {
        return pcm[2 * frame + 1];
    }

    private static int pcm(double value) {
        return Math.round((float) value * 32767f);
    }

    /** Largest |left sample| in output frames [from, to), as a linear level (1.0 = full scale). */
    private static double peak(short[] pcm, int from, int to) {
        int m = 0;
        for (int f = from; f < to; f++) {
            m = Math.max(m, Math.abs(left(pcm, f)));
        }
        return m / 32767.0;
    }

    private static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    /** Plays until {@code blocks} blocks have been written and the player is held after the last. */
    private static void playTo(LockstepOutput out, long blocks) {
        out.awaitBlocks(1);
        if (blocks > 1) {
            out.advance(blocks - 1);
        }
    }

    @Test
    void aFaderMovedBetweenTwoBlocksIsInTheNextBlockAsAStraightRampOverTwentyMilliseconds() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        ChannelStrip strip = transparentStrip();
        mixer.addTrack("dc", new LoopFeed(dc(0.5f)), strip);
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 12);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            assertThat(player.blockFrames()).isEqualTo(BLOCK);
            playTo(out, 5);
            strip.setFaderDb(20 * Math.log10(0.5));   // half the level
            out.advance(5);
        }
        short[] s = out.samples();
        int lat = playback.latencyFrames();
        int first = 5 * BLOCK + lat;                  // block 5's first frame, through the limiter's delay
        int ramp = 960;                                // 20 ms at 48 kHz
        for (int f = 4 * BLOCK; f < first; f++) {
            assertThat(left(s, f)).as("frame %d, before the move", f).isEqualTo((short) pcm(0.5));
        }
        assertThat(left(s, first)).isLessThan((short) pcm(0.5));
        // 0.5 -> 0.25 in 960 equal steps: 0.25 / 960 of full scale = 8.53 LSB a frame
        for (int f = first; f < first + ramp; f++) {
            int step = left(s, f - 1) - left(s, f);
            assertThat(step).as("step into frame %d", f).isBetween(8, 9);
            assertThat(right(s, f)).isEqualTo(left(s, f));
        }
        assertThat(left(s, first + ramp - 2)).isGreaterThan((short) pcm(0.25));
        for (int f = first + ramp - 1; f < 10 * BLOCK; f++) {
            assertThat(left(s, f)).as("frame %d, after the ramp", f).isEqualTo((short) pcm(0.25));
        }
    }

    @Test
    void muteAndSoloBetweenBlocksRampAcrossTheNextBlock() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        Mixer.Track a = mixer.addTrack("a", new LoopFeed(dc(0.25f)), transparentStrip());
        mixer.addTrack("b", new LoopFeed(dc(0.125f)), transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 12);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 5);
            a.setMuted(true);
            out.advance(3);
            a.setMuted(false);
            a.setSolo(true);
            out.advance(3);
        }
        short[] s = out.samples();
        int lat = playback.latencyFrames();
        int muteAt = 5 * BLOCK + lat;
        assertThat(left(s, muteAt - 1)).isEqualTo((short) pcm(0.375));
        // a falls from 0.25 to 0 across the 512 frames of the block: 16 LSB a frame
        for (int f = muteAt; f < muteAt + BLOCK; f++) {
            assertThat(left(s, f - 1) - left(s, f)).as("step into frame %d", f).isBetween(15, 17);
        }
        for (int f = muteAt + BLOCK - 1; f < 8 * BLOCK + lat; f++) {
            assertThat(left(s, f)).isEqualTo((short) pcm(0.125));
        }
        // solo a: a rises 0 -> 0.25 while b falls 0.125 -> 0, net +0.125 over the block
        int soloAt = 8 * BLOCK + lat;
        for (int f = soloAt; f < soloAt + BLOCK; f++) {
            assertThat(left(s, f) - left(s, f - 1)).as("step into frame %d", f).isBetween(7, 9);
        }
        for (int f = soloAt + BLOCK - 1; f < 11 * BLOCK; f++) {
            assertThat(left(s, f)).isEqualTo((short) pcm(0.25));
        }
    }

    @Test
    void anEqBoostBetweenBlocksGlidesInFromTheNextBlockToTheCookbookGain() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        ChannelStrip strip = transparentStrip();   // band 0 is a flat bell at 1 kHz, Q 1
        mixer.addTrack("sine", new LoopFeed(sine(-20)), strip);
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 45);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 5);
            strip.eq().setGain(0, 12);
            out.advance(40);
        }
        short[] s = out.samples();
        int lat = playback.latencyFrames();
        int next = 5 * BLOCK + lat;
        assertThat(db(peak(s, next - 480, next))).isCloseTo(-20, within(0.01));
        // by the end of the next block the glide (10 ms time constant) is well under way
        assertThat(db(peak(s, next + BLOCK - 96, next + BLOCK))).isGreaterThan(-20 + 4);
        // settled: a peaking filter gives exactly its gain at its centre frequency
        assertThat(db(peak(s, 43 * BLOCK, 45 * BLOCK))).isCloseTo(-8, within(0.05));
        // no click: no sample-to-sample move beyond what the loudest sine here can make (2 sin(pi f / fs) A)
        double slope = 2 * Math.sin(Math.PI * 1000 / RATE) * Math.pow(10, -8 / 20.0) * 32767;
        for (int f = next; f < 45 * BLOCK; f++) {
            assertThat((double) Math.abs(left(s, f) - left(s, f - 1))).as("frame %d", f).isLessThanOrEqualTo(slope + 2);
        }
    }

    @Test
    void aCompressorThresholdChangedBetweenBlocksActsFromTheNextBlockAndItsGainReductionIsMetered() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        ChannelStrip strip = transparentStrip();
        strip.compressor().setSettings(new Compressor.Settings(0, 4, 6, 1, 100, 0, Compressor.Detection.PEAK, true));
        strip.compressor().setBypassed(false);
        mixer.addTrack("vocal", new LoopFeed(sine(-6)), strip);
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 30);
        MeterSnapshot before;
        MeterSnapshot after;
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 5);
            before = playback.meters();
            strip.compressor().setThresholdDb(-30);
            out.advance(25);
            after = playback.meters();
        }
        short[] s = out.samples();
        int next = 5 * BLOCK + playback.latencyFrames();
        // -6 dBFS is under the knee of a 0 dB threshold: untouched
        assertThat(db(peak(s, next - 480, next))).isCloseTo(-6, within(0.01));
        assertThat(before.compressors()).singleElement()
                .satisfies(g -> assertThat(g.name()).isEqualTo("vocal"))
                .satisfies(g -> assertThat(g.reductionDb()).isZero());
        // attack 1 ms: the second half of the very next block is already turned down
        assertThat(db(peak(s, next + BLOCK / 2, next + BLOCK))).isLessThan(-6 - 10);
        // static curve: 24 dB over a -30 dB threshold at 4:1 comes out 6 dB over: 18 dB of reduction
        assertThat(db(peak(s, 28 * BLOCK, 30 * BLOCK))).isCloseTo(-24, within(0.1));
        assertThat(after.compressors().get(0).reductionDb()).isCloseTo(18, within(0.05));
    }

    /** A feed whose sample value names the session frame: (frame mod 1024) / 4096. */
    private static final TrackFeed FRAME_NUMBERS = (stereo, start, frames) -> {
        for (int i = 0; i < frames; i++) {
            float v = ((start + i) % 1024) / 4096f;
            stereo[2 * i] = v;
            stereo[2 * i + 1] = v;
        }
    };

    /** The session frame (mod 1024) an output sample of {@link #FRAME_NUMBERS} came from. */
    private static long frameOf(short sample) {
        return Math.round(sample / (32767 / 4096.0));
    }

    @Test
    void aLoopPlaysItsRegionOverAndOverSampleExactly() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        mixer.addTrack("frames", FRAME_NUMBERS, transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.setLoop(new LoopRegion(3000, 4500));
        assertThat(playback.position()).isEqualTo(3000);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 12);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 12);
            assertThat(player.position()).isEqualTo(3000 + (12 * BLOCK) % 1500);
        }
        short[] s = out.samples();
        int lat = playback.latencyFrames();
        for (int o = 300; o < 12 * BLOCK; o++) {
            long expected = 3000 + (o - lat) % 1500;
            assertThat(frameOf(left(s, o))).as("output frame %d", o).isEqualTo(expected % 1024);
        }
    }

    @Test
    void aJumpWhilePlayingFadesOutLandsOnItsFrameAndFadesBackIn() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        mixer.addTrack("frames", FRAME_NUMBERS, transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 12);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 6);
            player.seek(20000);
            assertThat(player.position()).isEqualTo(20000);
            out.advance(6);
            assertThat(player.position()).isEqualTo(20000 + 5 * BLOCK);
        }
        short[] s = out.samples();
        int lat = playback.latencyFrames();
        int fade = playback.fadeFrames();
        for (int o = 5 * BLOCK; o < 6 * BLOCK; o++) {
            assertThat(frameOf(left(s, o))).as("output frame %d", o).isEqualTo((o - lat) % 1024);
        }
        // block 6 fades out and is then silent; block 7 starts at frame 20000
        for (int o = 6 * BLOCK + fade; o < 7 * BLOCK; o++) {
            assertThat(left(s, o)).isZero();
        }
        for (int o = 7 * BLOCK + Math.max(fade, lat); o < 12 * BLOCK; o++) {
            assertThat(frameOf(left(s, o))).as("output frame %d", o).isEqualTo((20000 + o - 7 * BLOCK - lat) % 1024);
        }
    }

    @Test
    void stopFadesOutAndReturnsToTheLoopStartAndASessionWithALengthStopsAtItsEnd() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        mixer.addTrack("frames", FRAME_NUMBERS, transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer, 3 * BLOCK, MixerPlayback.DEFAULT_FADE_MS);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 8);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 8);
            assertThat(player.isPlaying()).isFalse();
            assertThat(player.position()).isZero();
        }
        short[] s = out.samples();
        int fade = playback.fadeFrames();
        // block 3 (past the end) fades out, then nothing
        for (int o = 3 * BLOCK + fade; o < 8 * BLOCK; o++) {
            assertThat(left(s, o)).isZero();
        }
        assertThat(frameOf(left(s, 2 * BLOCK))).isEqualTo(2 * BLOCK - playback.latencyFrames());

        playback.setLoop(new LoopRegion(100, 200));
        playback.stop();
        assertThat(playback.position()).isEqualTo(100);
    }

    @Test
    void metersReadWhatTheOfflineMetersReadOfTheSameSession() throws Exception {
        Mixer live = session(-23);
        MixerPlayback playback = new MixerPlayback(live);
        playback.play();
        int blocks = 4 * RATE / BLOCK;   // 4 s
        LockstepOutput out = new LockstepOutput(0);
        MeterSnapshot m;
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, blocks);
            m = playback.meters();
        }
        AudioClip offline = new OfflineRenderer(1).render(session(-23), (long) blocks * BLOCK);
        LoudnessReading reading = LoudnessMeter.measure(offline);
        TruePeakMeter tp = new TruePeakMeter();
        tp.prepare(RATE, 2, offline.frames());
        tp.process(offline.samples(), 0, offline.samples().length);

        // EBU Tech 3341 case 1: a 1 kHz stereo sine at -23 dBFS reads -23 LUFS
        assertThat(m.momentaryLufs()).isCloseTo(-23, within(0.1)).isCloseTo(reading.momentaryLufs(), within(0.1));
        assertThat(m.shortTermLufs()).isCloseTo(-23, within(0.1)).isCloseTo(reading.shortTermLufs(), within(0.1));
        assertThat(m.integratedLufs()).isCloseTo(-23, within(0.1)).isCloseTo(reading.integratedLufs(), within(0.1));
        assertThat(m.truePeakDbtp()).isCloseTo(-23, within(0.1)).isCloseTo(tp.truePeakDbtp(), within(0.1));
        assertThat(m.masterLeft().peakDb()).isCloseTo(-23, within(0.01));
        assertThat(m.masterRight().peakDb()).isCloseTo(-23, within(0.01));
        assertThat(m.track("tone").peakDb()).isCloseTo(-23, within(0.01));
        assertThat(m.track("tone").clipped()).isFalse();
        assertThat(m.limiterReductionDb()).isZero();
        assertThat(m.positionFrame()).isEqualTo((long) blocks * BLOCK);
    }

    private static Mixer session(double dbfs) {
        Mixer m = new Mixer(RATE, BLOCK);
        m.addTrack("tone", new LoopFeed(sine(dbfs)), transparentStrip());
        return m;
    }

    @Test
    void aTwentyDecibelBelowFullScaleSineReadsMinusTwentyOnTheTrackAndMasterPeakMeters() throws Exception {
        MixerPlayback playback = new MixerPlayback(session(-20));
        playback.play();
        LockstepOutput out = new LockstepOutput(0);
        MeterSnapshot m;
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 50);
            m = playback.meters();
        }
        assertThat(m.track("tone").peakDb()).isCloseTo(-20, within(0.01));
        assertThat(m.track("tone").holdDb()).isCloseTo(-20, within(0.01));
        assertThat(m.masterLeft().peakDb()).isCloseTo(-20, within(0.01));
        assertThat(m.truePeakDbtp()).isCloseTo(-20, within(0.1));
    }

    @Test
    void aPeakFallsBackAtTwentyDecibelsASecondWhileItsHoldStaysAndAClipStaysFlaggedUntilReset() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        ChannelStrip strip = transparentStrip();
        strip.setFaderDb(3);
        Mixer.Track hot = mixer.addTrack("hot", new LoopFeed(sine(-0.5)), strip);
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(0);
        MeterSnapshot loud;
        MeterSnapshot later;
        MeterSnapshot cleared;
        int fallBlocks = 94;   // 94 x 512 frames = 1.0027 s
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 20);
            loud = playback.meters();
            hot.setMuted(true);
            out.advance(1 + fallBlocks);   // the block that ramps the mute, then a second of silence
            later = playback.meters();
            playback.resetMeters();
            out.advance(1);
            cleared = playback.meters();
        }
        assertThat(loud.track("hot").peakDb()).isCloseTo(2.5, within(0.01));
        assertThat(loud.track("hot").clipped()).isTrue();
        // the master limiter holds the mix under -1 dBTP: the master never clips
        assertThat(loud.masterLeft().clipped()).isFalse();
        assertThat(loud.masterLeft().peakDb()).isLessThanOrEqualTo(-0.9);
        assertThat(loud.limiterReductionDb()).isGreaterThan(3);

        double seconds = fallBlocks * BLOCK / (double) RATE;
        assertThat(later.track("hot").peakDb()).isCloseTo(2.5 - MixerPlayback.PEAK_FALL_DB_PER_SECOND * seconds,
                within(0.05));
        assertThat(later.track("hot").holdDb()).isCloseTo(2.5, within(0.01));
        assertThat(later.track("hot").clipped()).isTrue();
        assertThat(cleared.track("hot").clipped()).isFalse();
        assertThat(cleared.track("hot").holdDb()).isLessThan(later.track("hot").peakDb());
    }

    @Test
    void aSegmentListSwappedFromAnotherThreadWhilePlayingCrossfadesInFromTheNextBlock() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        SegmentFeed arrangement = new SegmentFeed(RATE, List.of(SegmentFeed.Segment.of(dc(0.25f), 0, 0, RATE)));
        mixer.addTrack("song", arrangement, transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 8);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 5);
            Thread editor = new Thread(() -> arrangement.setSegments(
                    List.of(SegmentFeed.Segment.of(dc(0.125f), 0, 0, RATE))));
            editor.start();
            editor.join();
            out.advance(3);
        }
        short[] s = out.samples();
        int next = 5 * BLOCK + playback.latencyFrames();
        for (int f = 4 * BLOCK; f < next; f++) {
            assertThat(left(s, f)).isEqualTo((short) pcm(0.25));
        }
        int n = arrangement.swapFadeFrames();
        for (int f = next; f < 8 * BLOCK; f++) {
            double r = Math.min(1, (f - next + 1) / (double) n);
            assertThat((int) left(s, f)).as("frame %d", f).isCloseTo(pcm(0.25 * (1 - r) + 0.125 * r),
                    org.assertj.core.api.Assertions.within(1));
        }
        assertThat(left(s, next + n - 1)).isEqualTo((short) pcm(0.125));
    }

    @Test
    void aPlayerOfAMixerRefusesClipControlsAndAClipPlayerRefusesMixerControls() throws Exception {
        MixerPlayback playback = new MixerPlayback(session(-20));
        LockstepOutput out = new LockstepOutput(0);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            assertThat(player.mixer()).isSameAs(playback);
            assertThatThrownBy(player::engine).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mixer");
            assertThatThrownBy(() -> player.select(PlaybackSource.B)).isInstanceOf(IllegalStateException.class);
        }
        PlaybackEngine engine = new PlaybackEngine(RATE, 2, 1024, 10, clip -> -23.0);
        try (Player player = Player.open(engine, BUFFER, new LockstepOutput(0).factory())) {
            assertThat(player.engine()).isSameAs(engine);
            assertThatThrownBy(player::mixer).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void keyRPlaysTheReferenceAtTheSamePositionWithItsGainAndBackToTheMixWithoutAClick() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        mixer.addTrack("dc", new LoopFeed(dc(0.5f)), transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer);
        // the reference: a ramp whose value names its frame, so the position it plays from is known
        float[] ramp = new float[RATE];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i / (float) RATE;
        }
        playback.setReference(new AudioClip(RATE, 1, ramp));
        playback.setReferenceGainDb(-6.0206);   // a factor of one half
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 30);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 5);
            playback.listen(MixerPlayback.Listening.REFERENCE);
            out.advance(12);
            assertThat(playback.heard()).isEqualTo(MixerPlayback.Listening.REFERENCE);
            playback.listen(MixerPlayback.Listening.MIX);
            out.advance(12);
            assertThat(playback.heard()).isEqualTo(MixerPlayback.Listening.MIX);
        }
        short[] s = out.samples();
        int lat = playback.latencyFrames();
        // before the switch: the mix (0.5 after the limiter's latency)
        assertThat(left(s, 4 * BLOCK + lat)).isEqualTo((short) pcm(0.5));
        // well after the switch: the reference at the same session frame, halved; frames follow frames
        int fade = playback.fadeFrames();
        for (int f = 8 * BLOCK; f < 14 * BLOCK; f++) {
            assertThat((double) left(s, f)).as("frame %d", f).isCloseTo(pcm(0.5 * f / RATE), within(1.5));
            assertThat(right(s, f)).isEqualTo(left(s, f));
        }
        // every change of what is heard goes through the fade: no step larger than the fade's slope
        double step = 32767.0 / fade + 2;
        for (int f = 5 * BLOCK; f < 29 * BLOCK; f++) {
            assertThat((double) Math.abs(left(s, f) - left(s, f - 1))).as("frame %d", f).isLessThanOrEqualTo(step);
        }
        assertThat(left(s, 28 * BLOCK)).isEqualTo((short) pcm(0.5));
    }

    @Test
    void bypassTakesTheEqAndCompressorOutButKeepsTheFaderAndPutsThemBack() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        ChannelStrip strip = transparentStrip();
        strip.eq().setGain(0, -12);          // the 1 kHz bell: the sine comes out 12 dB lower
        strip.setFaderDb(-6);
        mixer.addTrack("sine", new LoopFeed(sine(-20)), strip);
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 90);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 30);
            playback.setBypassed(true);
            out.advance(30);
            assertThat(playback.isBypassed()).isTrue();
            assertThat(strip.eq().band(0).gainDb()).as("the EQ keeps its setting").isEqualTo(-12);
            playback.setBypassed(false);
            out.advance(30);
            assertThat(playback.isBypassed()).isFalse();
        }
        short[] s = out.samples();
        assertThat(db(peak(s, 26 * BLOCK, 30 * BLOCK))).isCloseTo(-20 - 12 - 6, within(0.1));
        assertThat(db(peak(s, 50 * BLOCK, 60 * BLOCK))).as("bypassed: the fader only").isCloseTo(-20 - 6, within(0.1));
        assertThat(db(peak(s, 80 * BLOCK, 90 * BLOCK))).isCloseTo(-20 - 12 - 6, within(0.1));
    }

    @Test
    void theScopeHoldsTheLatestMasterOutput() throws Exception {
        Mixer mixer = new Mixer(RATE, BLOCK);
        mixer.addTrack("dc", new LoopFeed(dc(0.25f)), transparentStrip());
        MixerPlayback playback = new MixerPlayback(mixer);
        float[] scope = new float[4096];
        assertThat(playback.scope(scope)).isZero();
        playback.play();
        LockstepOutput out = new LockstepOutput(2 * BLOCK * 20);
        try (Player player = Player.open(playback, BUFFER, out.factory())) {
            playTo(out, 20);
            long written = playback.scope(scope);
            assertThat(written).isGreaterThanOrEqualTo(20L * BLOCK);
            for (float v : scope) {
                assertThat((double) v).isCloseTo(0.25, within(1e-6));
            }
        }
        assertThatThrownBy(() -> playback.scope(new float[MixerPlayback.SCOPE_FRAMES])).isInstanceOf(
                IllegalArgumentException.class);
    }
}
