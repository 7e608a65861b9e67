package org.controlroom.lesson.run;

import java.nio.file.Path;
import java.time.Instant;

/** An attempt began: who, which lesson, and the seed that makes it replay identically. */
public record AttemptStarted(String learner, String lessonId, Path lessonFile, long seed, Instant startedAt,
                             AttemptTerms terms) {

    public AttemptStarted(String learner, String lessonId, Path lessonFile, long seed, Instant startedAt) {
        this(learner, lessonId, lessonFile, seed, startedAt, AttemptTerms.LIVE);
    }
}
