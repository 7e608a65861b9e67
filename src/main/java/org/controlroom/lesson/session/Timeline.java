package org.controlroom.lesson.session;

import org.controlroom.dsp.AudioClip;

/**
 * A stereo clip assembled from pieces of other clips, each faded in and out over a few milliseconds
 * (joins crossfade, equal-gain linear). Built off the audio thread; the result is an ordinary clip.
 */
final class Timeline {
    private final double sampleRate;
    private final float[] stereo;

    Timeline(double sampleRate, long frames) {
        if (frames > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("the session is too long to render (" + frames + " frames)");
        }
        this.sampleRate = sampleRate;
        this.stereo = new float[(int) frames * 2];
    }

    /**
     * Adds {@code frames} frames of {@code source} from {@code sourceFrame} (looping the source when it is
     * shorter) at {@code destFrame}, faded over {@code fadeFrames} at both ends.
     */
    void add(AudioClip source, long sourceFrame, long destFrame, long frames, int fadeFrames, boolean loop) {
        int n = source.frames();
        if (n == 0) {
            return;
        }
        int ch = source.channels();
        float[] s = source.samples();
        long end = Math.min(destFrame + frames, stereo.length / 2);
        for (long d = Math.max(0, destFrame); d < end; d++) {
            long i = d - destFrame;
            long src = sourceFrame + i;
            if (loop) {
                src = Math.floorMod(src, n);
            } else if (src < 0 || src >= n) {
                continue;
            }
            double g = 1;
            if (fadeFrames > 0) {
                if (i < fadeFrames) {
                    g = (i + 0.5) / fadeFrames;
                }
                long left = frames - 1 - i;
                if (left < fadeFrames) {
                    g = Math.min(g, (left + 0.5) / fadeFrames);
                }
            }
            int base = (int) src * ch;
            float l = s[base];
            float r = ch > 1 ? s[base + 1] : l;
            int o = (int) d * 2;
            stereo[o] += (float) (g * l);
            stereo[o + 1] += (float) (g * r);
        }
    }

    AudioClip clip() {
        return new AudioClip(sampleRate, 2, stereo);
    }
}
