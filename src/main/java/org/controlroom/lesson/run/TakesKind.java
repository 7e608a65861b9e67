package org.controlroom.lesson.run;

import java.time.Clock;
import java.util.Optional;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SectionFormat;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.TakesSession;

/** The takes kind: a comp session scored from take analysis, then the direction questions. */
record TakesKind(SectionFormat format, Clock clock) implements LessonKindPlugin {
    @Override
    public boolean sessionKind() {
        return true;
    }

    @Override
    public Optional<LessonSession> newSession(Lesson lesson) {
        return Optional.of(new TakesSession(lesson, clock));
    }

    @Override
    public LessonPlay play(Lesson lesson, PlayContext context) {
        return new TakesPlay(lesson, new TakesSession(lesson, clock));
    }
}
