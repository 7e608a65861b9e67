package org.controlroom.lesson.run;

import java.util.Optional;

/**
 * The terms an attempt is played on, fixed when it starts.
 *
 * @param replay  a replay of an earlier attempt's seed: for review only; it earns no XP and moves no staircase
 * @param untimed why its answers cannot score speed (answers read from a file, no sound), if they cannot
 */
public record AttemptTerms(boolean replay, Optional<String> untimed) {

    /** A fresh attempt answered live: speed counts for answers given after listening. */
    public static final AttemptTerms LIVE = new AttemptTerms(false, Optional.empty());

    public boolean timed() {
        return untimed.isEmpty();
    }

    public AttemptTerms asReplay() {
        return new AttemptTerms(true, untimed);
    }

    /** These terms with answers that score no speed, and why. */
    public AttemptTerms untimed(String why) {
        return new AttemptTerms(replay, Optional.of(why));
    }
}
