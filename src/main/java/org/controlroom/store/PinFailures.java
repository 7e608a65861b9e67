package org.controlroom.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Wrong PINs given since the last right one: how many, and when the last was. Kept in the database so a
 * restart does not reset the slowdown.
 */
public record PinFailures(int count, Optional<Instant> lastFailedAt) {

    public static final PinFailures NONE = new PinFailures(0, Optional.empty());
}
