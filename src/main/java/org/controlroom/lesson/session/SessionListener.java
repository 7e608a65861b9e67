package org.controlroom.lesson.session;

/** Hears every change to a session (an edit, an undo, a redo, a loaded plan). */
@FunctionalInterface
public interface SessionListener {

    /**
     * @param what a short description of what changed ("vocal fader", "undo", "plan loaded")
     */
    void sessionChanged(LessonSession session, String what);
}
