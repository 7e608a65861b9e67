package org.controlroom.ui.mix;

/** A press-to-release gesture on a control: its edits are one undo step. */
public interface Gesture {
    Gesture NONE = new Gesture() {
        @Override
        public void begin() {
        }

        @Override
        public void end() {
        }
    };

    void begin();

    void end();

    /** The gesture of a session's undo history. */
    static Gesture of(org.controlroom.lesson.session.UndoHistory history) {
        return new Gesture() {
            @Override
            public void begin() {
                history.beginGesture();
            }

            @Override
            public void end() {
                history.endGesture();
            }
        };
    }
}
