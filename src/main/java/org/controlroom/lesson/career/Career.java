package org.controlroom.lesson.career;

import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.Rank;

/**
 * The career path read from {@code lessons/career.yaml}: which rank a learner's XP earns, what the
 * next rank needs, and which lessons that rank opens. All thresholds are data; nothing here knows a
 * rank by name.
 */
public final class Career {

    private final List<Rank> ranks;

    public Career(CareerLadder ladder) {
        if (ladder.ranks().isEmpty()) {
            throw new IllegalArgumentException("the career ladder has no ranks");
        }
        this.ranks = List.copyOf(ladder.ranks());
    }

    public List<Rank> ranks() {
        return ranks;
    }

    /** The highest rank whose XP threshold the learner has reached. */
    public Rank rankFor(long xp) {
        Rank current = ranks.get(0);
        for (Rank r : ranks) {
            if (xp >= r.xp()) {
                current = r;
            }
        }
        return current;
    }

    /** The next rank and how much XP is still missing, or empty at the top of the ladder. */
    public Optional<NextRank> next(long xp) {
        for (Rank r : ranks) {
            if (r.xp() > xp) {
                return Optional.of(new NextRank(r, r.xp() - xp));
            }
        }
        return Optional.empty();
    }

    /** Whether a learner with this XP may play the lesson (its rank is theirs or below). */
    public boolean unlocked(Lesson lesson, long xp) {
        return position(lesson.rank()) <= position(rankFor(xp).id());
    }

    /** Where a rank id stands on the ladder, 0 for the first. */
    public int position(String rankId) {
        for (int i = 0; i < ranks.size(); i++) {
            if (ranks.get(i).id().equals(rankId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown rank '" + rankId + "'; the ladder has "
                + ranks.stream().map(Rank::id).toList());
    }

    public Rank rank(String rankId) {
        return ranks.get(position(rankId));
    }

    /** The next rank up and the XP still needed to reach it. */
    public record NextRank(Rank rank, long xpNeeded) {
    }
}
