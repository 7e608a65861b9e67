package org.controlroom.lesson.career;

/** One line of the ledger: money in (positive) or out (negative) in a week. */
public record LedgerEntry(int week, LedgerKind kind, long amountPence, String memo) {
}
