package org.controlroom.lesson.run;

import java.util.List;

/**
 * How one kind of lesson plays: its steps, how an answer to a step is judged, and the criteria the
 * whole attempt is scored on. A play is made for one attempt from its seed, so it replays identically.
 */
interface LessonPlay {

    int stepCount();

    Step step(int index);

    /**
     * Judges a response to step {@code index}.
     *
     * @throws IllegalArgumentException when the response does not fit the step (not one of its options)
     */
    Judgement judge(int index, Response response, long responseMillis);

    /** The criteria of the finished attempt, scored 0–100 (weights are applied by the runner). */
    List<Criterion> criteria();

    /** A judged answer: the feedback and the JSON records of the question and the response. */
    record Judgement(Feedback feedback, String questionJson, String responseJson) {
    }
}
