package org.controlroom.lesson.music;

/** What became of a file the learner added to "My music". */
public enum MusicStatus {
    /** Readable audio with sound in it. */
    OK,
    /** Not where it was added (moved, renamed, deleted, or its drive is not connected). */
    MOVED,
    /** Present but not readable as audio (damaged, or a format Control Room does not read). */
    DAMAGED,
    /** Readable but silent (or so quiet that nothing could be heard in a drill). */
    SILENT
}
