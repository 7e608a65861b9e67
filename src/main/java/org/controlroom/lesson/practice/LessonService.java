package org.controlroom.lesson.practice;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LessonHashes;
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
    private final LessonHashes xpContent;

    /** Every lesson of the catalogue earns XP (a catalogue of shipped lessons only). */
    public LessonService(LessonCatalog catalog, LessonKinds kinds) {
        this(catalog, kinds, LessonHashes.of(catalog.lessons(), Lesson::id, Lesson::contentHash));
    }

    /**
     * @param xpContent the content that earns XP and counts toward ranks (shipped lessons, the tutor's and
     *                  imported packs'; not a lessons folder named by path)
     */
    public LessonService(LessonCatalog catalog, LessonKinds kinds, LessonHashes xpContent) {
        this.catalog = catalog;
        this.kinds = kinds;
        this.xpContent = xpContent;
    }

    /**
     * The content whose first pass is credited XP (the store keeps no award for any other, so no progress
     * can count one).
     */
    public LessonHashes xpContent() {
        return xpContent;
    }

    /** Whether passing this lesson can earn XP. */
    public boolean earnsXp(Lesson lesson) {
        return xpContent.holds(lesson.id(), lesson.contentHash());
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

    /** Every lesson's status, in {@link #ordered() list order}. */
    public List<LessonStatus> statuses(Optional<LearnerProgress> progress) {
        return ordered().stream().map(l -> status(l, progress)).toList();
    }

    /** The lessons as lists show them: by rank (the career ladder's order), then track, then title. */
    public List<Lesson> ordered() {
        return catalog.lessons().stream().sorted(order()).toList();
    }

    /** By rank (ladder order; unknown ranks last), then {@link #track track}, then title, then id. */
    public Comparator<Lesson> order() {
        java.util.function.ToIntFunction<Lesson> rankIndex = l -> career().map(c -> c.indexOf(l.rank()))
                .filter(i -> i >= 0).orElse(Integer.MAX_VALUE);
        Comparator<String> text = String.CASE_INSENSITIVE_ORDER;
        return Comparator.comparingInt(rankIndex).thenComparing(LessonService::track, text)
                .thenComparing(Lesson::title, text).thenComparing(Lesson::id);
    }

    /** A lesson's track: the folder its file is in ("ear-training", "mixing"). */
    public static String track(Lesson l) {
        Path parent = l.file() == null ? null : l.file().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    /**
     * Why the learner cannot play a lesson, in words ("needs the rank Engineer (200 XP); you have 40 XP:
     * 160 XP to go"), or empty when they can.
     */
    public Optional<String> whyLocked(Lesson l, long xp) {
        Optional<String> why = kinds.notPlayable(l);
        if (why.isPresent()) {
            return Optional.of("'" + l.title() + "' cannot be played in this build yet: " + why.get());
        }
        if (unlocked(l, xp)) {
            return Optional.empty();
        }
        Optional<Rank> gate = career().flatMap(c -> c.rank(l.rank()));
        if (gate.isEmpty()) {
            return Optional.of("'" + l.title() + "' needs the rank '" + l.rank() + "', which career.yaml does not have");
        }
        return Optional.of("'" + l.title() + "' needs the rank " + gate.get().name() + " (" + gate.get().xp()
                + " XP); you have " + xp + " XP: " + (gate.get().xp() - xp)
                + " XP to go. Pass open lessons to earn XP.");
    }

    /**
     * The lesson to suggest next: the first open lesson (never tried), else the first tried and not yet
     * passed, in list order; empty when every playable lesson is passed.
     */
    public Optional<LessonStatus> suggestion(Optional<LearnerProgress> progress) {
        List<LessonStatus> all = statuses(progress);
        return all.stream().filter(s -> s.state() == State.OPEN).findFirst()
                .or(() -> all.stream().filter(s -> s.state() == State.TRIED).findFirst());
    }

    /** The lesson after {@code lessonId} that the learner can play, in list order (wrapping); empty if none. */
    public Optional<LessonStatus> after(String lessonId, Optional<LearnerProgress> progress) {
        List<LessonStatus> all = statuses(progress);
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).lesson().id().equals(lessonId)) {
                at = i;
            }
        }
        for (int k = 1; k <= all.size(); k++) {
            LessonStatus s = all.get(Math.floorMod(at + k, all.size()));
            if (s.canPlay() && !s.lesson().id().equals(lessonId) && s.state() != State.PASSED) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
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
