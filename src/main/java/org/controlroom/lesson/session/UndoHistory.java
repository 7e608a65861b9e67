package org.controlroom.lesson.session;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo of session edits (the Sweet Home 3D {@code UndoableEdit} pattern, without Swing). A run
 * of edits to the same control in quick succession (a fader drag) merges into one undo step.
 */
public final class UndoHistory {
    /** Edits to the same control closer together than this merge into one step. */
    public static final long MERGE_MILLIS = 1000;
    private static final int LIMIT = 500;

    /** One reversible edit. */
    public interface Edit {
        String name();

        void undo();

        void redo();
    }

    private record Entry(Edit edit, String mergeKey, long atMillis, Edit original, long gesture) {
    }

    /** The gesture under way (a drag from press to release), 0 for none; edits of one gesture merge however slow. */
    private long gesture;
    private long gestures;

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final Clock clock;

    public UndoHistory(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records an edit that has just been done.
     *
     * @param mergeKey edits with the same key (e.g. "gain:vocal") within {@link #MERGE_MILLIS} merge
     */
    void done(Edit edit, String mergeKey) {
        long now = clock.millis();
        redo.clear();
        Entry last = undo.peek();
        boolean sameGesture = gesture != 0 && last != null && last.gesture == gesture;
        if (last != null && mergeKey != null && mergeKey.equals(last.mergeKey)
                && (sameGesture || now - last.atMillis <= MERGE_MILLIS)) {
            undo.pop();
            Edit first = last.original;
            Edit merged = new Edit() {
                @Override
                public String name() {
                    return edit.name();
                }

                @Override
                public void undo() {
                    first.undo();
                }

                @Override
                public void redo() {
                    edit.redo();
                }
            };
            undo.push(new Entry(merged, mergeKey, now, first, gesture));
            return;
        }
        undo.push(new Entry(edit, mergeKey, now, edit, gesture));
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
    }

    /**
     * A gesture begins (the learner presses on a fader, a knob, an EQ node): until {@link #endGesture()},
     * its edits of one control merge into one undo step however long the drag takes.
     */
    public void beginGesture() {
        gesture = ++gestures;
    }

    /** The gesture is over (the mouse released). */
    public void endGesture() {
        gesture = 0;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What Undo would undo ("Undo vocal fader"). */
    public Optional<String> undoName() {
        return Optional.ofNullable(undo.peek()).map(e -> e.edit.name());
    }

    public Optional<String> redoName() {
        return Optional.ofNullable(redo.peek()).map(e -> e.edit.name());
    }

    /** Undoes the last edit; false when there is none. */
    public boolean undo() {
        Entry e = undo.poll();
        if (e == null) {
            return false;
        }
        // the stacks first: listeners that hear the undo see what can be redone
        redo.push(new Entry(e.edit, null, 0, e.edit, 0));
        e.edit.undo();
        return true;
    }

    /** Redoes the last undone edit; false when there is none. */
    public boolean redo() {
        Entry e = redo.poll();
        if (e == null) {
            return false;
        }
        undo.push(new Entry(e.edit, null, 0, e.edit, 0));
        e.edit.redo();
        return true;
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
