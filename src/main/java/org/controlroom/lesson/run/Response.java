package org.controlroom.lesson.run;

import java.util.List;

/** What the learner answered to a step. */
public sealed interface Response permits Response.Value, Response.Options {

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
}
