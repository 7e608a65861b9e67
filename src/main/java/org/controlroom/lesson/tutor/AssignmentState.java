package org.controlroom.lesson.tutor;

/** Where a learner stands on an assignment, as their home and the gradebook show it. */
public enum AssignmentState {
    /** No attempt at any of its lessons yet, and not yet due. */
    NOT_STARTED("not started"),
    /** Tried, not every lesson passed yet, and not yet due. */
    IN_PROGRESS("in progress"),
    /** Every lesson passed before the due time. */
    PASSED("passed"),
    /** Due, and not every lesson was passed before the due time (finished late, or not finished). */
    LATE("late");

    private final String words;

    AssignmentState(String words) {
        this.words = words;
    }

    /** The state in words ("not started", "in progress", "passed", "late"): the CSV's {@code state} column. */
    public String words() {
        return words;
    }
}
