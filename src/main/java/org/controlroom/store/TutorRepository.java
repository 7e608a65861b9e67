package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The tutor profile: the one PIN record (a hash, never the PIN) and the count of wrong PINs given since
 * the last right one. Each call is one committed transaction.
 */
public interface TutorRepository {

    /** The stored PIN record; empty while no tutor has set a PIN. */
    Optional<PinRecord> pin();

    /**
     * Stores the PIN record (the first, or a replacement) and clears the wrong-PIN count. The caller checks
     * the old PIN before replacing one ({@code lesson.tutor.TutorAuth}).
     */
    void setPin(PinRecord record);

    /** Wrong PINs since the last right one ({@link PinFailures#NONE} without a PIN). */
    PinFailures failures();

    /** Counts one more wrong PIN, given at {@code at}; returns the new count (no-op without a PIN). */
    PinFailures recordFailure(Instant at);

    /** A right PIN was given: the count starts again from 0. */
    void clearFailures();
}
