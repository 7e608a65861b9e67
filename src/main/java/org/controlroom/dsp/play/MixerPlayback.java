package org.controlroom.dsp.play;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.BlockProcessor;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.meter.LiveLoudness;
import org.controlroom.dsp.meter.TruePeakOversampler;
import org.controlroom.dsp.mix.Mixer;

/**
 * A {@link Mixer} session played live: give it to {@link Player#open(Playable, int)}. Every control
 * of the mixer (faders, pan, mute, solo, routing, EQ bands, compressors, bus and master faders) may
 * be changed from any thread while it plays; a change made between two blocks is in the next block,
 * ramped by the processor that owns it (no clicks).
 *
 * <p><b>Transport.</b> {@link #play()}, {@link #pause()} and {@link #stop()} fade the output in or out
 * over {@link #fadeFrames()} instead of cutting it. {@link #seek(long)} while playing fades out,
 * jumps (clearing the processors' memory, as a fresh start there would) and fades back in; stopped
 * or paused, it simply moves the playhead. With a loop region the frame after {@code endFrame - 1} is
 * {@code startFrame}, sample-exactly. With a length set, playback stops at the end (and rewinds).
 * {@link #position()} is the session frame the next block starts at; what is heard lags it by the
 * limiter's {@link #latencyFrames()} and the device buffer.
 *
 * <p><b>Meters.</b> {@link #meters()} returns a {@link MeterSnapshot}: per track and master peak with
 * hold and clip flag, the master's true peak, momentary, short-term and integrated loudness, and the
 * gain reduction of every compressor and of the limiter, all from the same block. The audio thread
 * publishes them through a sequence lock (atomic fields, no lock it could wait on); the reader
 * retries on the rare block it overlaps. Tracks and compressors are those the mixer has when this
 * playback is made (it switches the mixer's track metering on).
 *
 * <p><b>A/B and bypass.</b> {@link #listen(Listening)} switches what is heard between the mix and a
 * reference clip ({@link #setReference}, played at the same session position with its own gain, for
 * a loudness-matched comparison); {@link #setBypassed(boolean)} takes all processing (every strip's
 * EQ and compressor, the master limiter) out of the mix. Both switch under the transport fade: out,
 * switch, back in, so neither clicks. {@link #heard()} and {@link #isBypassed()} say what sounds now.
 *
 * <p><b>Scope.</b> The master output (what is heard, mono) is also written to a ring of
 * {@value #SCOPE_FRAMES} frames that another thread copies with {@link #scope(float[])} (a meter
 * thread computes the live spectrum from it; nothing is computed on the audio thread).
 *
 * <p><b>Threads.</b> One thread (the audio thread) calls {@link #render}; it neither allocates nor
 * blocks. All other methods may be called from any thread.
 */
public final class MixerPlayback implements Playable {

    /** Transport fade, milliseconds. */
    public static final double DEFAULT_FADE_MS = 5;
    /** How fast a peak reading falls back once the signal drops, dB per second. */
    public static final double PEAK_FALL_DB_PER_SECOND = 20;
    /** How long a peak's hold marker stays, seconds. */
    public static final double PEAK_HOLD_SECONDS = 2;
    /** Frames of the master output kept for {@link #scope(float[])}; a power of two. */
    public static final int SCOPE_FRAMES = 1 << 15;

    /** What the output plays: the mix, or the reference clip in its place. */
    public enum Listening { MIX, REFERENCE }

    private final Mixer mixer;
    private final double sampleRate;
    private final int maxBlockFrames;
    private final int fadeFrames;
    private final double fadeStep;

    // control state, any thread
    private volatile boolean playing;
    private volatile boolean stopped = true;
    private final AtomicLong pendingSeek = new AtomicLong(-1);
    private volatile LoopRegion loop;
    private volatile long lengthFrames;
    private volatile long position;
    private final AtomicBoolean meterReset = new AtomicBoolean();
    private final AtomicBoolean integratedReset = new AtomicBoolean();
    private volatile Listening wantedSide = Listening.MIX;
    private volatile boolean wantedBypass;
    private volatile AudioClip reference;
    private volatile double referenceGain = 1;
    private volatile Listening heardSide = Listening.MIX;
    private volatile boolean heardBypass;
    private final float[] scopeRing = new float[SCOPE_FRAMES];
    private final AtomicLong scopeWritten = new AtomicLong();

    // audio-thread state
    private double envelope;
    /** Frames the fade-in waits after the mixer was cleared, so its lookahead refills before it is heard. */
    private int quietFrames;
    private final List<Mixer.Track> tracks;
    private final Mixer.Track[] trackArray;
    private final double[] trackBlockPeak;
    private final Compressor[] compressors;
    private final String[] trackNames;
    private final String[] compressorNames;
    private final Peaks trackPeaks;
    private final Peaks masterPeaks = new Peaks(2);
    private final TruePeakOversampler[] oversamplers = {new TruePeakOversampler(), new TruePeakOversampler()};
    private double truePeak;
    private final LiveLoudness loudness = new LiveLoudness();
    private final int holdFrames;

    // published readings: a sequence lock over atomic slots
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray published;
    private final int masterSlot;
    private final int loudnessSlot;
    private final int compressorSlot;
    private final int limiterSlot;

    /** Plays the whole session open-ended (no end: loop or stop it), with a {@value #DEFAULT_FADE_MS} ms transport fade. */
    public MixerPlayback(Mixer mixer) {
        this(mixer, 0, DEFAULT_FADE_MS);
    }

    /**
     * @param mixer        the session; build it (tracks, buses) before making its playback
     * @param lengthFrames where playback stops by itself, or 0 for no end
     * @param fadeMillis   transport fade (play, pause, stop, seek), 0.1 to 1000 ms
     */
    public MixerPlayback(Mixer mixer, long lengthFrames, double fadeMillis) {
        this.mixer = Objects.requireNonNull(mixer, "mixer");
        if (!(fadeMillis >= 0.1 && fadeMillis <= 1000)) {
            throw new IllegalArgumentException("transport fade must be 0.1 to 1000 ms, was " + fadeMillis);
        }
        setLength(lengthFrames);
        this.sampleRate = mixer.sampleRate();
        this.maxBlockFrames = mixer.maxBlockFrames();
        this.fadeFrames = Math.max(1, (int) Math.round(fadeMillis * sampleRate / 1000));
        this.fadeStep = 1.0 / fadeFrames;
        this.holdFrames = (int) Math.round(PEAK_HOLD_SECONDS * sampleRate);
        mixer.setTrackMetering(true);   // per-track peaks for the meters
        this.tracks = mixer.tracks();
        this.trackArray = tracks.toArray(new Mixer.Track[0]);
        this.trackBlockPeak = new double[trackArray.length];
        this.trackNames = tracks.stream().map(Mixer.Track::name).toArray(String[]::new);
        this.trackPeaks = new Peaks(trackArray.length);
        List<Compressor> comps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Mixer.Track t : tracks) {
            if (t.strip() instanceof ChannelStrip s) {
                comps.add(s.compressor());
                names.add(t.name());
            }
        }
        for (Mixer.Bus b : mixer.buses()) {
            BlockProcessor chain = b.chain();
            if (chain instanceof ChannelStrip s) {
                comps.add(s.compressor());
                names.add(b.name());
            }
        }
        this.compressors = comps.toArray(new Compressor[0]);
        this.compressorNames = names.toArray(new String[0]);
        loudness.prepare(sampleRate, 2);
        this.masterSlot = 1 + 3 * trackArray.length;
        this.loudnessSlot = masterSlot + 6;
        this.compressorSlot = loudnessSlot + 4;
        this.limiterSlot = compressorSlot + compressors.length;
        this.published = new AtomicLongArray(limiterSlot + 1);
        resetReadings();
        publish(0, 0);
    }

    /** The session played; change its controls from any thread. */
    public Mixer mixer() {
        return mixer;
    }

    /** Sets where playback stops by itself (0: no end). */
    public void setLength(long frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + frames);
        }
        this.lengthFrames = frames;
    }

    public long length() {
        return lengthFrames;
    }

    /** Transport fade length, frames. */
    public int fadeFrames() {
        return fadeFrames;
    }

    /** Frames between a session frame being rendered and its being in the output (the limiter's lookahead). */
    public int latencyFrames() {
        return mixer.latencyFrames();
    }

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return 2;
    }

    @Override
    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    // ---------------------------------------------------------------- transport (any thread)

    /** Starts or resumes, fading in. Starting after {@link #stop()} starts the integrated loudness and true peak over. */
    @Override
    public void play() {
        if (stopped) {
            stopped = false;
            integratedReset.set(true);
        }
        playing = true;
    }

    @Override
    public void pause() {
        playing = false;
    }

    @Override
    public void stop() {
        playing = false;
        stopped = true;
        LoopRegion l = loop;
        pendingSeek.set(l != null ? l.startFrame() : 0);
    }

    @Override
    public void seek(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + frame);
        }
        pendingSeek.set(frame);
    }

    /** Loops a region; if the playhead is outside it, it moves to the region's start. */
    @Override
    public void setLoop(LoopRegion region) {
        Objects.requireNonNull(region, "region");
        loop = region;
        long p = position();
        if (!region.contains(p)) {
            seek(region.startFrame());
        }
    }

    @Override
    public void clearLoop() {
        loop = null;
    }

    @Override
    public Optional<LoopRegion> loop() {
        return Optional.ofNullable(loop);
    }

    /** The session frame the next block starts at (a jump asked for counts at once). */
    @Override
    public long position() {
        long s = pendingSeek.get();
        return s >= 0 ? s : position;
    }

    @Override
    public boolean isPlaying() {
        return playing;
    }

    // ---------------------------------------------------------------- A/B and bypass (any thread)

    /**
     * The clip that {@link Listening#REFERENCE} plays in place of the mix, frame for frame at the same
     * session position (mono is heard on both sides); at the mixer's sample rate.
     */
    public void setReference(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        if (clip.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("the reference plays at " + clip.sampleRate() + " Hz but the session runs at "
                    + sampleRate + " Hz; resample it when loading it");
        }
        if (clip.channels() > 2) {
            throw new IllegalArgumentException("the reference must be mono or stereo, has " + clip.channels()
                    + " channels");
        }
        reference = clip;
    }

    public Optional<AudioClip> reference() {
        return Optional.ofNullable(reference);
    }

    /** The reference's playback gain, dB (a loudness match sets it to the mix's loudness minus the reference's). */
    public void setReferenceGainDb(double db) {
        if (!Double.isFinite(db) || db > 40 || db < -80) {
            throw new IllegalArgumentException("reference gain must be -80 to +40 dB, was " + db);
        }
        referenceGain = Math.pow(10, db / 20);
    }

    public double referenceGainDb() {
        return 20 * Math.log10(referenceGain);
    }

    /**
     * Switches what is heard (at the next quiet moment of the transport fade).
     *
     * @throws IllegalStateException for the reference when none is set
     */
    public void listen(Listening side) {
        Objects.requireNonNull(side, "side");
        if (side == Listening.REFERENCE && reference == null) {
            throw new IllegalStateException("there is no reference mix to listen to");
        }
        wantedSide = side;
    }

    /** What was asked for with {@link #listen}. */
    public Listening listening() {
        return wantedSide;
    }

    /** What the output plays now (it follows {@link #listen} once the fade has gone through zero). */
    public Listening heard() {
        return heardSide;
    }

    /** Takes all processing out of the mix (or puts it back), under the transport fade. */
    public void setBypassed(boolean bypassed) {
        wantedBypass = bypassed;
    }

    /** Whether the processing is bypassed in what sounds now. */
    public boolean isBypassed() {
        return heardBypass;
    }

    /**
     * Copies the latest {@code into.length} frames of the master output (mono: the mean of both sides)
     * into {@code into}, oldest first, and returns how many frames have ever been written (unchanged
     * between two calls: nothing new sounded). At most {@code SCOPE_FRAMES / 2} frames: the audio thread
     * cannot lap the copy.
     */
    public long scope(float[] into) {
        if (into.length > SCOPE_FRAMES / 2) {
            throw new IllegalArgumentException("scope reads at most " + SCOPE_FRAMES / 2 + " frames, asked for "
                    + into.length);
        }
        long written = scopeWritten.get();
        int n = into.length;
        for (int i = 0; i < n; i++) {
            long at = written - n + i;
            into[i] = at < 0 ? 0f : scopeRing[(int) (at & (SCOPE_FRAMES - 1))];
        }
        return written;
    }

    // ---------------------------------------------------------------- meters (any thread)

    /** Clears peak holds, clip flags, the true peak and the integrated loudness (at the next block). */
    public void resetMeters() {
        meterReset.set(true);
    }

    /** The meters' latest readings, all from the same block; cheap enough for 30 polls a second. */
    public MeterSnapshot meters() {
        int n = published.length();
        long[] v = new long[n];
        while (true) {
            long before = sequence.get();
            if ((before & 1) != 0) {
                Thread.yield();   // the audio thread is writing: a few microseconds, unless it was preempted
                continue;
            }
            for (int i = 0; i < n; i++) {
                v[i] = published.get(i);
            }
            if (sequence.get() == before) {
                break;
            }
        }
        List<MeterSnapshot.PeakLevel> trackLevels = new ArrayList<>(trackNames.length);
        for (int t = 0; t < trackNames.length; t++) {
            trackLevels.add(level(trackNames[t], v, 1 + 3 * t));
        }
        List<MeterSnapshot.GainReduction> reductions = new ArrayList<>(compressorNames.length);
        for (int c = 0; c < compressorNames.length; c++) {
            reductions.add(new MeterSnapshot.GainReduction(compressorNames[c], d(v[compressorSlot + c])));
        }
        return new MeterSnapshot(v[0], trackLevels, level("L", v, masterSlot), level("R", v, masterSlot + 3),
                d(v[loudnessSlot]), d(v[loudnessSlot + 1]), d(v[loudnessSlot + 2]), d(v[loudnessSlot + 3]),
                reductions, d(v[limiterSlot]));
    }

    private static MeterSnapshot.PeakLevel level(String name, long[] v, int at) {
        return new MeterSnapshot.PeakLevel(name, db(d(v[at])), db(d(v[at + 1])), v[at + 2] != 0);
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    // ---------------------------------------------------------------- audio thread

    @Override
    public void render(float[] out, int frames) {
        if (frames < 0 || frames > maxBlockFrames) {
            throw new IllegalArgumentException("block of " + frames + " frames; at most " + maxBlockFrames);
        }
        if (meterReset.getAndSet(false)) {
            resetReadings();
        }
        if (integratedReset.getAndSet(false)) {
            // playing again after a stop: a new measurement, with nothing of what played before
            loudness.reset();
            truePeak = 0;
        }
        long seek = pendingSeek.get();
        if (seek >= 0 && envelope == 0 && pendingSeek.compareAndSet(seek, -1)) {
            if (seek != position) {
                mixer.reset();
                oversamplers[0].reset();
                oversamplers[1].reset();
            }
            position = seek;
        }
        Listening side = wantedSide;
        boolean bypass = wantedBypass;
        boolean switching = side != heardSide || bypass != heardBypass;
        if (switching && envelope == 0) {
            if (side == Listening.MIX && heardSide == Listening.REFERENCE) {
                mixer.reset();   // back to the mix: nothing of what it held before the reference
                quietFrames = mixer.latencyFrames();
            }
            heardSide = side;
            heardBypass = bypass;
            mixer.setProcessingBypassed(bypass);
            switching = false;
        }
        boolean want = playing && pendingSeek.get() < 0 && !switching;
        long pos = position;
        LoopRegion region = loop;
        long length = lengthFrames;
        if (want && length > 0 && pos >= length && !(region != null && region.contains(pos))) {
            // the end of the session: stop and rewind (the mixer plays on while the output fades)
            playing = false;
            stopped = true;
            pendingSeek.compareAndSet(-1, region != null ? region.startFrame() : 0);
            want = false;
        }
        if (!want && envelope == 0) {
            Arrays.fill(out, 0, 2 * frames, 0f);
            Arrays.fill(trackBlockPeak, 0);
            meterBlock(out, frames, false);
            publish(pos, frames);
            return;
        }
        Arrays.fill(trackBlockPeak, 0);
        int done = 0;
        while (done < frames) {
            int n = frames - done;
            boolean looping = region != null && region.contains(pos);
            if (looping) {
                n = (int) Math.min(n, region.endFrame() - pos);
            }
            if (heardSide == Listening.REFERENCE) {
                renderReference(pos, out, done, n);
            } else {
                mixer.render(pos, out, done, n);
                for (int t = 0; t < trackArray.length; t++) {
                    trackBlockPeak[t] = Math.max(trackBlockPeak[t], trackArray[t].blockPeak());
                }
            }
            pos += n;
            done += n;
            if (looping && pos == region.endFrame()) {
                pos = region.startFrame();
            }
        }
        position = pos;
        applyEnvelope(out, frames, want);
        meterBlock(out, frames, true);
        publish(pos, frames);
    }

    /** The reference clip at the session position, with its gain; silence past its end. */
    private void renderReference(long pos, float[] out, int outFrame, int frames) {
        AudioClip clip = reference;
        float g = (float) referenceGain;
        float[] src = clip.samples();
        int ch = clip.channels();
        long clipFrames = clip.frames();
        for (int f = 0; f < frames; f++) {
            long at = pos + f;
            int o = 2 * (outFrame + f);
            if (at >= clipFrames) {
                out[o] = 0f;
                out[o + 1] = 0f;
            } else if (ch == 1) {
                float v = src[(int) at] * g;
                out[o] = v;
                out[o + 1] = v;
            } else {
                out[o] = src[(int) (2 * at)] * g;
                out[o + 1] = src[(int) (2 * at + 1)] * g;
            }
        }
    }

    /** The transport fade: a straight line at {@code 1 / fadeFrames} per frame toward 1 (wanted) or 0. */
    private void applyEnvelope(float[] out, int frames, boolean want) {
        double env = envelope;
        if (want && env == 1) {
            return;
        }
        for (int f = 0; f < frames; f++) {
            if (want && quietFrames > 0) {
                quietFrames--;
                out[2 * f] = 0f;
                out[2 * f + 1] = 0f;
                continue;
            }
            env = want ? Math.min(1, env + fadeStep) : Math.max(0, env - fadeStep);
            float g = (float) env;
            out[2 * f] *= g;
            out[2 * f + 1] *= g;
        }
        envelope = env;
    }

    private void meterBlock(float[] out, int frames, boolean sounding) {
        double fall = Math.pow(10, -PEAK_FALL_DB_PER_SECOND / 20 * frames / sampleRate);
        for (int t = 0; t < trackArray.length; t++) {
            trackPeaks.update(t, trackBlockPeak[t], frames, fall, holdFrames);
        }
        float l = 0;
        float r = 0;
        for (int f = 0; f < frames; f++) {
            float a = Math.abs(out[2 * f]);
            float b = Math.abs(out[2 * f + 1]);
            if (a > l) {
                l = a;
            }
            if (b > r) {
                r = b;
            }
        }
        masterPeaks.update(0, l, frames, fall, holdFrames);
        masterPeaks.update(1, r, frames, fall, holdFrames);
        if (sounding) {
            for (int c = 0; c < 2; c++) {
                double p = oversamplers[c].nextPeakAbove(out, c, frames, 2, truePeak);
                if (p > truePeak) {
                    truePeak = p;
                }
            }
            loudness.process(out, 0, frames);
            long w = scopeWritten.get();
            for (int f = 0; f < frames; f++) {
                scopeRing[(int) ((w + f) & (SCOPE_FRAMES - 1))] = 0.5f * (out[2 * f] + out[2 * f + 1]);
            }
            scopeWritten.set(w + frames);
        }
    }

    private void resetReadings() {
        trackPeaks.clear();
        masterPeaks.clear();
        truePeak = 0;
        loudness.resetIntegrated();
    }

    private void publish(long pos, int frames) {
        AtomicLongArray p = published;
        long s = sequence.get();
        sequence.set(s + 1);   // odd: a write is under way
        p.set(0, pos);
        for (int t = 0; t < trackArray.length; t++) {
            trackPeaks.publish(t, p, 1 + 3 * t);
        }
        masterPeaks.publish(0, p, masterSlot);
        masterPeaks.publish(1, p, masterSlot + 3);
        p.set(loudnessSlot, Double.doubleToRawLongBits(20 * Math.log10(truePeak)));
        p.set(loudnessSlot + 1, Double.doubleToRawLongBits(loudness.momentaryLufs()));
        p.set(loudnessSlot + 2, Double.doubleToRawLongBits(loudness.shortTermLufs()));
        p.set(loudnessSlot + 3, Double.doubleToRawLongBits(loudness.integratedLufs()));
        for (int c = 0; c < compressors.length; c++) {
            p.set(compressorSlot + c, Double.doubleToRawLongBits(compressors[c].gainReductionDb()));
        }
        p.set(limiterSlot, Double.doubleToRawLongBits(-mixer.limiter().gainReductionDb()));
        sequence.set(s + 2);
    }

    /** Peak meters with fall-back, hold and clip flag; audio thread only. Levels linear. */
    private static final class Peaks {
        final double[] level;
        final double[] hold;
        final int[] holdLeft;
        final boolean[] clipped;

        Peaks(int n) {
            level = new double[n];
            hold = new double[n];
            holdLeft = new int[n];
            clipped = new boolean[n];
        }

        void clear() {
            Arrays.fill(level, 0);
            Arrays.fill(hold, 0);
            Arrays.fill(holdLeft, 0);
            Arrays.fill(clipped, false);
        }

        void update(int i, double blockPeak, int frames, double fall, int holdFrames) {
            level[i] = Math.max(blockPeak, level[i] * fall);
            if (blockPeak >= hold[i]) {
                hold[i] = blockPeak;
                holdLeft[i] = holdFrames;
            } else {
                holdLeft[i] -= frames;
                if (holdLeft[i] <= 0) {
                    hold[i] = level[i];
                    holdLeft[i] = 0;
                }
            }
            if (blockPeak >= 1.0) {
                clipped[i] = true;
            }
        }

        void publish(int i, AtomicLongArray p, int at) {
            p.set(at, Double.doubleToRawLongBits(level[i]));
            p.set(at + 1, Double.doubleToRawLongBits(hold[i]));
            p.set(at + 2, clipped[i] ? 1 : 0);
        }
    }
}
