package org.controlroom.dsp.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.controlroom.dsp.BlockProcessor;

/**
 * The mini-mixer: tracks (a feed through a stereo channel strip, with mute and solo) summed into group
 * buses and the master bus; buses have their own processing and fader; the master ends in a
 * true-peak-safe {@link Limiter} followed by any meters.
 *
 * <p>Solo is solo-in-place: while any track is soloed, only soloed tracks sound. Mute, solo, routing
 * and faders may be changed from another thread while the mixer renders; changes take effect at the
 * next block with a straight ramp across it, over at least 5 ms (spread over
 * several blocks when they are shorter), so nothing clicks. Adding tracks, buses and meters is done before
 * rendering.
 *
 * <p>Offline, tracks are processed in parallel and summed in track order, so the output is
 * bit-identical whatever the number of threads. Live ({@code dsp.play.MixerPlayback}), {@link #render}
 * runs on the audio thread and allocates nothing.
 *
 * <p>Every feed plays at the session's sample rate: {@link #addTrack} refuses a feed of clips at
 * another rate (resample once, when loading; see {@link TrackFeed#sampleRate()}).
 */
public final class Mixer {

    private final double sampleRate;
    private final int maxBlockFrames;
    private final List<Track> tracks = new ArrayList<>();
    private final List<Bus> buses = new ArrayList<>();
    private final List<BlockProcessor> masterMeters = new ArrayList<>();
    private final Limiter limiter = new Limiter();
    private final float[][] masters;
    private volatile double masterFaderDb;
    private final BlockGain masterGain = new BlockGain(1);
    private final int rampFrames;
    private double[][] gainFrom = new double[2][0];
    private double[][] gainTo = new double[2][0];
    private Object[][] routeOf = new Object[2][0];
    private final java.util.concurrent.atomic.AtomicInteger nextTrack = new java.util.concurrent.atomic.AtomicInteger();
    private final Runnable claimTracks = this::claimTracks;
    private long jobStart;
    private int jobFrames;
    private int jobSlot;
    private volatile boolean trackMetering;
    private volatile TrackTap trackTap;
    private volatile BlockProcessor preLimiterTap;

    /**
     * Sees every track's block after its strip, before the mute/solo gain and the sum (for measuring a
     * track as it reaches the master in the same render as the mix). Called on the rendering threads,
     * one track at a time: a tap may keep per-track state without locks.
     */
    @FunctionalInterface
    public interface TrackTap {
        /**
         * @param gainFrom the track's mute/solo gain at the block's start, ramping linearly to
         * @param gainTo   its gain at the block's end (as {@link #render} sums it)
         */
        void accept(int track, long startFrame, float[] stereo, int frames, double gainFrom, double gainTo);
    }
    private volatile boolean processingBypassed;

    public Mixer(double sampleRate, int maxBlockFrames) {
        if (!(sampleRate >= 8000 && sampleRate <= 384000)) {
            throw new IllegalArgumentException("sample rate must be 8000 to 384000 Hz, was " + sampleRate);
        }
        if (maxBlockFrames < 1) {
            throw new IllegalArgumentException("block size must be at least one frame");
        }
        this.sampleRate = sampleRate;
        this.maxBlockFrames = maxBlockFrames;
        this.rampFrames = Math.max(1, (int) Math.round(BlockGain.RAMP_MS / 1000 * sampleRate));
        this.masters = new float[][] {new float[2 * maxBlockFrames], new float[2 * maxBlockFrames]};
        limiter.prepare(sampleRate, 2, maxBlockFrames);
    }

    /** A channel: its feed runs through its strip, then to the master or a bus. */
    public final class Track {
        private final String name;
        private final TrackFeed feed;
        private final BlockProcessor strip;
        private final float[][] buffers = {new float[2 * maxBlockFrames], new float[2 * maxBlockFrames]};
        /** A mono feed's block before its strip (its sides are equal until the pan). */
        private final float[] mono = new float[maxBlockFrames];
        private volatile boolean muted;
        private volatile boolean solo;
        private volatile Bus route;
        private final BlockGain gain = new BlockGain(1);
        private double blockPeak;

        private Track(String name, TrackFeed feed, BlockProcessor strip) {
            this.name = name;
            this.feed = feed;
            this.strip = strip;
        }

        public String name() {
            return name;
        }

        public BlockProcessor strip() {
            return strip;
        }

        public void setMuted(boolean muted) {
            this.muted = muted;
        }

        public boolean isMuted() {
            return muted;
        }

        public void setSolo(boolean solo) {
            this.solo = solo;
        }

        public boolean isSolo() {
            return solo;
        }

        /** Sends the track to a bus, or to the master with {@code null}. */
        public void routeTo(Bus bus) {
            if (bus != null && bus.owner() != Mixer.this) {
                throw new IllegalArgumentException("bus " + bus.name() + " belongs to another mixer");
            }
            this.route = bus;
        }

        public Bus route() {
            return route;
        }

        /**
         * With {@link #setTrackMetering(boolean) track metering} on: the largest sample (linear, either
         * side) of the last block this track sent on, after its strip and its mute/solo gain. Read it on
         * the rendering thread, after {@link #render}; other threads should use a meter snapshot.
         */
        public double blockPeak() {
            return blockPeak;
        }
    }

    /** A group bus: the sum of its tracks through its own processing and fader, into the master. */
    public final class Bus {
        private final String name;
        private final BlockProcessor chain;
        private final float[][] buffers = {new float[2 * maxBlockFrames], new float[2 * maxBlockFrames]};
        private volatile double faderDb;
        private volatile boolean muted;
        private final BlockGain gain = new BlockGain(1);

        private Bus(String name, BlockProcessor chain) {
            this.name = name;
            this.chain = chain;
        }

        public String name() {
            return name;
        }

        public void setFaderDb(double db) {
            if (Double.isNaN(db) || db > 24) {
                throw new IllegalArgumentException("bus fader must be at most +24 dB, was " + db);
            }
            this.faderDb = db;
        }

        public double faderDb() {
            return faderDb;
        }

        public void setMuted(boolean muted) {
            this.muted = muted;
        }

        public boolean isMuted() {
            return muted;
        }

        /** The bus's own processing (for example a ChannelStrip), or null for a plain summing bus. */
        public BlockProcessor chain() {
            return chain;
        }

        private Mixer owner() {
            return Mixer.this;
        }
    }

    public Track addTrack(String name, TrackFeed feed, BlockProcessor strip) {
        Track t = new Track(name, Objects.requireNonNull(feed, "feed"), Objects.requireNonNull(strip, "strip"));
        java.util.OptionalDouble rate = feed.sampleRate();
        if (rate.isPresent() && rate.getAsDouble() != sampleRate) {
            throw new IllegalArgumentException("track " + name + " plays audio at " + SampleRates.describe(rate.getAsDouble())
                    + " but the session runs at " + SampleRates.describe(sampleRate)
                    + "; resample it to the session rate when loading it (the decoders in dsp.io can)");
        }
        strip.prepare(sampleRate, 2, maxBlockFrames);
        tracks.add(t);
        gainFrom = new double[2][tracks.size()];
        gainTo = new double[2][tracks.size()];
        routeOf = new Object[2][tracks.size()];
        return t;
    }

    /** Adds a bus; {@code chain} (for example a ChannelStrip) may be null for a plain summing bus. */
    public Bus addBus(String name, BlockProcessor chain) {
        Bus b = new Bus(name, chain);
        if (chain != null) {
            chain.prepare(sampleRate, 2, maxBlockFrames);
        }
        buses.add(b);
        return b;
    }

    /** Adds a meter (or any processor) after the limiter on the master. */
    public void addMasterMeter(BlockProcessor meter) {
        meter.prepare(sampleRate, 2, maxBlockFrames);
        masterMeters.add(meter);
    }

    public List<Track> tracks() {
        return List.copyOf(tracks);
    }

    public List<Bus> buses() {
        return List.copyOf(buses);
    }

    public Limiter limiter() {
        return limiter;
    }

    public void setMasterFaderDb(double db) {
        if (Double.isNaN(db) || db > 24) {
            throw new IllegalArgumentException("master fader must be at most +24 dB, was " + db);
        }
        this.masterFaderDb = db;
    }

    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Switches per-track peak metering on or off (off by default: offline renders do not pay for it).
     * See {@link Track#blockPeak()}.
     */
    public void setTrackMetering(boolean on) {
        this.trackMetering = on;
    }

    /** Sets (or, with null, removes) the tap that sees each track's processed block; set it before rendering. */
    public void setTrackTap(TrackTap tap) {
        this.trackTap = tap;
    }

    /**
     * Sets (or removes) a processor that sees the master after its fader and before the limiter (it
     * must not change the audio; for example a clipping counter). Set it before rendering.
     */
    public void setPreLimiterTap(BlockProcessor tap) {
        if (tap != null) {
            tap.prepare(sampleRate, 2, maxBlockFrames);
        }
        this.preLimiterTap = tap;
    }

    public double masterFaderDb() {
        return masterFaderDb;
    }

    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    /**
     * Bypasses all processing (a console's "bypass"): every track's {@link ChannelStrip} inserts and
     * the master limiter are taken out of the path; faders, pan, mute, solo and routing stay. The
     * limiter's own on/off and the strips' settings are kept for when the bypass ends.
     */
    public void setProcessingBypassed(boolean bypassed) {
        this.processingBypassed = bypassed;
        for (int i = 0, n = tracks.size(); i < n; i++) {
            if (tracks.get(i).strip instanceof org.controlroom.dsp.ChannelStrip s) {
                s.setInsertsBypassed(bypassed);
            }
        }
    }

    public boolean isProcessingBypassed() {
        return processingBypassed;
    }

    /** Frames of delay from a track's input to the master output (the limiter's lookahead). */
    public int latencyFrames() {
        return limiter.latencyFrames();
    }

    /** Clears every processor's memory (before rendering again from the start). */
    public void reset() {
        // plain loops: the live player resets on the audio thread after a jump, and must not allocate
        for (int i = 0, n = tracks.size(); i < n; i++) {
            tracks.get(i).strip.reset();
        }
        for (int i = 0, n = buses.size(); i < n; i++) {
            BlockProcessor chain = buses.get(i).chain;
            if (chain != null) {
                chain.reset();
            }
        }
        limiter.reset();
        for (int i = 0, n = masterMeters.size(); i < n; i++) {
            masterMeters.get(i).reset();
        }
    }

    /**
     * Renders {@code frames} stereo frames of the session from {@code startFrame} into {@code out}
     * (interleaved, from index 0).
     *
     * This is the real-time path (one thread); {@link OfflineRenderer} spreads the work over cores.
     */
    public void render(long startFrame, float[] out, int frames) {
        render(startFrame, out, 0, frames);
    }

    /**
     * Renders {@code frames} stereo frames of the session from {@code startFrame} into {@code out} from
     * interleaved index {@code 2 * outFrame}. Allocates nothing: the live player calls it on the audio
     * thread.
     */
    public void render(long startFrame, float[] out, int outFrame, int frames) {
        mixTracks(startFrame, frames, 0, null, null);
        finishMaster(frames, 0, out, outFrame);
    }

    /**
     * Stage one of a block: every track's feed through its strip (tracks spread over the threads), into
     * buffer set {@code slot} (0 or 1).
     *
     * @param callerFirst work the calling thread does before it joins in (the offline renderer finishes
     *                    the previous block's master here, so both cores stay busy); may be null
     */
    void mixTracks(long startFrame, int frames, int slot, RenderCrew crew, Runnable callerFirst) {
        if (frames < 0 || frames > maxBlockFrames) {
            throw new IllegalArgumentException("block of " + frames + " frames; this mixer takes up to " + maxBlockFrames);
        }
        int n = tracks.size();
        boolean anySolo = false;
        for (int i = 0; i < n; i++) {
            anySolo |= tracks.get(i).solo;
        }
        for (int i = 0; i < n; i++) {
            Track t = tracks.get(i);
            boolean audible = !t.muted && (!anySolo || t.solo);
            gainFrom[slot][i] = t.gain.current();
            gainTo[slot][i] = t.gain.advance(audible ? 1 : 0, frames, rampFrames);
            routeOf[slot][i] = t.route;
        }
        // The job is described in fields and run by one Runnable made once: nothing is allocated per
        // block. The crew's volatile hand-over publishes these fields to the helpers.
        jobStart = startFrame;
        jobFrames = frames;
        jobSlot = slot;
        nextTrack.set(0);
        if (crew != null) {
            crew.start(claimTracks);
        }
        if (callerFirst != null) {
            callerFirst.run();
        }
        claimTracks.run();
        if (crew != null) {
            crew.await();
        }
    }

    /** Takes tracks one at a time until none is left: feed, strip, and (when metering) the block's peak. */
    private void claimTracks() {
        int n = tracks.size();
        long startFrame = jobStart;
        int frames = jobFrames;
        int slot = jobSlot;
        boolean meter = trackMetering;
        TrackTap tap = trackTap;
        for (int i = nextTrack.getAndIncrement(); i < n; i = nextTrack.getAndIncrement()) {
            Track t = tracks.get(i);
            float[] buf = t.buffers[slot];
            if (t.strip instanceof org.controlroom.dsp.ChannelStrip cs && t.feed.fillMono(t.mono, startFrame, frames)) {
                // a mono track: EQ and compressor once, then the pan makes it stereo (the same samples)
                cs.processMono(t.mono, 0, buf, 0, frames);
            } else {
                t.feed.fill(buf, startFrame, frames);
                t.strip.process(buf, 0, 2 * frames);
            }
            if (tap != null) {
                tap.accept(i, startFrame, buf, frames, gainFrom[slot][i], gainTo[slot][i]);
            }
            if (meter) {
                float peak = 0;
                for (int s = 0; s < 2 * frames; s++) {
                    float a = Math.abs(buf[s]);
                    if (a > peak) {
                        peak = a;
                    }
                }
                t.blockPeak = peak * Math.max(gainFrom[slot][i], gainTo[slot][i]);
            }
        }
    }

    /**
     * Stage two of a block: the tracks of buffer set {@code slot} summed in track order into the buses
     * and the master, the buses' processing and faders, then the master fader, limiter and meters.
     */
    void finishMaster(int frames, int slot, float[] out) {
        finishMaster(frames, slot, out, 0);
    }

    private void finishMaster(int frames, int slot, float[] out, int outFrame) {
        sum(frames, slot, 0, frames);
        float[] master = masters[slot];
        for (int k = 0, nb = buses.size(); k < nb; k++) {
            Bus b = buses.get(k);
            float[] buf = b.buffers[slot];
            if (b.chain != null) {
                b.chain.process(buf, 0, 2 * frames);
            }
            double to = b.muted ? 0 : Math.pow(10, b.faderDb / 20);
            double g0 = b.gain.current();
            ramp(buf, frames, g0, b.gain.advance(to, frames, rampFrames));
            for (int i = 0; i < 2 * frames; i++) {
                master[i] += buf[i];
            }
        }
        double to = Math.pow(10, masterFaderDb / 20);
        double g0 = masterGain.current();
        ramp(master, frames, g0, masterGain.advance(to, frames, rampFrames));
        BlockProcessor preLimiter = preLimiterTap;
        if (preLimiter != null) {
            preLimiter.process(master, 0, 2 * frames);
        }
        if (!processingBypassed) {
            limiter.process(master, 0, 2 * frames);
        }
        for (int k = 0, nm = masterMeters.size(); k < nm; k++) {
            masterMeters.get(k).process(master, 0, 2 * frames);
        }
        System.arraycopy(master, 0, out, 2 * outFrame, 2 * frames);
    }

    private void sum(int frames, int slot, int from, int to) {
        float[] master = masters[slot];
        for (int k = 0, nb = buses.size(); k < nb; k++) {
            java.util.Arrays.fill(buses.get(k).buffers[slot], 2 * from, 2 * to, 0f);
        }
        java.util.Arrays.fill(master, 2 * from, 2 * to, 0f);
        for (int i = 0; i < tracks.size(); i++) {
            double g0 = gainFrom[slot][i];
            double g1 = gainTo[slot][i];
            if (g0 == 0 && g1 == 0) {
                continue;
            }
            float[] src = tracks.get(i).buffers[slot];
            float[] dst = routeOf[slot][i] == null ? master : ((Bus) routeOf[slot][i]).buffers[slot];
            if (g0 == 1 && g1 == 1) {
                for (int s = 2 * from; s < 2 * to; s++) {
                    dst[s] += src[s];
                }
            } else {
                for (int f = from; f < to; f++) {
                    float g = (float) (g0 + (g1 - g0) * (f + 1) / frames);
                    dst[2 * f] += src[2 * f] * g;
                    dst[2 * f + 1] += src[2 * f + 1] * g;
                }
            }
        }
    }

    private static void ramp(float[] buf, int frames, double from, double to) {
        if (from == 1 && to == 1) {
            return;
        }
        for (int f = 0; f < frames; f++) {
            float g = (float) (from + (to - from) * (f + 1) / frames);
            buf[2 * f] *= g;
            buf[2 * f + 1] *= g;
        }
    }

}
