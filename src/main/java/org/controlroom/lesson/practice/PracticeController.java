package org.controlroom.lesson.practice;

import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.store.StoreException;

/**
 * Drives one attempt for a screen: brief, each step with its sound, the learner's listens and
 * answers, feedback, the result. Knows no Swing: it talks to a {@link PracticeView}. Its methods do
 * database and audio work, so callers run them off the UI thread, one at a time.
 */
public final class PracticeController implements AutoCloseable {

    private final Practice.Attempt attempt;
    private final PracticeView view;
    private final DrillSound sound;
    private final DrillAudio audio;
    private boolean soundProblemShown;
    private boolean soundReady;

    public PracticeController(Practice.Attempt attempt, PracticeView view, DrillSound sound) {
        this.attempt = attempt;
        this.view = view;
        this.sound = sound;
        LessonRunner r = attempt.runner();
        this.audio = attempt.drillAudio().orElse(null);
        view.showBrief(r.lesson().title(), r.brief(), r.stepCount());
    }

    public LessonRunner runner() {
        return attempt.runner();
    }

    /** Leaves the brief for the first step. */
    public void begin() {
        show(attempt.runner().begin());
    }

    /** The learner listens to A or B (counted with the answer). */
    public void listen(LessonRunner.Side side) {
        if (attempt.runner().state() != LessonRunner.State.QUESTION || audio == null) {
            return;
        }
        attempt.runner().played(side);
        if (soundReady) {
            sound.play(side);
            view.showListening(side);
        }
    }

    /** Answers the current step; the answer is stored before the feedback shows. */
    public void answer(Response response) {
        try {
            Feedback f = attempt.runner().answer(response);
            sound.stop();
            view.showFeedback(f, attempt.runner().currentStep().index() + 1 == attempt.runner().stepCount());
        } catch (IllegalArgumentException e) {
            view.showError(e.getMessage());
        } catch (StoreException e) {
            view.showError(e.getMessage() + ". Your earlier answers are saved; answer again to retry.");
        }
    }

    /** Moves on to the next step, or to the result after the last. */
    public void next() {
        try {
            Optional<Step> next = attempt.runner().next();
            if (next.isPresent()) {
                show(next.get());
            } else {
                sound.close();
                view.showResult(attempt.runner().result().orElseThrow(), attempt.careerLine());
            }
        } catch (StoreException e) {
            view.showError(e.getMessage());
        }
    }

    private void show(Step step) {
        view.showStep(step);
        soundReady = false;
        Optional<DrillQuestion> q = step.drillQuestion();
        if (q.isEmpty() || audio == null) {
            return;
        }
        try {
            DrillAudio.Pair pair = audio.render(q.get());
            DrillExercise e = q.get().exercise();
            sound.load(pair, e == DrillExercise.EQ_FREQUENCY || e == DrillExercise.COMPRESSION);
            soundReady = true;
        } catch (PlaybackUnavailableException e) {
            if (!soundProblemShown) {
                soundProblemShown = true;
                view.showSoundProblem(e.getMessage());
            }
        } catch (AudioFileException e) {
            view.showError(e.getMessage());
        }
    }

    @Override
    public void close() {
        sound.close();
    }
}
