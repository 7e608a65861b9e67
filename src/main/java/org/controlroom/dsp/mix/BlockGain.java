package org.controlroom.dsp.mix;

/**
 * A gain that moves to a new target in a straight line over a fixed time, in whole blocks: each
 * block is ramped from the gain at its start to the gain at its end. A block at least as long as the
 * ramp reaches the target within itself; shorter blocks (small live buffers) share the ramp, so a
 * mute or a fader jump never takes less than the ramp time. Rendering thread only.
 */
final class BlockGain {

    /** Shortest time a mute, solo or bus/master fader change takes, milliseconds. */
    static final double RAMP_MS = 5;

    private double current;
    private double from;
    private double to;
    private long pos;

    BlockGain(double initial) {
        current = initial;
        from = initial;
        to = initial;
    }

    /** The gain at the start of the next block. */
    double current() {
        return current;
    }

    /** Moves toward {@code target} over a block of {@code frames}; returns the gain at its end. */
    double advance(double target, int frames, int rampFrames) {
        if (target != to) {
            from = current;
            to = target;
            pos = 0;
        }
        if (current != to) {
            pos += frames;
            current = pos >= rampFrames ? to : from + (to - from) * pos / rampFrames;
        }
        return current;
    }
}
