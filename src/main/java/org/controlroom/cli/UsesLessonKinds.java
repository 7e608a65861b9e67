package org.controlroom.cli;

import org.controlroom.lesson.run.LessonKinds;

/**
 * A command that works with the registry of lesson kinds: {@link ControlRoomCommand}'s factory hands it
 * the registry the command line runs with (the shipped kinds, or more in a test).
 */
abstract class UsesLessonKinds {
    /** The kinds; the shipped ones until {@link #use} is called. */
    protected LessonKinds kinds = LessonKinds.builtIn();

    final void use(LessonKinds k) {
        this.kinds = k;
    }
}
