package org.controlroom.lesson.run;

import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.session.LessonSession;

/**
 * How one attempt at a lesson plays: question steps (a drill, a budget) and/or a session the learner
 * works on and submits (a mix, an arrangement, a comp), and the criteria the attempt is scored on. A
 * play is made for one attempt from its seed by its kind's {@link LessonKindPlugin}, so it replays
 * identically. The runner, the practice layer, the window and the command line know plays only
 * through this interface.
 */
public interface LessonPlay {

    /** Question steps (after the session, if there is one). */
    int stepCount();

    Step step(int index);

    /**
     * Judges a response to step {@code index}.
     *
     * @throws IllegalArgumentException when the response does not fit the step (not one of its options)
     */
    Judgement judge(int index, Response response, long responseMillis);

    /**
     * Judges a response given as {@code how} says (time taken, listens, whether speed may count); kinds
     * that score speed override this, the others judge from the time alone.
     */
    default Judgement judge(int index, Response response, Answering how) {
        return judge(index, response, how.millis());
    }

    /**
     * Hears that the answer to step {@code index} was stored (an adaptive drill chooses its next question
     * from it). A judgement whose save failed is not passed here, so a retry counts once.
     */
    default void answered(int index, Judgement judgement) {
    }

    /** The criteria of the finished attempt, scored 0–100 (weights are applied by the runner). */
    List<Criterion> criteria();

    /**
     * The hard limits the finished attempt broke (over budget, late ...): any one fails the lesson
     * whatever its score. Empty for kinds without hard limits.
     */
    default List<String> brokenLimits() {
        return List.of();
    }

    /** The session the learner works on before any steps, if this kind has one. */
    default Optional<LessonSession> session() {
        return Optional.empty();
    }

    /**
     * Renders and measures the submitted session; its criteria are then part of {@link #criteria()}.
     *
     * @throws AudioFileException when a sound the session uses cannot be read
     */
    default SessionSubmission submitSession() throws AudioFileException {
        throw new IllegalStateException("this lesson has no session to submit");
    }

    /**
     * The answer to step {@code index} that the session's plan already gives (a takes plan's
     * {@code answers}), so a plan file can carry a whole attempt; empty when it gives none.
     */
    default Optional<String> plannedAnswer(int index) {
        return Optional.empty();
    }

    /** The two versions a question step lets the learner hear (A and B), if it has sound. */
    default Optional<Listening> listening(int index) throws AudioFileException {
        return Optional.empty();
    }

    /** A judged answer: the feedback and the JSON records of the question and the response. */
    record Judgement(Feedback feedback, String questionJson, String responseJson,
                     Optional<org.controlroom.store.QuestionColumns> columns) {
        public Judgement(Feedback feedback, String questionJson, String responseJson) {
            this(feedback, questionJson, responseJson, Optional.empty());
        }
    }

    /**
     * A question's sound.
     *
     * @param matchLoudness whether A and B are played at the same loudness (level is not the question)
     */
    record Listening(DrillAudio.Pair pair, boolean matchLoudness) {
    }

    /** What the submit stored: the plan as JSON, and a one-line summary for the learner. */
    record SessionSubmission(String planJson, String summary) {
    }
}
