package org.controlroom.lesson.career;

import java.util.List;

/**
 * The pure career simulation: a {@link CareerEvent.Start} and the actions after it, replayed over the
 * {@link CareerEconomy}, give the {@link CareerState}. Deterministic: no clock, no I/O; the same economy,
 * seed and actions give equal states.
 */
public final class CareerSimulation {

    private final CareerEconomy economy;

    public CareerSimulation(CareerEconomy economy) {
        this.economy = economy;
    }

    /** Replays a whole log (its first event a Start). */
    public static CareerState replay(CareerEconomy economy, List<CareerEvent> events) {
        throw new UnsupportedOperationException("in progress");
    }
}
