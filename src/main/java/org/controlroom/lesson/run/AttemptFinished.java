package org.controlroom.lesson.run;

import java.time.Instant;
import java.util.List;

/** The final score (0–100), pass or fail, the breakdown per criterion and the XP the lesson offers. */
public record AttemptFinished(double score, boolean passed, List<Criterion> criteria, int xpOffered,
                              Instant finishedAt) {

    public AttemptFinished {
        criteria = List.copyOf(criteria);
    }
}
