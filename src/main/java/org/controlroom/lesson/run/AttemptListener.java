package org.controlroom.lesson.run;

/**
 * Hears what happens in an attempt, as it happens. The store adapter commits each event when it
 * arrives, so an answer is never lost once {@link #answerGiven} returns.
 */
public interface AttemptListener {

    void attemptStarted(AttemptStarted started);

    void answerGiven(AnswerGiven answer);

    void attemptFinished(AttemptFinished finished);

    /** A listener that ignores everything (previews, tests of pure scoring). */
    AttemptListener NONE = new AttemptListener() {
        @Override
        public void attemptStarted(AttemptStarted started) {
        }

        @Override
        public void answerGiven(AnswerGiven answer) {
        }

        @Override
        public void attemptFinished(AttemptFinished finished) {
        }
    };
}
