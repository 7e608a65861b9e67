package org.controlroom.lesson.career;

/**
 * One action of the learner's career log, as {@link CareerSimulation} replays it. A career is its
 * {@link Start} and the actions after it, in order; nothing else (no clock, no file) changes the replay.
 */
public sealed interface CareerEvent {

    /** Begins a career. */
    record Start(long seed, CareerPath path) implements CareerEvent {
    }

    /** Takes an open offer (freelance). */
    record Take(String offerId) implements CareerEvent {
    }

    /** Declines an open offer (freelance). */
    record Decline(String offerId) implements CareerEvent {
    }

    /**
     * Delivers a booked job in the current week.
     *
     * @param score     0–100: the delivering attempt's score (the mean over the job's lessons)
     * @param signature whether the learner had a signature when delivering (clients who want one count it)
     * @param attemptId the delivering attempt (0 in a pure simulation)
     */
    record Deliver(String jobId, double score, boolean signature, long attemptId) implements CareerEvent {
    }

    /** Ends the current week: salary or a dry week, royalties at a quarter's end, new offers. */
    record Week() implements CareerEvent {
    }

    /** Changes path, at the economy's cost. */
    record Switch(CareerPath path) implements CareerEvent {
    }
}
