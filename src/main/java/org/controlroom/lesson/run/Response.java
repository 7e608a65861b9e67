package org.controlroom.lesson.run;

import java.util.List;

/** What the learner answered to a step. */
public sealed interface Response permits Response.Value, Response.Options, Response.Match {

    /** A number: a frequency, a level in dB, a pan position, a ratio. */
    record Value(double value) implements Response {
    }

    /** One or more option ids (a studio, a set of musicians...). An empty list is a valid "none". */
    record Options(List<String> ids) implements Response {
        public Options {
            ids = List.copyOf(ids);
        }

        public static Options of(String... ids) {
            return new Options(List.of(ids));
        }
    }

    /** One band the learner dialled (eq-match): its centre in Hz, its gain in dB and its Q. */
    record Band(double hz, double gainDb, double q) {
    }

    /** The bands the learner dialled to undo or copy a hidden EQ (eq-match), one per hidden band. */
    record Match(List<Band> bands) implements Response {
        public Match {
            bands = List.copyOf(bands);
        }
    }
}
