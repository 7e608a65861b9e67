package org.controlroom.lesson.practice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LessonResult;

/**
 * Where a learner stands with each lesson, computed in one place for the window and every command:
 * rank gating, each lesson's status (open, locked and why, passed or tried with the best score, coming
 * later), the career line and what the next rank opens (only lessons that can be played count).
 */
public final class LessonService {

    /** A lesson's state for a learner. */
    public enum State { OPEN, TRIED, PASSED, LOCKED, COMING_LATER }

    /**
     * @param text    what a list shows ("Open • 20 XP", "Locked: needs Engineer", "Passed, best 86")
     * @param canPlay whether the learner can start it now
     */
    public record LessonStatus(Lesson lesson, State state, String rankName, String text, Optional<LessonResult> result,
                               boolean canPlay) {
    }

    private final LessonCatalog catalog;
    private final LessonKinds kinds;

    public LessonService(LessonCatalog catalog, LessonKinds kinds) {
        this.catalog = catalog;
        this.kinds = kinds;
    }

    public LessonCatalog catalog() {
        return catalog;
    }

    public LessonKinds kinds() {
        return kinds;
    }

    public Optional<CareerLadder> career() {
        return catalog.career();
    }

    public boolean playable(Lesson lesson) {
        return kinds.playable(lesson);
    }

    /** Whether a learner with {@code xp} has the rank the lesson needs (false without a career ladder). */
    public boolean unlocked(Lesson lesson, long xp) {
        return career().map(c -> c.indexOf(lesson.rank()) <= c.indexOf(c.rankFor(clamp(xp)).id())).orElse(false);
    }

    public String rankName(String rankId) {
        return career().flatMap(c -> c.rank(rankId)).map(Rank::name).orElse(rankId);
    }

    public LessonStatus status(Lesson l, Optional<LearnerProgress> progress) {
        long xp = progress.map(LearnerProgress::xp).orElse(0L);
        String rank = rankName(l.rank());
        Optional<String> why = kinds.notPlayable(l);
        if (why.isPresent()) {
            return new LessonStatus(l, State.COMING_LATER, rank, "Coming later", Optional.empty(), false);
        }
        if (!unlocked(l, xp)) {
            return new LessonStatus(l, State.LOCKED, rank, "Locked: needs " + rank, Optional.empty(), false);
        }
        Optional<LessonResult> r = progress.flatMap(p -> p.lessons().stream()
                .filter(x -> x.lessonId().equals(l.id())).findFirst());
        if (r.isEmpty()) {
            return new LessonStatus(l, State.OPEN, rank, "Open \u2022 " + l.xp() + " XP", r, true);
        }
        boolean passed = r.get().passed();
        return new LessonStatus(l, passed ? State.PASSED : State.TRIED, rank,
                (passed ? "Passed" : "Tried") + String.format(Locale.ROOT, ", best %.0f", r.get().bestScore()), r, true);
    }

    public List<LessonStatus> statuses(Optional<LearnerProgress> progress) {
        return catalog.lessons().stream().map(l -> status(l, progress)).toList();
    }

    /** "Ana: Assistant Engineer, 140 XP — 60 XP to Engineer". */
    public String careerLine(String learner, long xp) {
        return career().map(c -> {
            Rank rank = c.rankFor(clamp(xp));
            return learner + ": " + rank.name() + ", " + xp + " XP"
                    + c.nextRank(clamp(xp)).map(n -> " \u2014 " + (n.xp() - xp) + " XP to " + n.name())
                    .orElse(" \u2014 top of the ladder");
        }).orElse("career.yaml did not load: run 'lessons validate'");
    }

    /** The ids of the playable lessons the next rank above {@code xp} opens (sorted; empty at the top). */
    public List<String> nextRankOpens(long xp) {
        return career().flatMap(c -> c.nextRank(clamp(xp))).map(n -> catalog.lessons().stream()
                .filter(l -> l.rank().equals(n.id()) && playable(l)).map(Lesson::id).sorted().toList())
                .orElse(List.of());
    }

    static int clamp(long xp) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, xp));
    }
}
