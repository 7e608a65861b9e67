package org.controlroom.dsp.play;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.controlroom.dsp.AudioClip;

/**
 * Generates the samples a player sends to the sound card, one block at a time, with no device
 * involved: A / B / bypass switching, the loop region, transport and loudness matching all live
 * here, so they can be tested offline and reused by any output.
 *
 * <p><b>Switching.</b> {@link #select(PlaybackSource)} takes effect at the start of the next
 * {@link #render} call (so at most one block late) and crossfades with an equal-power
 * (sine/cosine) curve over the crossfade time. Each source keeps its own fade position, so
 * switching again in the middle of a fade stays continuous.
 *
 * <p><b>Transport.</b> {@link #play()}, {@link #pause()} and {@link #stop()} fade the output in or
 * out over the same time instead of cutting it; a {@link #seek(long)} while playing fades out,
 * jumps and fades back in. At the end of the audio (with no loop) playback stops and rewinds.
 *
 * <p><b>Loop.</b> With a loop region set, the frame after {@code endFrame - 1} is
 * {@code startFrame}, sample-exactly (no fade at the wrap: loop points are the user's to choose).
 *
 * <p><b>Loudness matching.</b> When on, every loaded source is turned down to the integrated
 * loudness of the quietest one (never up, so nothing is pushed into clipping), so A/B judgements
 * are not swayed by level. Gain changes are smoothed.
 *
 * <p><b>Threads.</b> One thread (the audio thread) calls {@link #render}; any other thread may call
 * the control methods at any time. {@code render} does not allocate or block.
 */
public final class PlaybackEngine implements Playable {

    private static final int SOURCES = PlaybackSource.values().length;
    /** Loudness matching never applies more than this cut (dB), whatever the meter says. */
    private static final double MAX_MATCH_CUT_DB = 40.0;

    private final double sampleRate;
    private final int channels;
    private final int maxBlockFrames;
    private final int fadeFrames;
    private final LoudnessMeasure loudness;
    /** Equal-power curve: amplitude at fade position p is sin(p / fadeFrames * pi / 2). */
    private final float[] curve;

    // Control state, written by any thread.
    private volatile Loaded loaded = Loaded.EMPTY;
    private volatile PlaybackSource selected = PlaybackSource.A;
    private volatile LoopRegion loop;
    private volatile boolean matching;
    private final AtomicBoolean playing = new AtomicBoolean();
    private final AtomicLong pendingSeek = new AtomicLong(-1);
    private volatile long position;

    // Audio-thread state.
    private final int[] fadePos = new int[SOURCES];
    private final double[] gain = {1, 1, 1};
    private int masterPos;
    private final float[] masterEnv;
    private final float[][] sourceEnv;
    private final boolean[] active = new boolean[SOURCES];
    private final double gainSmoothing;

    /**
     * @param sampleRate      playback rate; every clip loaded must have it
     * @param channels        output channels; clips must have as many, or be mono (copied to all)
     * @param maxBlockFrames  the largest block {@link #render} will be asked for
     * @param crossfadeMillis length of the A/B/bypass crossfade and of transport fades (e.g. 10 ms)
     * @param loudness        the meter used for loudness matching
     */
    public PlaybackEngine(double sampleRate, int channels, int maxBlockFrames, double crossfadeMillis,
                          LoudnessMeasure loudness) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        if (maxBlockFrames < 1) {
            throw new IllegalArgumentException("block size must be at least 1 frame, was " + maxBlockFrames);
        }
        if (!(crossfadeMillis >= 0) || crossfadeMillis > 1000) {
            throw new IllegalArgumentException("crossfade must be 0 to 1000 ms, was " + crossfadeMillis);
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.maxBlockFrames = maxBlockFrames;
        this.fadeFrames = Math.max(1, (int) Math.round(crossfadeMillis * sampleRate / 1000.0));
        this.loudness = Objects.requireNonNull(loudness, "loudness");
        this.curve = new float[fadeFrames + 1];
        for (int p = 0; p <= fadeFrames; p++) {
            curve[p] = (float) Math.sin(0.5 * Math.PI * p / fadeFrames);
        }
        curve[fadeFrames] = 1f;
        this.masterEnv = new float[maxBlockFrames];
        this.sourceEnv = new float[SOURCES][maxBlockFrames];
        // Gain changes settle within about one crossfade time.
        this.gainSmoothing = 1.0 - Math.exp(-5.0 / fadeFrames);
        fadePos[PlaybackSource.A.ordinal()] = fadeFrames;
    }

    /** The clips loaded and their loudness-matching gains; replaced as a whole. */
    private record Loaded(AudioClip[] clips, double[] lufs, double[] matchGain, long length) {
        static final Loaded EMPTY = new Loaded(new AudioClip[SOURCES], new double[SOURCES],
                new double[] {1, 1, 1}, 0);
    }

    // ---- control (any thread) ----

    /** Loads (or replaces) the clip for a source; measures its loudness for matching. */
    public void load(PlaybackSource source, AudioClip clip) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clip, "clip");
        if (Math.abs(clip.sampleRate() - sampleRate) > 1e-6) {
            throw new IllegalArgumentException("the clip for " + source + " is at " + fmtRate(clip.sampleRate())
                    + " but playback runs at " + fmtRate(sampleRate) + "; convert it to the same rate first");
        }
        if (clip.channels() != channels && clip.channels() != 1) {
            throw new IllegalArgumentException("the clip for " + source + " has " + clip.channels()
                    + " channels but playback has " + channels);
        }
        double lufs = loudness.integratedLufs(clip);
        synchronized (this) {
            Loaded old = loaded;
            AudioClip[] clips = old.clips.clone();
            double[] measured = old.lufs.clone();
            clips[source.ordinal()] = clip;
            measured[source.ordinal()] = lufs;
            loaded = rebuild(clips, measured);
        }
    }

    /** Removes the clip of a source (e.g. no reference any more). */
    public void unload(PlaybackSource source) {
        synchronized (this) {
            AudioClip[] clips = loaded.clips.clone();
            double[] measured = loaded.lufs.clone();
            clips[source.ordinal()] = null;
            measured[source.ordinal()] = 0;
            loaded = rebuild(clips, measured);
        }
    }

    private static Loaded rebuild(AudioClip[] clips, double[] lufs) {
        long length = 0;
        double quietest = Double.POSITIVE_INFINITY;
        for (int s = 0; s < SOURCES; s++) {
            if (clips[s] != null) {
                length = Math.max(length, clips[s].frames());
                if (Double.isFinite(lufs[s])) {
                    quietest = Math.min(quietest, lufs[s]);
                }
            }
        }
        double[] gains = new double[SOURCES];
        for (int s = 0; s < SOURCES; s++) {
            double cutDb = clips[s] != null && Double.isFinite(lufs[s]) && Double.isFinite(quietest)
                    ? Math.min(MAX_MATCH_CUT_DB, lufs[s] - quietest) : 0;
            gains[s] = Math.pow(10, -cutDb / 20);
        }
        return new Loaded(clips, lufs, gains, length);
    }

    /** Switches what is heard, with a crossfade starting at the next block. */
    public void select(PlaybackSource source) {
        Objects.requireNonNull(source, "source");
        if (loaded.clips[source.ordinal()] == null) {
            throw new IllegalStateException("nothing is loaded as " + source + "; load a clip for it first");
        }
        selected = source;
    }

    /** The source being heard (or faded to). */
    public PlaybackSource selected() {
        return selected;
    }

    /** Turns loudness matching on or off (smoothly). */
    public void setLoudnessMatching(boolean on) {
        matching = on;
    }

    public boolean loudnessMatching() {
        return matching;
    }

    /** The integrated loudness measured for a source's clip, if one is loaded and measurable. */
    public Optional<Double> loudnessLufs(PlaybackSource source) {
        Loaded l = loaded;
        double v = l.lufs[source.ordinal()];
        return l.clips[source.ordinal()] != null && Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    }

    /** The gain (dB) loudness matching applies to a source when it is on: 0 or negative. */
    public double matchGainDb(PlaybackSource source) {
        return 20 * Math.log10(loaded.matchGain[source.ordinal()]);
    }

    /**
     * Sets the loop region. Its end is limited to the audio's length when rendering. If the
     * playhead is outside the region, it moves to the region's start.
     */
    @Override
    public void setLoop(LoopRegion region) {
        Objects.requireNonNull(region, "region");
        loop = region;
        long p = pendingSeek.get() >= 0 ? pendingSeek.get() : position;
        if (!region.contains(p)) {
            seek(region.startFrame());
        }
    }

    /** Plays through to the end again. */
    @Override
    public void clearLoop() {
        loop = null;
    }

    @Override
    public Optional<LoopRegion> loop() {
        return Optional.ofNullable(loop);
    }

    /** Starts (or resumes) playback, fading in. */
    @Override
    public void play() {
        playing.set(true);
    }

    /** Pauses, fading out; the playhead stays where it is. */
    @Override
    public void pause() {
        playing.set(false);
    }

    /** Stops, fading out, and returns the playhead to the loop start (or the beginning). */
    @Override
    public void stop() {
        playing.set(false);
        LoopRegion l = loop;
        pendingSeek.set(l != null ? l.startFrame() : 0);
    }

    /** Moves the playhead; while playing, the output fades out, jumps and fades back in. */
    @Override
    public void seek(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + frame);
        }
        pendingSeek.set(frame);
    }

    @Override
    public boolean isPlaying() {
        return playing.get();
    }

    /** The playhead in frames (the next frame to be rendered). */
    @Override
    public long position() {
        return position;
    }

    /** Length of the longest loaded clip, in frames. */
    public long length() {
        return loaded.length;
    }

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    /** Crossfade length in frames. */
    public int crossfadeFrames() {
        return fadeFrames;
    }

    // ---- audio thread ----

    /**
     * Fills {@code frames} interleaved frames of {@code out} (from index 0) with what should be
     * heard next: silence when paused or stopped. Call from one thread only.
     *
     * @throws IllegalArgumentException if frames exceeds the block size given at construction
     */
    @Override
    public void render(float[] out, int frames) {
        if (frames > maxBlockFrames || frames < 0) {
            throw new IllegalArgumentException("block of " + frames + " frames; at most " + maxBlockFrames);
        }
        Arrays.fill(out, 0, frames * channels, 0f);
        Loaded mix = loaded;
        PlaybackSource target = selected;
        LoopRegion region = loop;
        boolean useMatching = matching;

        if (masterPos == 0 && pendingSeek.get() >= 0) {
            position = pendingSeek.getAndSet(-1);
        }
        boolean wantSound = playing.get() && pendingSeek.get() < 0;

        // Master (transport) envelope; stop advancing once faded out.
        int audible = frames;
        for (int i = 0; i < frames; i++) {
            masterPos = wantSound ? Math.min(fadeFrames, masterPos + 1) : Math.max(0, masterPos - 1);
            masterEnv[i] = curve[masterPos];
            if (masterPos == 0 && !wantSound) {
                audible = i;
                break;
            }
        }

        // Source envelopes: crossfade positions and smoothed gains.
        for (int s = 0; s < SOURCES; s++) {
            boolean isTarget = s == target.ordinal();
            double g = gain[s];
            double gTarget = useMatching ? mix.matchGain[s] : 1.0;
            int p = fadePos[s];
            float[] env = sourceEnv[s];
            active[s] = p > 0 || isTarget;
            for (int i = 0; i < audible; i++) {
                p = isTarget ? Math.min(fadeFrames, p + 1) : Math.max(0, p - 1);
                g += (gTarget - g) * gainSmoothing;
                env[i] = (float) (curve[p] * g) * masterEnv[i];
            }
            if (audible < frames) {
                // Paused: crossfades finish silently so the next play starts clean.
                p = isTarget ? Math.min(fadeFrames, p + frames - audible) : Math.max(0, p - (frames - audible));
                g = gTarget;
            }
            if (Math.abs(g - gTarget) < 1e-7) {
                g = gTarget;
            }
            fadePos[s] = p;
            gain[s] = g;
        }

        // Walk the playhead through the block, wrapping at the loop end.
        long pos = position;
        int i = 0;
        while (i < audible) {
            long segEnd = audible;
            boolean looping = region != null && pos < Math.min(region.endFrame(), mix.length)
                    && pos >= region.startFrame();
            long stopAt = looping ? Math.min(region.endFrame(), mix.length) : mix.length;
            if (pos >= stopAt) {
                // End of the audio with no loop: stop and rewind.
                playing.set(false);
                masterPos = 0;
                pos = region != null ? region.startFrame() : 0;
                break;
            }
            segEnd = Math.min(segEnd, i + (stopAt - pos));
            int n = (int) (segEnd - i);
            for (int s = 0; s < SOURCES; s++) {
                AudioClip clip = mix.clips[s];
                if (active[s] && clip != null) {
                    mixInto(out, i, n, clip, pos, sourceEnv[s]);
                }
            }
            pos += n;
            i += n;
            if (looping && pos == stopAt) {
                pos = region.startFrame();
            }
        }
        position = pos;
    }

    /** Adds {@code n} frames of the clip from frame {@code from}, scaled by env, into out at frame {@code at}. */
    private void mixInto(float[] out, int at, int n, AudioClip clip, long from, float[] env) {
        long available = clip.frames() - from;
        if (available <= 0) {
            return;
        }
        int count = (int) Math.min(n, available);
        float[] src = clip.samples();
        int cc = clip.channels();
        if (cc == channels) {
            int o = at * channels;
            int in = (int) (from * channels);
            for (int f = 0; f < count; f++) {
                float e = env[at + f];
                for (int c = 0; c < channels; c++) {
                    out[o++] += src[in++] * e;
                }
            }
        } else {
            int o = at * channels;
            int in = (int) from;
            for (int f = 0; f < count; f++) {
                float v = src[in++] * env[at + f];
                for (int c = 0; c < channels; c++) {
                    out[o++] += v;
                }
            }
        }
    }

    private static String fmtRate(double rate) {
        return rate == Math.rint(rate) ? (long) rate + " Hz" : rate + " Hz";
    }
}
