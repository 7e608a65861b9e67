package org.controlroom.store;

/**
 * How an attempt is played, stored with it.
 *
 * @param replay a replay of an earlier attempt's seed ({@code --seed}): for review only, it never earns XP,
 *               never counts as a pass and never moves a staircase
 * @param timed  whether its answers may score speed (false for answers read from a file)
 */
public record AttemptMode(boolean replay, boolean timed) {

    /** A fresh attempt, answered live. */
    public static final AttemptMode LIVE = new AttemptMode(false, true);
}
