package org.controlroom.lesson.career;

/** Where a job stands. */
public enum JobStatus {
    /** Taken, not delivered yet. */
    BOOKED,
    /** Delivered by its due week. */
    DELIVERED,
    /** Delivered after its due week (paid less). */
    LATE,
    /** Never delivered: its grace weeks after the due week passed (paid nothing, the client is lost). */
    FAILED
}
