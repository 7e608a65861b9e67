package org.controlroom.store;

import java.util.List;
import java.util.Map;

/**
 * Where a learner stands: XP, lessons passed, every answer counted (right of those with a right
 * answer), and the mean error per unit (how far off, in dB, octaves, cents…).
 */
public record LearnerProgress(Learner learner, long xp, List<LessonResult> lessons, long answers, long judged,
                              long right, Map<String, Double> meanError) {

    public LearnerProgress {
        lessons = List.copyOf(lessons);
        meanError = Map.copyOf(meanError);
    }

    public long lessonsPassed() {
        return lessons.stream().filter(LessonResult::passed).count();
    }

    /** Share of judged answers that were right, 0–1 (0 with none). */
    public double accuracy() {
        return judged == 0 ? 0 : (double) right / judged;
    }
}
