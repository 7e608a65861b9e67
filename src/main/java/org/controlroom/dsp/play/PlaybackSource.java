package org.controlroom.dsp.play;

/** What the listener hears: the processed mix, a reference, or the unprocessed (dry) audio. */
public enum PlaybackSource {
    /** Usually the processed clip (the learner's mix). */
    A,
    /** Usually a reference clip (the target or a commercial reference). */
    B,
    /** The dry clip: processing bypassed. */
    BYPASS
}
