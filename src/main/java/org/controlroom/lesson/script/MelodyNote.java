package org.controlroom.lesson.script;

/**
 * A note of a song's vocal melody: onset and length in seconds from the top of the song, pitch as a
 * MIDI note number (60 = C4; A4 = 69 = 440 Hz).
 */
public record MelodyNote(double onsetSeconds, double seconds, int midi, String name) {

    /** The note's equal-tempered frequency with A4 at {@code a4Hz}. */
    public double hz(double a4Hz) {
        return a4Hz * Math.pow(2, (midi - 69) / 12.0);
    }
}
