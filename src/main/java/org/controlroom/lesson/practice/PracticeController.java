package org.controlroom.lesson.practice;

import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonPlay;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
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
    private boolean soundProblemShown;
    private boolean soundReady;
    private boolean stepHasSound;

    public PracticeController(Practice.Attempt attempt, PracticeView view, DrillSound sound) {
        this.attempt = attempt;
        this.view = view;
        this.sound = sound;
        LessonRunner r = attempt.runner();
        view.showBrief(r.lesson().title(), r.brief(), r.stepCount());
        attempt.notices().forEach(view::showNotice);
    }

    public LessonRunner runner() {
        return attempt.runner();
    }

    public Practice.Attempt attempt() {
        return attempt;
    }

    /** Leaves the brief: for the session (session lessons) or the first step. */
    public void begin() {
        LessonRunner r = attempt.runner();
        if (r.session().isPresent()) {
            view.showSession(r.beginSession());
        } else {
            show(r.begin());
        }
    }

    /**
     * Submits the session: saved, rendered and measured; then the steps or the result follow.
     */
    public void submit() {
        LessonRunner r = attempt.runner();
        if (r.state() != LessonRunner.State.SESSION) {
            return;
        }
        try {
            attempt.autosave().ifPresent(SessionAutosave::flush);
            view.showWorking("Rendering and measuring your " + r.lesson().kind().id() + "…");
            Optional<Step> next = r.submit();
            if (next.isPresent()) {
                show(next.get());
            } else {
                finished();
            }
        } catch (AudioFileException e) {
            view.showError(e.getMessage());
        } catch (StoreException e) {
            view.showError(e.getMessage() + ". Your session is saved; submit again to retry.");
        }
    }

    private void finished() {
        sound.close();
        attempt.autosave().ifPresent(a -> {
            a.close();
            a.discard();
        });
        view.showResult(attempt.runner().result().orElseThrow(), attempt.careerLine());
    }

    /**
     * The learner listens to A or B: counted with the answer while the question is open; after the
     * answer, A and B still play (to hear what the answer was) without counting.
     */
    public void listen(LessonRunner.Side side) {
        LessonRunner.State state = attempt.runner().state();
        if ((state != LessonRunner.State.QUESTION && state != LessonRunner.State.FEEDBACK) || !stepHasSound) {
            return;
        }
        if (state == LessonRunner.State.QUESTION) {
            attempt.runner().played(side);
        }
        if (soundReady) {
            sound.play(side);
            view.showListening(side);
        }
    }

    /**
     * eq-match: B as the learner's dials make it (rendered by the caller, never on the audio thread), swapped in
     * while it plays, keeping the playhead.
     */
    public void dial(org.controlroom.dsp.AudioClip b) {
        if (soundReady && attempt.runner().state() == LessonRunner.State.QUESTION) {
            sound.replace(LessonRunner.Side.B, b);
        }
    }

    /** Stops the question's sound (Space on the drill screen). */
    public void stopListening() {
        sound.stop();
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
                finished();
            }
        } catch (StoreException e) {
            view.showError(e.getMessage());
        }
    }

    private void show(Step step) {
        view.showStep(step);
        soundReady = false;
        stepHasSound = false;
        try {
            Optional<LessonPlay.Listening> listening = attempt.runner().listening();
            if (listening.isEmpty()) {
                return;
            }
            stepHasSound = true;
            view.showDrillSound(listening.get().pair());
            sound.load(listening.get().pair(), listening.get().matchLoudness());
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

    /**
     * Pauses the attempt ("resume later"): the sound stops and a session's work is saved; the attempt stays
     * open, so {@link #resume} continues where the learner was.
     */
    public void pause() {
        sound.stop();
        attempt.autosave().ifPresent(SessionAutosave::flush);
    }

    /** Shows the attempt again where the learner left it: the brief, the session, the step or its feedback. */
    public void resume() {
        LessonRunner r = attempt.runner();
        switch (r.state()) {
            case BRIEF -> view.showBrief(r.lesson().title(), r.brief(), r.stepCount());
            case SESSION -> view.showSession(r.session().orElseThrow());
            case QUESTION -> show(r.currentStep());
            case FEEDBACK -> {
                view.showStep(r.currentStep());
                view.showFeedback(r.feedback(), r.currentStep().index() + 1 == r.stepCount());
            }
            case FINISHED -> view.showResult(r.result().orElseThrow(), attempt.careerLine());
            default -> throw new IllegalStateException("unknown state " + r.state());
        }
    }

    /** Quits the attempt: it stays unfinished in the store (its answers kept); a session's saved work is discarded. */
    public void quit() {
        sound.close();
        attempt.autosave().ifPresent(a -> {
            a.close();
            a.discard();
        });
    }

    @Override
    public void close() {
        sound.close();
        attempt.autosave().ifPresent(SessionAutosave::close);
    }
}
