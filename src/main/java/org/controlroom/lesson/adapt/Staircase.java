package org.controlroom.lesson.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A transformed up-down staircase (Levitt 1971) over a {@link Ladder}: three right answers in a row
 * make the next question one step harder, one wrong answer one step easier, which converges on the
 * level a listener gets right 79.4 % of the time. It starts fast — two steps harder after each right
 * answer until the first wrong one — so it reaches the learner's level in a few questions. The
 * threshold is the mean level of the last 6–8 reversals of the 3-down/1-up phase (not the best level
 * reached); until there are 6, there is no threshold yet.
 *
 * <p>The state is rebuilt from the learner's stored answers ({@link #replay}), so the store holds only
 * answers, never a staircase that could drift from them.
 */
public final class Staircase {

    /** Reversals needed before a threshold is given. */
    public static final int MIN_REVERSALS = 6;
    /** At most this many of the last reversals are averaged. */
    public static final int MAX_REVERSALS = 8;
    private static final int DOWN = 3;

    private final Ladder ladder;
    private int index;
    private boolean fast = true;
    private int rightInARow;
    private int lastMove;
    private int trials;
    private final List<Integer> reversals = new ArrayList<>();

    /** A staircase at the easiest level. */
    public Staircase(Ladder ladder) {
        this(ladder, 0);
    }

    public Staircase(Ladder ladder, int startIndex) {
        this.ladder = ladder;
        this.index = Math.max(0, Math.min(ladder.size() - 1, startIndex));
    }

    /** A staircase that has seen these answers of its family, in order. */
    public static Staircase replay(Ladder ladder, String family, List<Trial> history) {
        Staircase s = new Staircase(ladder);
        for (Trial t : history) {
            if (family.equals(t.family())) {
                s.record(t.correct());
            }
        }
        return s;
    }

    public Ladder ladder() {
        return ladder;
    }

    /** Where the next question is asked (index into the ladder: 0 easiest). */
    public int index() {
        return index;
    }

    /** The value the next question is asked at. */
    public double level() {
        return ladder.level(index);
    }

    public int trials() {
        return trials;
    }

    public int reversalCount() {
        return reversals.size();
    }

    /** Counts an answer given at the current level and moves. */
    public void record(boolean correct) {
        trials++;
        if (fast) {
            if (correct) {
                index = Math.min(ladder.size() - 1, index + 2);
            } else {
                fast = false;
                lastMove = -1;
                index = Math.max(0, index - 1);
            }
            return;
        }
        if (correct) {
            rightInARow++;
            if (rightInARow == DOWN) {
                rightInARow = 0;
                if (lastMove == -1) {
                    reversals.add(index);
                }
                lastMove = 1;
                index = Math.min(ladder.size() - 1, index + 1);
            }
        } else {
            rightInARow = 0;
            if (lastMove == 1) {
                reversals.add(index);
            }
            lastMove = -1;
            index = Math.max(0, index - 1);
        }
    }

    /** The threshold as a ladder position (mean index of the last 6–8 reversals), once there are 6. */
    public Optional<Double> thresholdIndex() {
        if (reversals.size() < MIN_REVERSALS) {
            return Optional.empty();
        }
        List<Integer> last = reversals.subList(Math.max(0, reversals.size() - MAX_REVERSALS), reversals.size());
        return Optional.of(last.stream().mapToInt(Integer::intValue).average().orElseThrow());
    }

    /** The threshold in the ladder's unit (the mean of the last 6–8 reversal levels), once there are 6. */
    public Optional<Double> threshold() {
        if (reversals.size() < MIN_REVERSALS) {
            return Optional.empty();
        }
        List<Integer> last = reversals.subList(Math.max(0, reversals.size() - MAX_REVERSALS), reversals.size());
        return Optional.of(last.stream().mapToDouble(ladder::level).average().orElseThrow());
    }
}
