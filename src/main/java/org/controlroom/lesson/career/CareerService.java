package org.controlroom.lesson.career;

import java.time.Clock;
import java.util.Optional;

import org.controlroom.store.LearnerStore;

/**
 * Career mode for the window and the command line: each action is checked against the replayed state,
 * appended to the learner's log in the store (one committed row), and the new state returned. The state
 * is never stored: it is the replay of the log ({@link CareerSimulation}), so a crash loses at most the
 * action being written. Built like {@code lesson.tutor.TutorDesk}: from the open store, the economy
 * (loaded from the lessons folder) and a clock (kept only as the actions' record; replay never reads it).
 */
public final class CareerService {

    private final LearnerStore store;
    private final CareerEconomy economy;
    private final Clock clock;

    public CareerService(LearnerStore store, CareerEconomy economy, Clock clock) {
        this.store = store;
        this.economy = economy;
        this.clock = clock;
    }

    public CareerEconomy economy() {
        return economy;
    }

    /**
     * The learner's career now, after {@linkplain #sync delivering} any booked job whose lessons they have
     * finished since taking it; empty without a career.
     */
    public Optional<CareerState> state(long learnerId) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Starts a career (a learner's earlier career, if any, is replaced).
     *
     * @param seed the career's seed: the same seed and the same actions replay identically
     */
    public CareerState start(long learnerId, long seed, CareerPath path) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Takes an open offer: it becomes a booked job, due {@code deadlineWeeks} after this week.
     *
     * @throws CareerException without a career, for an unknown or expired offer, while employed (the studio
     *                         assigns the jobs), or with the calendar full
     */
    public CareerState take(long learnerId, String offerId) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Declines an open offer.
     *
     * @throws CareerException without a career, for an unknown or expired offer, or while employed
     */
    public CareerState decline(long learnerId, String offerId) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Ends the current week (after delivering what the learner has finished): salary (employed) or a dry
     * week's cost (freelance, no job booked), royalties at each quarter's end, overdue jobs failed, new offers.
     *
     * @throws CareerException without a career
     */
    public CareerState week(long learnerId) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Changes path, paying the economy's switch cost.
     *
     * @throws CareerException without a career, or when already on that path
     */
    public CareerState switchPath(long learnerId, CareerPath path) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Delivers every booked job whose lessons the learner has each finished (a stored, finished, not replayed
     * attempt started after the job was taken): the job's score is the mean of those attempts' scores (the
     * first finished of each lesson). Each delivery is appended to the log.
     *
     * @throws CareerException without a career
     */
    public CareerState sync(long learnerId) {
        throw new UnsupportedOperationException("in progress");
    }
}
