package org.controlroom.lesson.session;

import org.controlroom.dsp.mix.Mixer;

/**
 * A session's sound: a mixer that plays it (offline to a file, or live through the player) and stays
 * bound to the session's later edits until closed.
 */
public interface SessionSound extends AutoCloseable {

    Mixer mixer();

    /** How long the session plays, in frames at the mixer's rate (the limiter's latency not included). */
    long frames();

    /** Stops following the session's edits. */
    @Override
    void close();
}
