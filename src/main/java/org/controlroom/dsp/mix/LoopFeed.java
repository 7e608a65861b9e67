package org.controlroom.dsp.mix;

import org.controlroom.dsp.AudioClip;

/** A clip repeated end to end for ever (drill loops, benchmark material); mono plays on both sides. */
public final class LoopFeed implements TrackFeed {

    private final AudioClip clip;

    public LoopFeed(AudioClip clip) {
        if (clip.frames() == 0 || clip.channels() > 2) {
            throw new IllegalArgumentException("a loop needs a mono or stereo clip with at least one frame");
        }
        this.clip = clip;
    }

    @Override
    public void fill(float[] stereo, long startFrame, int frames) {
        float[] s = clip.samples();
        int length = clip.frames();
        int pos = (int) (startFrame % length);
        boolean mono = clip.channels() == 1;
        for (int f = 0; f < frames; f++) {
            if (mono) {
                stereo[2 * f] = s[pos];
                stereo[2 * f + 1] = s[pos];
            } else {
                stereo[2 * f] = s[2 * pos];
                stereo[2 * f + 1] = s[2 * pos + 1];
            }
            if (++pos == length) {
                pos = 0;
            }
        }
    }
}
