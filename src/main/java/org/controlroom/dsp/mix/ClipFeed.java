package org.controlroom.dsp.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.controlroom.dsp.AudioClip;

/**
 * Clips placed on a track's timeline. A mono clip plays on both sides (the strip's pan places it);
 * a stereo clip keeps its sides; overlapping clips add up.
 */
public final class ClipFeed implements TrackFeed {

    /** A clip starting at a session frame. */
    public record Placement(AudioClip clip, long startFrame) {
        public Placement {
            if (clip.channels() > 2) {
                throw new IllegalArgumentException("a track plays mono or stereo clips, not " + clip.channels() + " channels");
            }
            if (startFrame < 0) {
                throw new IllegalArgumentException("a clip cannot start before the session, was frame " + startFrame);
            }
        }

        long endFrame() {
            return startFrame + clip.frames();
        }
    }

    private final List<Placement> placements;
    private final Placement[] ordered;   // for the audio thread: no iterator per block
    private final java.util.OptionalDouble sampleRate;
    private final boolean allMono;

    /** @throws IllegalArgumentException if the clips are not all at one sample rate */
    public ClipFeed(List<Placement> placements) {
        List<Placement> sorted = new ArrayList<>(placements);
        sorted.sort(Comparator.comparingLong(Placement::startFrame));
        this.placements = List.copyOf(sorted);
        this.sampleRate = commonRate(this.placements.stream().map(Placement::clip).toList());
        this.ordered = this.placements.toArray(new Placement[0]);
        this.allMono = this.placements.stream().allMatch(p -> p.clip().channels() == 1);
    }

    /** The one rate of these clips (empty for none); a clear error if they differ. */
    static java.util.OptionalDouble commonRate(List<AudioClip> clips) {
        if (clips.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        double rate = clips.get(0).sampleRate();
        for (AudioClip c : clips) {
            if (c.sampleRate() != rate) {
                throw new IllegalArgumentException("a track's clips must share one sample rate; found "
                        + SampleRates.describe(rate) + " and " + SampleRates.describe(c.sampleRate())
                        + ". Resample every clip to the session rate when loading it");
            }
        }
        return java.util.OptionalDouble.of(rate);
    }

    @Override
    public java.util.OptionalDouble sampleRate() {
        return sampleRate;
    }

    public static ClipFeed of(AudioClip clip, long startFrame) {
        return new ClipFeed(List.of(new Placement(clip, startFrame)));
    }

    /** The frame after the last clip ends. */
    public long endFrame() {
        return placements.stream().mapToLong(Placement::endFrame).max().orElse(0);
    }

    @Override
    public boolean fillMono(float[] mono, long startFrame, int frames) {
        if (!allMono) {
            return false;
        }
        Arrays.fill(mono, 0, frames, 0f);
        long end = startFrame + frames;
        for (Placement p : ordered) {
            if (p.startFrame() >= end) {
                break;
            }
            if (p.endFrame() <= startFrame) {
                continue;
            }
            long from = Math.max(startFrame, p.startFrame());
            long to = Math.min(end, p.endFrame());
            float[] s = p.clip().samples();
            int out = (int) (from - startFrame);
            int in = (int) (from - p.startFrame());
            int n = (int) (to - from);
            for (int i = 0; i < n; i++) {
                mono[out + i] += s[in + i];
            }
        }
        return true;
    }

    @Override
    public void fill(float[] stereo, long startFrame, int frames) {
        Arrays.fill(stereo, 0, frames * 2, 0f);
        long end = startFrame + frames;
        for (Placement p : ordered) {
            if (p.startFrame() >= end) {
                break;
            }
            if (p.endFrame() <= startFrame) {
                continue;
            }
            long from = Math.max(startFrame, p.startFrame());
            long to = Math.min(end, p.endFrame());
            float[] s = p.clip().samples();
            int out = (int) (from - startFrame) * 2;
            int in = (int) (from - p.startFrame());
            int n = (int) (to - from);
            if (p.clip().channels() == 1) {
                for (int i = 0; i < n; i++) {
                    float v = s[in + i];
                    stereo[out + 2 * i] += v;
                    stereo[out + 2 * i + 1] += v;
                }
            } else {
                for (int i = 0; i < 2 * n; i++) {
                    stereo[out + i] += s[2 * in + i];
                }
            }
        }
    }
}
