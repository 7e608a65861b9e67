package org.controlroom.lesson.tutor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.store.Assignment;
import org.controlroom.store.GradedAttempt;
import org.controlroom.store.Learner;
import org.controlroom.store.LessonHashes;

/**
 * Learners × assignments, computed from the stored attempts.
 *
 * <p>The rules (also in the README): an attempt counts when it is not a replay and was played at lesson
 * content the catalogue holds (as for XP). A lesson is passed by an attempt whose score reaches the
 * assignment's pass mark, or, without one, by an attempt the lesson itself passed. Attempts made before
 * the assignment was given count too (the work is done). An assignment is {@code passed} when every lesson
 * was passed before the due time, {@code late} when the due time came first, else {@code in progress}
 * once tried, else {@code not started}.
 *
 * @param cells one per learner and assignment given to them, by learner then assignment
 * @param at    the moment the states were computed for (lateness of unfinished work counts to it)
 */
public record Gradebook(List<Learner> learners, List<Assignment> assignments, List<GradeCell> cells, Instant at) {

    public Gradebook {
        learners = List.copyOf(learners);
        assignments = List.copyOf(assignments);
        cells = List.copyOf(cells);
    }

    /** The cell of a learner and an assignment, if the assignment was given to them. */
    public Optional<GradeCell> cell(long learnerId, long assignmentId) {
        return cells.stream().filter(c -> c.learner().id() == learnerId && c.assignment().id() == assignmentId)
                .findFirst();
    }

    /** The cells of one learner, in assignment order. */
    public List<GradeCell> cellsOf(long learnerId) {
        return cells.stream().filter(c -> c.learner().id() == learnerId).toList();
    }

    /** One learner's assignment given to them directly or through a class. */
    public record Given(Learner learner, Assignment assignment, Optional<String> className) {
    }

    /**
     * Computes the cells.
     *
     * @param given     which learner has which assignment (and through which class)
     * @param attempts  the raw attempts of these learners at these assignments' lessons (any order)
     * @param catalogue the lesson content that counts
     */
    public static Gradebook compute(List<Learner> learners, List<Assignment> assignments, List<Given> given,
                                    List<GradedAttempt> attempts, LessonHashes catalogue, Instant now) {
        Map<Long, Map<String, List<GradedAttempt>>> byLearnerLesson = new HashMap<>();
        for (GradedAttempt a : attempts) {
            byLearnerLesson.computeIfAbsent(a.learnerId(), k -> new HashMap<>())
                    .computeIfAbsent(a.lessonId(), k -> new ArrayList<>()).add(a);
        }
        List<GradeCell> cells = new ArrayList<>();
        for (Given g : given) {
            Map<String, List<GradedAttempt>> mine = byLearnerLesson.getOrDefault(g.learner().id(), Map.of());
            cells.add(cell(g, mine, catalogue, now));
        }
        return new Gradebook(learners, assignments, cells, now);
    }

    static boolean counts(LessonHashes catalogue, GradedAttempt a) {
        String hash = a.lessonHash();
        return hash == null || hash.isEmpty() ? catalogue.holdsLesson(a.lessonId()) : catalogue.holds(a.lessonId(), hash);
    }

    private static GradeCell cell(Given g, Map<String, List<GradedAttempt>> mine, LessonHashes catalogue, Instant now) {
        Assignment as = g.assignment();
        List<GradeCell.LessonStanding> standings = new ArrayList<>();
        List<GradeCell.AttemptLine> history = new ArrayList<>();
        int attempts = 0;
        Duration spent = Duration.ZERO;
        GradedAttempt lastFinished = null;
        double sumBest = 0;
        boolean anyFinished = false;
        Instant completed = null;
        boolean allPassed = true;
        for (String lessonId : new java.util.LinkedHashSet<>(as.lessonIds())) {
            Double best = null;
            Instant passedAt = null;
            int n = 0;
            for (GradedAttempt a : mine.getOrDefault(lessonId, List.of())) {
                boolean counted = !a.replay() && counts(catalogue, a);
                boolean passes = a.score().isPresent() && a.finishedAt().isPresent()
                        && (as.passMark().isPresent() ? a.score().get() >= as.passMark().getAsDouble() : a.passed());
                history.add(new GradeCell.AttemptLine(a, counted,
                        a.replay() ? "replay (not counted)" : counted ? "" : "other lesson content (not counted)", passes));
                if (!counted) {
                    continue;
                }
                n++;
                spent = spent.plus(duration(a));
                if (a.score().isPresent() && a.finishedAt().isPresent()) {
                    anyFinished = true;
                    best = best == null ? a.score().get() : Math.max(best, a.score().get());
                    if (lastFinished == null || a.finishedAt().get().isAfter(lastFinished.finishedAt().get())
                            || (a.finishedAt().get().equals(lastFinished.finishedAt().get())
                            && a.attemptId() > lastFinished.attemptId())) {
                        lastFinished = a;
                    }
                    if (passes && (passedAt == null || a.finishedAt().get().isBefore(passedAt))) {
                        passedAt = a.finishedAt().get();
                    }
                }
            }
            attempts += n;
            sumBest += best == null ? 0 : best;
            if (passedAt == null) {
                allPassed = false;
            } else if (completed == null || passedAt.isAfter(completed)) {
                completed = passedAt;
            }
            standings.add(new GradeCell.LessonStanding(lessonId, Optional.ofNullable(best), Optional.ofNullable(passedAt), n));
        }
        history.sort(Comparator.comparing((GradeCell.AttemptLine l) -> l.attempt().startedAt())
                .thenComparingLong(l -> l.attempt().attemptId()));
        Optional<Instant> completedAt = allPassed ? Optional.ofNullable(completed) : Optional.empty();
        AssignmentState state;
        Duration lateBy = Duration.ZERO;
        if (completedAt.isPresent()) {
            if (completedAt.get().isBefore(as.dueAt())) {
                state = AssignmentState.PASSED;
            } else {
                state = AssignmentState.LATE;
                lateBy = Duration.between(as.dueAt(), completedAt.get());
            }
        } else if (!now.isBefore(as.dueAt())) {
            state = AssignmentState.LATE;
            lateBy = Duration.between(as.dueAt(), now);
        } else {
            state = attempts > 0 ? AssignmentState.IN_PROGRESS : AssignmentState.NOT_STARTED;
        }
        int lessons = standings.size();
        Optional<Double> bestScore = anyFinished ? Optional.of(sumBest / lessons) : Optional.empty();
        Optional<Double> last = lastFinished == null ? Optional.empty() : lastFinished.score();
        return new GradeCell(g.learner(), as, g.className(), state, bestScore, last, attempts, spent, completedAt,
                lateBy, standings, history);
    }

    /** An attempt's time: start to finish, or to its last answer while unfinished. */
    static Duration duration(GradedAttempt a) {
        Optional<Instant> end = a.finishedAt().or(a::lastAnswerAt);
        if (end.isEmpty() || end.get().isBefore(a.startedAt())) {
            return Duration.ZERO;
        }
        return Duration.between(a.startedAt(), end.get());
    }
}
