package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.controlroom.lesson.practice.PracticeView;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.session.LessonSession;

/**
 * The practice screen at the terminal: the same {@link org.controlroom.lesson.practice.PracticeController}
 * drives it as drives the window. Prompts go to {@code talk}; the result (unless JSON was asked for) too.
 */
final class TerminalPracticeView implements PracticeView {
    private final PrintWriter talk;
    private String lastError;
    private boolean soundProblem;
    private AttemptFinished result;
    private String careerLine;

    TerminalPracticeView(PrintWriter talk) {
        this.talk = talk;
    }

    @Override
    public void showBrief(String title, String brief, int steps) {
        talk.println(Terminal.safe(title));
        talk.println(Terminal.safe(brief.strip()));
        talk.println();
        talk.flush();
    }

    @Override
    public void showNotice(String message) {
        talk.println("(" + Terminal.safe(message) + ")");
        talk.flush();
    }

    @Override
    public void showSession(LessonSession session) {
        talk.println("Session: " + session.lesson().kind().id() + " (" + session.lesson().id() + ")");
        talk.flush();
    }

    @Override
    public void showWorking(String message) {
        talk.println(message);
        talk.flush();
    }

    @Override
    public void showStep(Step step) {
        lastError = null;
        talk.printf(Locale.ROOT, "Step %d of %d: %s%n", step.index() + 1, step.count(), Terminal.safe(step.prompt()));
        List<Choice> choices = step.choices();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            talk.printf(Locale.ROOT, "  #%d  %s%s%n", i + 1, step.drillQuestion().isPresent() ? "" : c.id() + "  ",
                    Terminal.safe(c.label()));
        }
        if (step.drillQuestion().filter(q -> q.exercise().dialled()).isPresent()) {
            int n = step.drillQuestion().get().hidden().size();
            talk.println("  (type a or b to listen, then " + (n == 1 ? "the band" : "all " + n + " bands, comma separated")
                    + " as FREQ GAIN Q, e.g. '1.2k -6 1.4')");
        } else if (step.drillQuestion().isPresent()) {
            talk.println("  (type a or b to listen, then your answer)");
        }
        prompt(step);
    }

    void prompt(Step step) {
        talk.print(step.drillQuestion().isEmpty() && step.multipleChoice() ? "> (ids, comma separated, or none) " : "> ");
        talk.flush();
    }

    @Override
    public void showFeedback(Feedback feedback, boolean lastStep) {
        talk.println(Terminal.safe(feedback.message()));
        talk.println();
        talk.flush();
    }

    @Override
    public void showResult(AttemptFinished result, String careerLine) {
        this.result = result;
        this.careerLine = careerLine;
    }

    @Override
    public void showListening(LessonRunner.Side side) {
        talk.println("  playing " + side + " (loops; type the other letter to switch)");
        talk.flush();
    }

    @Override
    public void showSoundProblem(String message) {
        soundProblem = true;
        talk.println("  no sound: " + message.replaceAll("[.\\s]+$", "")
                + ". Run with --audio-dir DIR to get each question as WAV files.");
        talk.flush();
    }

    @Override
    public void showError(String message) {
        lastError = message;
        talk.println(Terminal.safe(message));
        talk.flush();
    }

    /** The error shown since the last step, if any (an answer that did not fit, a failed save). */
    String lastError() {
        return lastError;
    }

    void clearError() {
        lastError = null;
    }

    boolean soundProblem() {
        return soundProblem;
    }

    AttemptFinished result() {
        return result;
    }

    String careerLine() {
        return careerLine;
    }
}
