package org.controlroom.lesson.script;

import java.util.List;

import org.controlroom.analysis.take.SungNote;
import org.controlroom.analysis.take.TakeFlaw;
import org.controlroom.analysis.take.TakeSynth;

/**
 * How a generated take is made: the phrase's notes (take time), who sings or plays them, the flaws put
 * in, and the seed (the same recipe always makes the same take).
 */
public record TakeRecipe(List<SungNote> notes, double lengthS, TakeSynth.Voice voice, List<TakeFlaw> flaws, long seed) {
    public TakeRecipe {
        notes = List.copyOf(notes);
        flaws = List.copyOf(flaws);
    }

    /** The take's mono samples at {@code rate}. */
    public float[] render(double rate, double a4Hz) {
        return new TakeSynth(rate, a4Hz).render(notes, lengthS, voice, flaws, seed);
    }
}
