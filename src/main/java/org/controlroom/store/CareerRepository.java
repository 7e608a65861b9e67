package org.controlroom.store;

import java.util.List;

/**
 * Each learner's career log: one row per action, each call one committed transaction, so a crash loses at
 * most the action being written. The career's state is the replay of the log, never stored beside it.
 */
public interface CareerRepository {

    /** The learner's actions in order (empty without a career). */
    List<CareerAction> actions(long learnerId);

    /**
     * Appends one action with the next sequence number (the stored {@code seq} is ignored and set here).
     *
     * @return the action as stored, with its sequence number
     * @throws StoreException when it cannot be written (nothing of it is then stored)
     */
    CareerAction append(long learnerId, CareerAction action);

    /**
     * Begins the learner's career again with {@code start} as its only action, in one transaction: the old log
     * is removed only if the new one is written.
     */
    CareerAction begin(long learnerId, CareerAction start);

    /** Removes the learner's career (a new {@code career start} begins from an empty log). */
    void clear(long learnerId);
}
