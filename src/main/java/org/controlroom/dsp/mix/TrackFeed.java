package org.controlroom.dsp.mix;

/** Where a track's sound comes from: fills stereo interleaved frames of the session timeline. */
@FunctionalInterface
public interface TrackFeed {

    /**
     * Writes {@code frames} stereo frames starting at session frame {@code startFrame} into
     * {@code stereo} from index 0 (left, right, left, right…), silence where there is nothing.
     */
    void fill(float[] stereo, long startFrame, int frames);

    /**
     * The sample rate of the audio this feed plays, if it plays recorded clips; empty for a feed that
     * works at any rate (silence, a generator). A {@link Mixer} refuses a feed at another rate than
     * its session: sources are resampled once, when they are loaded ({@code dsp.io}), never while playing.
     */
    default java.util.OptionalDouble sampleRate() {
        return java.util.OptionalDouble.empty();
    }

    /**
     * For a feed whose sides are equal (mono clips): writes {@code frames} frames of the one side
     * into {@code mono} from index 0 and returns true, so the strip can process it once before its
     * pan. Otherwise returns false, writing nothing (then {@link #fill} is used).
     */
    default boolean fillMono(float[] mono, long startFrame, int frames) {
        return false;
    }

    /** A feed of silence. */
    TrackFeed SILENCE = (stereo, startFrame, frames) -> java.util.Arrays.fill(stereo, 0, frames * 2, 0f);
}
