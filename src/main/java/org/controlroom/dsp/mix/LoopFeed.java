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
    public java.util.OptionalDouble sampleRate() {
        return java.util.OptionalDouble.of(clip.sampleRate());
    }

    @Override
    public boolean fillMono(float[] mono, long startFrame, int frames) {
        if (clip.channels() != 1) {
            return false;
        }
        float[] s = clip.samples();
        int length = clip.frames();
        int pos = (int) (startFrame % length);
        int done = 0;
        while (done < frames) {
            int run = Math.min(frames - done, length - pos);
            System.arraycopy(s, pos, mono, done, run);
            done += run;
            pos = 0;
        }
        return true;
    }

    @Override
    public void fill(float[] stereo, long startFrame, int frames) {
        float[] s = clip.samples();
        int length = clip.frames();
        int pos = (int) (startFrame % length);
        int done = 0;
        while (done < frames) {
            int run = Math.min(frames - done, length - pos);
            if (clip.channels() == 2) {
                System.arraycopy(s, 2 * pos, stereo, 2 * done, 2 * run);
            } else {
                for (int i = 0; i < run; i++) {
                    float v = s[pos + i];
                    stereo[2 * (done + i)] = v;
                    stereo[2 * (done + i) + 1] = v;
                }
            }
            done += run;
            pos = 0;
        }
    }
}
