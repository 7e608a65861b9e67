package org.controlroom.dsp.play;

/**
 * A loop region in frames: playback runs from {@code startFrame} up to, not including,
 * {@code endFrame}, then continues at {@code startFrame} on the very next sample.
 */
public record LoopRegion(long startFrame, long endFrame) {

    public LoopRegion {
        if (startFrame < 0) {
            throw new IllegalArgumentException("loop start must not be negative, was " + startFrame);
        }
        if (endFrame <= startFrame) {
            throw new IllegalArgumentException("loop end (" + endFrame + ") must come after its start ("
                    + startFrame + ")");
        }
    }

    /** A loop region given in seconds at the given sample rate. */
    public static LoopRegion ofSeconds(double startSeconds, double endSeconds, double sampleRate) {
        return new LoopRegion(Math.round(startSeconds * sampleRate), Math.round(endSeconds * sampleRate));
    }

    /** Length in frames. */
    public long frames() {
        return endFrame - startFrame;
    }

    boolean contains(long frame) {
        return frame >= startFrame && frame < endFrame;
    }
}
