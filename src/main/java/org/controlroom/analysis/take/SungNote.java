package org.controlroom.analysis.take;

/**
 * A note a take is made of or measured against: onset and length in seconds from the top of the take,
 * pitch as a MIDI note number (69 = A4).
 */
public record SungNote(double onsetS, double seconds, int midi) {

    public SungNote {
        if (!(seconds > 0) || !Double.isFinite(onsetS)) {
            throw new IllegalArgumentException("a note needs a finite onset and a positive length");
        }
    }

    /** The note's equal-tempered frequency with A4 at {@code a4Hz}. */
    public double hz(double a4Hz) {
        return a4Hz * Math.pow(2, (midi - 69) / 12.0);
    }

    public double endS() {
        return onsetS + seconds;
    }
}
