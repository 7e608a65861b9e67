package org.controlroom.lesson.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.session.LessonSession;

/**
 * Plays one attempt at a lesson, headless: brief → a question or decision per step → the learner's
 * answer → feedback → … → the final score (0–100, a breakdown per criterion) and pass or fail.
 *
 * <p>The UI, the command line and the tests all drive an attempt through this class. Every answer is
 * handed to the {@link AttemptListener} as soon as it is judged (the store commits it there), so a
 * crash loses nothing already answered. Random parts come from the attempt's seed: the same lesson and
 * seed replay identically.
 *
 * <p>Not thread-safe: drive one attempt from one thread (the UI does so off the EDT or on it, but
 * consistently).
 */
public final class LessonRunner {

    /** Where an attempt is. */
    public enum State { BRIEF, SESSION, QUESTION, FEEDBACK, FINISHED }

    /** Which version of the sound the learner listened to. */
    public enum Side { A, B }

    private final Lesson lesson;
    private final long seed;
    private final AttemptListener listener;
    private final Clock clock;
    private final LessonPlay play;
    private final AttemptTerms terms;

    private State state = State.BRIEF;
    private int index = -1;
    private Instant shownAt;
    private int playsA;
    private int playsB;
    private Feedback lastFeedback;
    private AttemptFinished result;
    private LessonPlay.SessionSubmission submitted;
    private final List<Feedback> feedback = new ArrayList<>();

    private LessonRunner(Lesson lesson, long seed, AttemptListener listener, Clock clock, LessonPlay play,
                         AttemptTerms terms) {
        this.terms = terms;
        this.lesson = lesson;
        this.seed = seed;
        this.listener = listener;
        this.clock = clock;
        this.play = play;
    }

    /**
     * Starts an attempt: the learner sees the brief. The listener hears {@code attemptStarted} now.
     *
     * @param sourceSeconds how long the lesson's source sound is (drills pick excerpts inside it); use
     *                      {@link Double#POSITIVE_INFINITY} for generated sources
     * @throws UnsupportedOperationException for kinds this build cannot play yet
     */
    public static LessonRunner start(Lesson lesson, String learner, long seed, double sourceSeconds,
                                     AttemptListener listener, Clock clock) {
        return start(LessonKinds.builtIn(clock), lesson, learner,
                new LessonKindPlugin.PlayContext(seed, Optional.of(sourceSeconds)), listener, clock);
    }

    /**
     * Starts an attempt with the play its kind (from {@code kinds}) makes.
     *
     * @throws UnsupportedOperationException for kinds this build cannot play yet
     */
    public static LessonRunner start(LessonKinds kinds, Lesson lesson, String learner, LessonKindPlugin.PlayContext context,
                                     AttemptListener listener, Clock clock) {
        LessonKindPlugin kind = kinds.kind(lesson.kind());
        Optional<String> why = kind.notPlayable();
        if (why.isPresent()) {
            throw new UnsupportedOperationException("'" + lesson.title() + "' cannot be played in this build yet: "
                    + why.get());
        }
        LessonPlay play = kind.play(lesson, context);
        LessonRunner runner = new LessonRunner(lesson, context.seed(), listener, clock, play, context.terms());
        listener.attemptStarted(new AttemptStarted(learner, lesson.id(), lesson.file(), context.seed(), clock.instant(),
                context.terms()));
        return runner;
    }

    /** Starts an attempt on a generated (endless) source. */
    public static LessonRunner start(Lesson lesson, String learner, long seed, AttemptListener listener, Clock clock) {
        return start(lesson, learner, seed, Double.POSITIVE_INFINITY, listener, clock);
    }

    /** The session the learner works on, for session kinds (mix, arrange, takes). */
    public Optional<LessonSession> session() {
        return play.session();
    }

    /** Leaves the brief for the session (session kinds). */
    public LessonSession beginSession() {
        require(State.BRIEF, "begin the session");
        LessonSession s = play.session().orElseThrow(() -> new IllegalStateException(
                "this lesson has no session: begin() its steps"));
        state = State.SESSION;
        shownAt = clock.instant();
        return s;
    }

    /**
     * Submits the session: it is rendered and measured, the plan is handed to the listener (and so
     * stored) as the attempt's first answer. Then the steps follow, or the attempt finishes.
     *
     * @return the first step after the session, or empty when the attempt has finished
     * @throws AudioFileException when a sound the session uses cannot be read (nothing changes then)
     */
    public Optional<Step> submit() throws AudioFileException {
        require(State.SESSION, "submit");
        long millis = Math.max(0, clock.millis() - shownAt.toEpochMilli());
        LessonPlay.SessionSubmission sub = play.submitSession();
        listener.answerGiven(new AnswerGiven(0, Json.of(java.util.Map.of("session", lesson.kind().id())), sub.planJson(),
                Optional.empty(), Optional.empty(), Optional.empty(), millis, 0, 0, 0, 0));
        submitted = sub;
        if (play.stepCount() > 0) {
            return Optional.of(show(0));
        }
        finish();
        return Optional.empty();
    }

    /** What the submitted session measured in one line ("-14.2 LUFS, -1.3 dBTP ..."). */
    public Optional<String> submissionSummary() {
        return Optional.ofNullable(submitted).map(LessonPlay.SessionSubmission::summary);
    }

    /** The A and B versions of the current question, for kinds whose steps have sound. */
    public Optional<LessonPlay.Listening> listening() throws AudioFileException {
        if (state != State.QUESTION && state != State.FEEDBACK) {
            return Optional.empty();
        }
        return play.listening(index);
    }

    public Lesson lesson() {
        return lesson;
    }

    public long seed() {
        return seed;
    }

    /** A replay or not, timed or not. */
    public AttemptTerms terms() {
        return terms;
    }

    /** How often A and B have been played for the current question. */
    public int playsA() {
        return playsA;
    }

    public int playsB() {
        return playsB;
    }

    public State state() {
        return state;
    }

    public String brief() {
        return lesson.brief();
    }

    public int stepCount() {
        return play.stepCount();
    }

    /** Leaves the brief for the first step. */
    public Step begin() {
        require(State.BRIEF, "begin");
        return show(0);
    }

    /** The step on screen (in QUESTION or FEEDBACK). */
    public Step currentStep() {
        if (state != State.QUESTION && state != State.FEEDBACK) {
            throw new IllegalStateException("there is no current step while the attempt is in " + state);
        }
        return play.step(index);
    }

    /** The answer the submitted plan gives to the current step, if it gives one. */
    public Optional<String> plannedAnswer() {
        require(State.QUESTION, "read the plan's answer");
        return play.plannedAnswer(index);
    }

    /** Counts a listen to A or B for the current question (stored with the answer). */
    public void played(Side side) {
        require(State.QUESTION, "count a listen");
        if (side == Side.A) {
            playsA++;
        } else {
            playsB++;
        }
    }

    /**
     * Answers the current step. The answer is judged, handed to the listener (and so stored), and the
     * feedback returned.
     *
     * @throws IllegalArgumentException when the response does not fit the step; nothing changes then
     */
    public Feedback answer(Response response) {
        require(State.QUESTION, "answer");
        long millis = Math.max(0, clock.millis() - shownAt.toEpochMilli());
        LessonPlay.Judgement j = play.judge(index, response, new Answering(millis, playsA, playsB, terms.timed()));
        Feedback f = j.feedback();
        listener.answerGiven(new AnswerGiven(index + 1, j.questionJson(), j.responseJson(), f.correct(), f.error(),
                f.errorUnit(), millis, playsA, playsB, f.points(), f.maxPoints(), j.columns()));
        play.answered(index, j);
        feedback.add(f);
        lastFeedback = f;
        state = State.FEEDBACK;
        return f;
    }

    /** The feedback on the last answer (in FEEDBACK). */
    public Feedback feedback() {
        require(State.FEEDBACK, "show feedback");
        return lastFeedback;
    }

    /** Every feedback given so far, in order. */
    public List<Feedback> allFeedback() {
        return List.copyOf(feedback);
    }

    /**
     * Moves on from feedback: to the next step, or, after the last, to the final score (the listener
     * hears {@code attemptFinished}).
     *
     * @return the next step, or empty when the attempt has finished
     */
    public Optional<Step> next() {
        require(State.FEEDBACK, "move on");
        if (index + 1 < play.stepCount()) {
            return Optional.of(show(index + 1));
        }
        finish();
        return Optional.empty();
    }

    private void finish() {
        result = score();
        state = State.FINISHED;
        listener.attemptFinished(result);
    }

    /** The final result, once finished. */
    public Optional<AttemptFinished> result() {
        return Optional.ofNullable(result);
    }

    private Step show(int i) {
        index = i;
        playsA = 0;
        playsB = 0;
        shownAt = clock.instant();
        state = State.QUESTION;
        return play.step(i);
    }

    private AttemptFinished score() {
        Map<String, Double> weights = lesson.scoring().weights();
        List<Criterion> criteria = new ArrayList<>();
        double total = 0;
        double weightSum = 0;
        for (Criterion c : play.criteria()) {
            double w = weights.getOrDefault(c.name(), 0.0);
            criteria.add(new Criterion(c.name(), round1(c.score()), w, c.detail(), c.measured()));
            total += w * c.score();
            weightSum += w;
        }
        double score = weightSum == 0 ? 0 : round1(total / weightSum);
        // a broken hard limit (over budget, late) fails the lesson whatever it scores
        boolean passed = score >= lesson.scoring().passMark() && play.brokenLimits().isEmpty();
        // a replay is for review: it offers no XP, whatever it scores
        return new AttemptFinished(score, passed, criteria, passed && !terms.replay() ? lesson.xp() : 0, clock.instant());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void require(State wanted, String action) {
        if (state != wanted) {
            throw new IllegalStateException("cannot " + action + " while the attempt is in " + state);
        }
    }
}
