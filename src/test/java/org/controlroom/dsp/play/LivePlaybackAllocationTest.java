package org.controlroom.dsp.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.mix.ClipFeed;
import org.controlroom.dsp.mix.LoopFeed;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.SegmentFeed;
import org.controlroom.dsp.source.PinkNoise;
import org.controlroom.dsp.source.SineSource;
import org.controlroom.dsp.source.WhiteNoise;
import org.junit.jupiter.api.Test;

/**
 * Nothing allocates on the audio thread: the real {@link Player} plays a full session (tracks with
 * EQ, compressor and pan; a group bus with its own strip; a plain bus; a timeline of crossfaded
 * segments; the master limiter working; all the live meters) for 10 000 blocks while another thread
 * moves faders, pan, EQ, compressors, mute and solo, swaps the segment list, jumps, loops, switches
 * between the mix and the reference (A/B), bypasses all processing and back, and polls
 * the meters, and the player thread's allocated bytes (HotSpot's per-thread counter) do not move.
 */
class LivePlaybackAllocationTest {

    private static final int RATE = 48000;
    private static final int BLOCK = 256;
    private boolean limiterWorked;
    private int runs;

    @Test
    void theAudioThreadAllocatesNothingOverTenThousandBlocksWhileEverythingIsBeingChanged() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);

        Mixer mixer = new Mixer(RATE, BLOCK);
        ChannelStrip groupStrip = strip(0);
        Mixer.Bus group = mixer.addBus("drums", groupStrip);
        Mixer.Bus plain = mixer.addBus("fx", null);
        ChannelStrip[] strips = new ChannelStrip[6];
        Mixer.Track[] tracks = new Mixer.Track[6];
        for (int i = 0; i < 4; i++) {
            strips[i] = strip(i);
            AudioClip noise = i % 2 == 0
                    ? new PinkNoise(10 + i, -18).render(0.5 + 0.1 * i, RATE, 1 + i % 2)
                    : new WhiteNoise(10 + i, -22).render(0.5 + 0.1 * i, RATE, 1 + i % 2);
            tracks[i] = mixer.addTrack("loop " + i, new LoopFeed(noise), strips[i]);
        }
        AudioClip takeA = new SineSource(220, -12).render(2, RATE, 1);
        AudioClip takeB = new SineSource(330, -12).render(2, RATE, 2);
        List<SegmentFeed.Segment> comp = SegmentFeed.crossfade(takeA, 0, 0, takeB, RATE / 2, RATE / 2, RATE / 2, 480);
        List<SegmentFeed.Segment> other = List.of(SegmentFeed.Segment.of(takeB, 0, 1000, RATE).withFades(240, 240),
                SegmentFeed.Segment.of(takeA, 100, RATE / 2, RATE).withGainDb(-3).withFades(480, 480));
        SegmentFeed segments = new SegmentFeed(RATE, comp);
        strips[4] = strip(4);
        tracks[4] = mixer.addTrack("comp", segments, strips[4]);
        strips[5] = strip(5);
        tracks[5] = mixer.addTrack("clip", ClipFeed.of(new SineSource(1000, -10).render(1, RATE, 1), 2000), strips[5]);
        tracks[0].routeTo(group);
        tracks[1].routeTo(group);
        tracks[2].routeTo(plain);
        mixer.setMasterFaderDb(12);   // into the limiter, so it limits

        MixerPlayback playback = new MixerPlayback(mixer);
        playback.setReference(new PinkNoise(99, -20).render(1.5, RATE, 2));
        playback.setReferenceGainDb(-3);
        playback.setLoop(new LoopRegion(0, RATE));
        playback.play();
        LockstepOutput out = new LockstepOutput(0);
        try (Player player = Player.open(playback, 2 * BLOCK, out.factory())) {
            out.awaitBlocks(1);
            long id = out.playerThread().getId();
            // Warm-up: the same work until every path has run and been compiled. HotSpot's own switch
            // to optimised (C2) code allocates a few hundred bytes, now and then 12 kB, on the thread
            // that runs into it (none under -Xint or with C1 only), so the warm-up lasts until 10 000
            // blocks in a row passed with no allocation and no compilation; code that allocates per
            // block, per change or per jump never gets there and fails here.
            java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
            long compiling = timed ? jit.getTotalCompilationTime() : 0;
            StringBuilder log = new StringBuilder("warm-up allocations (block:bytes)");
            long warm = 0;
            long quietFrom = 0;
            long seen = threads.getThreadAllocatedBytes(id);
            while (warm - quietFrom < 10_000) {
                assertThat(warm).as("blocks of warm-up without 10 000 quiet blocks in a row; the audio thread "
                        + "keeps allocating (" + log + ")").isLessThan(300_000);
                drive(out, 500, strips, tracks, segments, comp, other, playback, groupStrip);
                warm += 500;
                long now = threads.getThreadAllocatedBytes(id);
                long jitNow = timed ? jit.getTotalCompilationTime() : 0;
                if (now != seen) {
                    log.append(" ").append(warm).append(":").append(now - seen);
                }
                if (now != seen || jitNow != compiling) {
                    seen = now;
                    compiling = jitNow;
                    quietFrom = warm;
                }
            }
            long before = threads.getThreadAllocatedBytes(id);
            log.append("; quiet from block ").append(quietFrom).append("; measured");
            long prev = before;
            for (int chunk = 0; chunk < 20; chunk++) {
                drive(out, 500, strips, tracks, segments, comp, other, playback, groupStrip);
                long now = threads.getThreadAllocatedBytes(id);
                if (now != prev) {
                    log.append(" ").append(chunk * 500).append(":").append(now - prev);
                }
                prev = now;
            }
            long after = threads.getThreadAllocatedBytes(id);
            assertThat(out.blocksWritten()).isEqualTo(1 + warm + 10_000);
            assertThat(before).isPositive();   // the counter works: the thread allocated its buffers at start
            assertThat(after - before).as("bytes allocated by the audio thread over 10 000 blocks (" + log + ")").isZero();
            MeterSnapshot m = playback.meters();
            assertThat(limiterWorked).as("the master limiter was limiting during the run").isTrue();
            assertThat(m.compressors()).hasSize(7);
        }
    }

    /** Runs {@code blocks} blocks, 50 at a time, changing something between every run. */
    private void drive(LockstepOutput out, int blocks, ChannelStrip[] strips, Mixer.Track[] tracks,
                              SegmentFeed segments, List<SegmentFeed.Segment> comp, List<SegmentFeed.Segment> other,
                              MixerPlayback playback, ChannelStrip groupStrip) {
        for (int chunk = 0; chunk < blocks / 50; chunk++) {
            int run = runs++;   // counts on across calls, so every variant of every change comes round
            ChannelStrip s = strips[run % strips.length];
            switch (run % 10) {
                case 0 -> s.setFaderDb(-6 + run % 7);
                case 1 -> s.setPan(-1 + (run % 5) / 2.0);
                case 2 -> s.eq().setGain(1, -6 + run % 13);
                case 3 -> s.eq().setFrequency(2, 1000 + 100 * (run % 20));
                case 4 -> s.compressor().setThresholdDb(-40 + run % 20);
                case 5 -> tracks[run % tracks.length].setMuted(run % 20 < 10);
                case 6 -> tracks[run % tracks.length].setSolo(run % 40 < 10);
                case 7 -> {
                    segments.setSegments(run % 20 < 10 ? other : comp);
                    playback.setBypassed(run % 30 < 10);
                }
                case 8 -> {
                    playback.seek(run * 997L % RATE);
                    playback.listen(run % 40 < 10 ? MixerPlayback.Listening.REFERENCE : MixerPlayback.Listening.MIX);
                }
                default -> {
                    groupStrip.eq().setType(0, run % 20 < 10 ? FilterType.LOW_SHELF : FilterType.PEAK);
                    playback.setLoop(new LoopRegion(run % 3 * 1000, RATE + run % 3 * 1000));
                }
            }
            if (playback.meters().limiterReductionDb() > 0) {
                limiterWorked = true;
            }
            out.advance(50);
        }
    }

    private static ChannelStrip strip(int i) {
        ChannelStrip s = new ChannelStrip();
        s.eq().setBand(0, EqBand.of(FilterType.LOW_SHELF, 80 + 10 * i, 2, 0.7));
        s.eq().setBand(1, EqBand.of(FilterType.PEAK, 300 + 20 * i, -3, 1.2));
        s.eq().setBand(2, EqBand.of(FilterType.PEAK, 2500 + 50 * i, 2.5, 1.5));
        s.eq().setBand(3, EqBand.of(FilterType.HIGH_SHELF, 9000, -1.5, 0.7));
        s.compressor().setSettings(Compressor.Settings.defaults().withThresholdDb(-30)
                .withDetection(i % 2 == 0 ? Compressor.Detection.PEAK : Compressor.Detection.RMS));
        s.compressor().setBypassed(false);
        s.setPan(-0.8 + 0.3 * i);
        return s;
    }
}
