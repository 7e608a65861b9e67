package org.controlroom.dsp.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.Gain;

/**
 * A track's timeline as a list of segments: each plays a stretch of a source clip at a session frame,
 * with its own gain and fades. Arrangements (sections in play order, stems on or off) and comps (which
 * take plays in which part of a phrase) are both lists of segments; overlapping segments add up, so a
 * join is crossfaded by letting the next segment start {@code n} frames before the previous one ends,
 * the previous one fading out and the next fading in over those {@code n} frames (see
 * {@link #crossfade}).
 *
 * <p><b>Fade shape.</b> A fade of {@code n} frames has gain {@code f(t)} at its k-th frame,
 * {@code t = (k + 0.5) / n}, rising for a fade-in and falling ({@code f(1 − t)}) for a fade-out:
 * {@link FadeCurve#EQUAL_POWER} (the default) is {@code f(t) = sin(t·π/2)}, so the two sides of a
 * crossfade keep {@code gIn² + gOut² = 1} (constant power: right for different takes or sections,
 * which are not in phase); {@link FadeCurve#LINEAR} is {@code f(t) = t}, {@code gIn + gOut = 1}
 * (constant amplitude: right for joining copies of the same audio).
 *
 * <p><b>Replacing the list while it plays.</b> {@link #setSegments} may be called from any thread:
 * it checks and sorts the new list there, then publishes it with one volatile write; the next
 * {@link #fill} (the next block) starts playing it, crossfading linearly from the old list over
 * {@value #SWAP_FADE_MS} ms (linear, so where both lists play the same audio nothing changes at all).
 * The audio thread never allocates.
 *
 * <p>Every clip must be at the feed's sample rate (resample at load time: {@code dsp.io}); mono clips
 * play on both sides, stereo clips keep their sides.
 */
public final class SegmentFeed implements TrackFeed {

    /** How a fade's gain moves. */
    public enum FadeCurve {
        /** {@code sin(t·π/2)}: a crossfade keeps constant power. */
        EQUAL_POWER,
        /** {@code t}: a crossfade keeps constant amplitude. */
        LINEAR
    }

    /**
     * One stretch of a clip on the timeline.
     *
     * @param clip                  the source (mono or stereo)
     * @param sourceStartFrame      where in the clip the segment starts
     * @param destinationStartFrame the session frame it plays at
     * @param lengthFrames          how long it plays (within the clip)
     * @param fadeInFrames          fade-in at its start (0: none)
     * @param fadeOutFrames         fade-out at its end (0: none)
     * @param gainDb                its level, dB ({@value Gain#SILENT_DB} or below: silent)
     */
    public record Segment(AudioClip clip, long sourceStartFrame, long destinationStartFrame, long lengthFrames,
                          int fadeInFrames, int fadeOutFrames, double gainDb) {

        public Segment {
            Objects.requireNonNull(clip, "clip");
            if (clip.channels() > 2) {
                throw new IllegalArgumentException("a segment plays a mono or stereo clip, not " + clip.channels()
                        + " channels");
            }
            if (sourceStartFrame < 0 || destinationStartFrame < 0) {
                throw new IllegalArgumentException("a segment cannot start before its clip or the session (source frame "
                        + sourceStartFrame + ", session frame " + destinationStartFrame + ")");
            }
            if (lengthFrames < 1) {
                throw new IllegalArgumentException("a segment must be at least one frame long, was " + lengthFrames);
            }
            if (sourceStartFrame + lengthFrames > clip.frames()) {
                throw new IllegalArgumentException("the segment runs past the end of its clip: frames " + sourceStartFrame
                        + " to " + (sourceStartFrame + lengthFrames) + " of a " + clip.frames() + "-frame clip");
            }
            if (fadeInFrames < 0 || fadeOutFrames < 0 || (long) fadeInFrames + fadeOutFrames > lengthFrames) {
                throw new IllegalArgumentException("fades of " + fadeInFrames + " and " + fadeOutFrames
                        + " frames do not fit a " + lengthFrames + "-frame segment");
            }
            if (Double.isNaN(gainDb) || gainDb == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("segment gain must be a number of dB, was " + gainDb);
            }
        }

        /** A segment at unity gain without fades. */
        public static Segment of(AudioClip clip, long sourceStartFrame, long destinationStartFrame, long lengthFrames) {
            return new Segment(clip, sourceStartFrame, destinationStartFrame, lengthFrames, 0, 0, 0);
        }

        public Segment withFades(int inFrames, int outFrames) {
            return new Segment(clip, sourceStartFrame, destinationStartFrame, lengthFrames, inFrames, outFrames, gainDb);
        }

        public Segment withGainDb(double db) {
            return new Segment(clip, sourceStartFrame, destinationStartFrame, lengthFrames, fadeInFrames, fadeOutFrames, db);
        }

        /** The session frame after its last. */
        public long destinationEndFrame() {
            return destinationStartFrame + lengthFrames;
        }
    }

    /** What the audio thread reads: segments sorted by session start, with their linear gains. */
    private record Playlist(Segment[] segments, float[] gains, long endFrame) {
    }

    /** Length of the crossfade from the old list to a new one, milliseconds. */
    public static final double SWAP_FADE_MS = 5;

    private final double sampleRate;
    private final FadeCurve curve;
    private final int swapFrames;
    private volatile Playlist playlist;
    private volatile List<Segment> segments;
    // audio-thread state: the list playing, and the one being faded out after a swap
    private Playlist playing;
    private Playlist fadingOut;
    private int swapPos;

    /** An equal-power feed. */
    public SegmentFeed(double sampleRate, List<Segment> segments) {
        this(sampleRate, FadeCurve.EQUAL_POWER, segments);
    }

    /**
     * @param sampleRate the session rate; every clip must have it
     * @param curve      the fade shape of every fade
     * @param segments   the timeline (any order; overlaps add up)
     */
    public SegmentFeed(double sampleRate, FadeCurve curve, List<Segment> segments) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.curve = Objects.requireNonNull(curve, "curve");
        this.swapFrames = Math.max(1, (int) Math.round(SWAP_FADE_MS / 1000 * sampleRate));
        setSegments(segments);
    }

    /**
     * Replaces the timeline; safe from any thread while it plays. The list is checked, copied and
     * sorted on the calling thread; the next block plays it.
     *
     * @throws IllegalArgumentException if a clip is not at the feed's sample rate
     */
    public void setSegments(List<Segment> newSegments) {
        List<Segment> copy = List.copyOf(newSegments);
        for (Segment s : copy) {
            if (s.clip().sampleRate() != sampleRate) {
                throw new IllegalArgumentException("a segment's clip is at " + SampleRates.describe(s.clip().sampleRate())
                        + " but the session runs at " + SampleRates.describe(sampleRate)
                        + "; resample it to the session rate when loading it (the decoders in dsp.io can)");
            }
        }
        List<Segment> sorted = new ArrayList<>(copy);
        sorted.sort(Comparator.comparingLong(Segment::destinationStartFrame));
        Segment[] array = sorted.toArray(new Segment[0]);
        float[] gains = new float[array.length];
        long end = 0;
        for (int i = 0; i < array.length; i++) {
            gains[i] = (float) Gain.linear(array[i].gainDb());
            end = Math.max(end, array[i].destinationEndFrame());
        }
        this.segments = copy;
        this.playlist = new Playlist(array, gains, end);
    }

    /** The timeline as last given. */
    public List<Segment> segments() {
        return segments;
    }

    /** The session frame after the last segment ends. */
    public long endFrame() {
        return playlist.endFrame();
    }

    public FadeCurve curve() {
        return curve;
    }

    /**
     * One part of a comp: the take that plays until a session frame.
     *
     * @param take       the take, recorded in time with the phrase (its frame 0 is the phrase's start)
     * @param untilFrame the session frame where the next part takes over (for the last part: the
     *                   phrase's end)
     */
    public record CompPart(AudioClip take, long untilFrame) {
        public CompPart {
            Objects.requireNonNull(take, "take");
        }
    }

    /**
     * The segments of a comp: the phrase from {@code phraseStart}, each part playing its take (in time
     * with the phrase) until its {@code untilFrame}, every join crossfaded over {@code crossfadeFrames}
     * centred on it. For {@code verse-1: [{take: take-3, until_s: 1.25}, {take: take-1}]} with
     * {@code crossfade_ms: 10}: two parts, the first until the phrase start + 1.25 s, the second until
     * the phrase's end.
     *
     * @throws IllegalArgumentException if the parts do not follow one another with room for the
     *                                  crossfades, or a take is too short for its part
     */
    public static List<Segment> comp(long phraseStart, List<CompPart> parts, int crossfadeFrames) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a comp needs at least one part");
        }
        if (crossfadeFrames < 0) {
            throw new IllegalArgumentException("crossfade must not be negative, was " + crossfadeFrames + " frames");
        }
        int half = crossfadeFrames / 2;
        List<Segment> out = new ArrayList<>();
        long previousJoin = phraseStart;
        for (int i = 0; i < parts.size(); i++) {
            CompPart p = parts.get(i);
            boolean first = i == 0;
            boolean last = i == parts.size() - 1;
            long join = p.untilFrame();
            long room = join - previousJoin - (first ? half : crossfadeFrames) + (last ? half : 0);
            if (room < (last ? 1 : 0) || join <= previousJoin) {
                throw new IllegalArgumentException("comp part " + (i + 1) + " (until frame " + join
                        + ") is too short for " + crossfadeFrames + "-frame crossfades after frame " + previousJoin);
            }
            long start = first ? phraseStart : previousJoin - half;
            long end = last ? join : join - half + crossfadeFrames;
            out.add(new Segment(p.take(), start - phraseStart, start, end - start,
                    first ? 0 : crossfadeFrames, last ? 0 : crossfadeFrames, 0));
            previousJoin = join;
        }
        return List.copyOf(out);
    }

    @Override
    public OptionalDouble sampleRate() {
        return OptionalDouble.of(sampleRate);
    }

    /**
     * Two segments joined with a crossfade of {@code frames} centred on {@code joinFrame}: the first
     * plays its clip from {@code firstSourceStart} at {@code firstStart} until {@code joinFrame + frames/2}
     * (fading out over its last {@code frames}), the second from {@code joinFrame - frames/2} on (fading in
     * over its first {@code frames}) for {@code secondLength} frames, and at every session frame each
     * plays the clip frame it would play without the join. For a comp: two takes of a phrase recorded
     * in time, joined at a session frame.
     *
     * @param secondSourceStart the second clip's frame that plays at {@code joinFrame}
     * @param secondLengthAfterJoin how long the second plays after {@code joinFrame}
     */
    public static List<Segment> crossfade(AudioClip first, long firstSourceStart, long firstStart,
                                          AudioClip second, long secondSourceStart, long joinFrame,
                                          long secondLengthAfterJoin, int frames) {
        if (frames < 0 || joinFrame - frames / 2 < firstStart) {
            throw new IllegalArgumentException("a crossfade of " + frames + " frames at frame " + joinFrame
                    + " does not fit after the first segment's start (" + firstStart + ")");
        }
        int half = frames / 2;
        long firstEnd = joinFrame - half + frames;
        Segment a = new Segment(first, firstSourceStart, firstStart, firstEnd - firstStart, 0, frames, 0);
        long secondStart = joinFrame - half;
        Segment b = new Segment(second, secondSourceStart - half, secondStart, half + secondLengthAfterJoin, frames, 0, 0);
        return List.of(a, b);
    }

    /** Frames of the crossfade from the old list to a new one. */
    public int swapFadeFrames() {
        return swapFrames;
    }

    @Override
    public void fill(float[] stereo, long startFrame, int frames) {
        Arrays.fill(stereo, 0, frames * 2, 0f);
        Playlist list = playlist;
        if (list != playing) {
            // a new list: fade out what was heard (if a fade was under way, from the list that was
            // fading in; the one fading out is dropped: at most a few ms of it are left)
            fadingOut = playing;
            playing = list;
            swapPos = 0;
        }
        if (fadingOut != null) {
            addList(stereo, startFrame, frames, fadingOut, -1);
            addList(stereo, startFrame, frames, list, +1);
            swapPos += frames;
            if (swapPos >= swapFrames) {
                fadingOut = null;
            }
        } else {
            addList(stereo, startFrame, frames, list, 0);
        }
    }

    /** Adds every segment of a list that sounds in the block; {@code swap}: +1 fading in, −1 fading out, 0 steady. */
    private void addList(float[] stereo, long startFrame, int frames, Playlist list, int swap) {
        Segment[] segs = list.segments();
        float[] gains = list.gains();
        long end = startFrame + frames;
        for (int k = 0; k < segs.length; k++) {
            Segment s = segs[k];
            long segStart = s.destinationStartFrame();
            if (segStart >= end) {
                break;
            }
            long segEnd = segStart + s.lengthFrames();
            if (segEnd <= startFrame) {
                continue;
            }
            long from = Math.max(startFrame, segStart);
            long to = Math.min(end, segEnd);
            int outFrame = (int) (from - startFrame);
            add(stereo, outFrame, s, from - segStart, (int) (to - from), gains[k], swap, swapPos + outFrame);
        }
    }

    /** Adds {@code n} frames of segment s from its frame {@code at} into out from frame {@code outFrame}. */
    private void add(float[] out, int outFrame, Segment s, long at, int n, float gain, int swap, int swapAt) {
        float[] src = s.clip().samples();
        boolean mono = s.clip().channels() == 1;
        int source = (int) (s.sourceStartFrame() + at);
        long length = s.lengthFrames();
        int fadeIn = s.fadeInFrames();
        int fadeOut = s.fadeOutFrames();
        long fadeOutStart = length - fadeOut;
        boolean plain = at >= fadeIn && at + n <= fadeOutStart && swap == 0;
        for (int i = 0; i < n; i++) {
            float g = gain;
            if (!plain) {
                long k = at + i;
                double e = 1;
                if (k < fadeIn) {
                    e = shape((k + 0.5) / fadeIn);
                }
                if (k >= fadeOutStart) {
                    e *= shape(1 - (k - fadeOutStart + 0.5) / fadeOut);
                }
                if (swap != 0) {
                    double r = Math.min(1, (swapAt + i + 1) / (double) swapFrames);
                    e *= swap > 0 ? r : 1 - r;
                }
                g = (float) (gain * e);
            }
            int o = 2 * (outFrame + i);
            if (mono) {
                float v = src[source + i] * g;
                out[o] += v;
                out[o + 1] += v;
            } else {
                int j = 2 * (source + i);
                out[o] += src[j] * g;
                out[o + 1] += src[j + 1] * g;
            }
        }
    }

    private double shape(double t) {
        return curve == FadeCurve.LINEAR ? t : Math.sin(t * Math.PI / 2);
    }
}
