package org.controlroom.lesson.session;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonPlan;

/**
 * What the learner edits in a session lesson: an observable model (listeners, no Swing) that the
 * screen edits, the live player plays, the autosave stores and the plan file reads and writes. Edits
 * are undoable. Not thread-safe: edit it from one thread (the screen's); the sound it is bound to
 * picks up changes safely.
 */
public interface LessonSession {

    Lesson lesson();

    /** The session's state as a plan file holds it. */
    LessonPlan plan();

    /**
     * Replaces the state with a plan (a resumed session, a plan file); fields the plan does not give
     * keep the lesson's starting state. Clears the undo history.
     */
    void load(LessonPlan plan);

    UndoHistory history();

    void addListener(SessionListener listener);

    void removeListener(SessionListener listener);

    /**
     * Builds the sound of the session: a mixer that plays it, bound to later edits (a fader move is heard
     * at the next block) until {@link SessionSound#close()}.
     *
     * @throws AudioFileException when a sound the session uses cannot be read
     */
    SessionSound sound(SoundLibrary library, int blockFrames) throws AudioFileException;
}
