package org.controlroom.lesson.practice;

import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.session.LessonSession;

/**
 * What a practice screen shows; the {@link PracticeController} drives it. Implementations decide
 * which thread they draw on (the Swing view hops to the event thread).
 */
public interface PracticeView {

    void showBrief(String title, String brief, int steps);

    void showStep(Step step);

    /** The learner works on a session (mix, arrange, takes) until they submit it. */
    void showSession(LessonSession session);

    /** Long work is under way (rendering and measuring a submitted session). */
    default void showWorking(String message) {
    }

    /** Something the learner should know that is not an error (a session resumed). */
    default void showNotice(String message) {
    }

    void showFeedback(Feedback feedback, boolean lastStep);

    void showResult(AttemptFinished result, String careerLine);

    /** Which version is sounding now. */
    void showListening(LessonRunner.Side side);

    /** Sound cannot play (no device…): shown once; the drill goes on. */
    void showSoundProblem(String message);

    /** Something failed (the learner database, a sound file); the message says what to do. */
    void showError(String message);

    /** The current drill question's sound (A and B), for a picture of it and export as WAV; any thread. */
    default void showDrillSound(org.controlroom.lesson.run.DrillAudio.Pair pair) {
    }
}
