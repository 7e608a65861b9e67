package org.controlroom.cli;

import org.controlroom.lesson.run.LessonKinds;

/** A command that works with the registry of lesson kinds (given by {@link ControlRoomCommand}). */
interface UsesLessonKinds {
    void use(LessonKinds kinds);
}
