package org.controlroom.lesson.run;

import java.time.Clock;
import java.util.Optional;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SectionFormat;
import org.controlroom.lesson.session.ArrangeSession;
import org.controlroom.lesson.session.LessonSession;

/** The arrange kind as a plug-in: a session the learner builds, scored by {@link ArrangePlay}. */
record ArrangeKind(SectionFormat format, Clock clock) implements LessonKindPlugin {
    @Override
    public boolean sessionKind() {
        return true;
    }

    @Override
    public Optional<LessonSession> newSession(Lesson lesson) {
        return Optional.of(new ArrangeSession(lesson, clock));
    }

    @Override
    public LessonPlay play(Lesson lesson, PlayContext context) {
        return new ArrangePlay(lesson, new ArrangeSession(lesson, clock));
    }
}
