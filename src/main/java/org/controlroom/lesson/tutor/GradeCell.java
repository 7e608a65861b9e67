package org.controlroom.lesson.tutor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.Assignment;
import org.controlroom.store.GradedAttempt;
import org.controlroom.store.Learner;

/**
 * One learner on one assignment: a cell of the gradebook, a line of the learner's home.
 *
 * @param className   the class the assignment was given to (empty for one given to the learner alone)
 * @param best        the assignment's score: the mean over its lessons of each lesson's best score (a
 *                    lesson not yet finished counts 0); empty before any attempt finished
 * @param last        the score of the most recently finished attempt at any of its lessons
 * @param attempts    attempts that count (not replays, at lesson content the catalogue holds), finished or not
 * @param timeSpent   those attempts' time from start to finish (to the last answer for an unfinished one)
 * @param completedAt when the last of its lessons was first passed; empty until all are
 * @param lateBy      how late: completion (or, not completed, now) minus the due time; zero when on time
 * @param lessons     each lesson's standing
 * @param history     every attempt at its lessons, oldest first, each marked counted or not and why
 */
public record GradeCell(Learner learner, Assignment assignment, Optional<String> className, AssignmentState state,
                        Optional<Double> best, Optional<Double> last, int attempts, Duration timeSpent,
                        Optional<Instant> completedAt, Duration lateBy, List<LessonStanding> lessons,
                        List<AttemptLine> history) {

    public GradeCell {
        lessons = List.copyOf(lessons);
        history = List.copyOf(history);
    }

    public boolean late() {
        return state == AssignmentState.LATE;
    }

    /** One lesson of the assignment for this learner. */
    public record LessonStanding(String lessonId, Optional<Double> best, Optional<Instant> passedAt, int attempts) {
    }

    /**
     * An attempt at one of the assignment's lessons.
     *
     * @param counted   whether it counts toward the cell's numbers
     * @param note      why not ("replay", "other lesson content"), empty when counted
     * @param passes    whether its score reaches the pass mark (the assignment's, else the lesson's own)
     */
    public record AttemptLine(GradedAttempt attempt, boolean counted, String note, boolean passes) {
    }
}
