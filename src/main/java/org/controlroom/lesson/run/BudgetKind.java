package org.controlroom.lesson.run;

import java.time.Clock;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SectionFormat;
import org.controlroom.lesson.session.BudgetSession;

/**
 * The budget kind: a session on a calendar (bookings, engineers, responses to events; undoable and
 * autosaved like any session), run day by day and scored by {@link BudgetPlay}.
 */
record BudgetKind(SectionFormat format, Clock clock) implements LessonKindPlugin {
    @Override
    public boolean sessionKind() {
        return true;
    }

    @Override
    public LessonPlay play(Lesson lesson, PlayContext context) {
        return new BudgetPlay(lesson, new BudgetSession(lesson, clock, context.seed()));
    }
}
