package org.controlroom.lesson.session;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.controlroom.lesson.script.Lesson;

/** Listeners and undo shared by the session kinds. */
abstract class AbstractSession implements LessonSession {
    private final Lesson lesson;
    private final UndoHistory history;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    AbstractSession(Lesson lesson, Clock clock) {
        this.lesson = lesson;
        this.history = new UndoHistory(clock);
    }

    @Override
    public Lesson lesson() {
        return lesson;
    }

    @Override
    public UndoHistory history() {
        return history;
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /**
     * The sound of a session: {@code mixer}, bound to later edits by {@code bind} (already listening)
     * until closed; its length is asked of {@code frames} each time (an arrangement's changes).
     */
    SessionSound bound(org.controlroom.dsp.mix.Mixer mixer, java.util.function.LongSupplier frames, SessionListener bind) {
        addListener(bind);
        return new SessionSound() {
            @Override
            public org.controlroom.dsp.mix.Mixer mixer() {
                return mixer;
            }

            @Override
            public long frames() {
                return frames.getAsLong();
            }

            @Override
            public void close() {
                removeListener(bind);
            }
        };
    }

    void changed(String what) {
        for (SessionListener l : listeners) {
            l.sessionChanged(this, what);
        }
    }

    /**
     * Does an edit: {@code apply} sets the new value, {@code revert} the old; the edit is recorded for
     * undo and the listeners hear it.
     */
    void edit(String name, String mergeKey, Runnable apply, Runnable revert) {
        apply.run();
        history.done(new UndoHistory.Edit() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void undo() {
                revert.run();
                changed("undo " + name);
            }

            @Override
            public void redo() {
                apply.run();
                changed("redo " + name);
            }
        }, mergeKey);
        changed(name);
    }
}
