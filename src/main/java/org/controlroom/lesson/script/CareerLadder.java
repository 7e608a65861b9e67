package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/** The career ranks in order, the first at 0 XP, XP strictly increasing. */
public record CareerLadder(List<Rank> ranks) {
    public CareerLadder {
        ranks = List.copyOf(ranks);
        if (ranks.isEmpty()) {
            throw new IllegalArgumentException("a career needs at least one rank");
        }
    }

    public Optional<Rank> rank(String id) {
        return ranks.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The position of a rank in the ladder (0 = first), or -1 if unknown. */
    public int indexOf(String id) {
        for (int i = 0; i < ranks.size(); i++) {
            if (ranks.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The highest rank reached with this much XP. */
    public Rank rankFor(int xp) {
        Rank reached = ranks.get(0);
        for (Rank r : ranks) {
            if (xp >= r.xp()) {
                reached = r;
            }
        }
        return reached;
    }

    /** The next rank above the one reached with this much XP, if any. */
    public Optional<Rank> nextRank(int xp) {
        return ranks.stream().filter(r -> r.xp() > xp).findFirst();
    }
}
