package org.controlroom.analysis.take;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * A flaw put into a generated take at a known amount, so that analysis can be checked against it and a
 * lesson can say what is wrong ("18 cents flat on the last note"). Notes are counted from 0 in the
 * phrase; an empty note means every note.
 */
public sealed interface TakeFlaw {

    /** Words for a lesson or a test report. */
    String describe();

    /** Sung sharp (+) or flat (−) by {@code cents}, on one note or all. */
    record Pitch(double cents, OptionalInt note) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%.0f cents %s%s", Math.abs(cents), cents < 0 ? "flat" : "sharp",
                    note.isPresent() ? " on note " + (note.getAsInt() + 1) : "");
        }
    }

    /** The pitch drifts from in tune at the first note to {@code cents} at the end of the phrase. */
    record Drift(double cents) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "drifts %.0f cents %s by the end", Math.abs(cents), cents < 0 ? "flat" : "sharp");
        }
    }

    /** Comes in early (−) or late (+) by {@code ms}: one note, or (empty) the whole phrase moves. */
    record Entry(double ms, OptionalInt note) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s %.0f ms %s", note.isPresent() ? "note " + (note.getAsInt() + 1) : "enters",
                    Math.abs(ms), ms < 0 ? "early" : "late");
        }
    }

    /** Rushes: the notes come progressively early, the last by {@code ms}. */
    record Rush(double ms) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "rushes, the last note %.0f ms early", Math.abs(ms));
        }
    }

    /** One note driven {@code overDb} past full scale and clipped. */
    record Clip(int note, double overDb) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "clipped peak on note %d", note + 1);
        }
    }

    /** Steady hiss at {@code dbfs} (RMS) under the whole take. */
    record Noise(double dbfs) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "noise at %.0f dBFS", dbfs);
        }
    }

    /** A cough (a burst of breathy noise) at {@code atS} seconds. */
    record Cough(double atS) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "a cough at %.2f s", atS);
        }
    }

    /** A missing word: the note is not sung. */
    record Gap(int note) implements TakeFlaw {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "note %d missing", note + 1);
        }
    }
}
