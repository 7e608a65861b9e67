package org.controlroom.lesson.career;

/** What a ledger line is for. */
public enum LedgerKind {
    /** A week's salary (employed). */
    SALARY,
    /** A job's fee (freelance jobs with a fixed fee). */
    FEE,
    /** A freelance job paid by the day: days × the day rate. */
    DAY_RATE,
    /** A quarter's royalties on the catalogue. */
    ROYALTY,
    /** A freelance week with no job booked: its cost (negative). */
    DRY_WEEK,
    /** The cost of changing path (negative). */
    PATH_SWITCH
}
