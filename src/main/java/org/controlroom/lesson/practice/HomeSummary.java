package org.controlroom.lesson.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.AttemptSummary;
import org.controlroom.store.LearnerProgress;

/**
 * What the home screen shows a learner: rank and XP to the next rank, a suggested next lesson, the
 * streak of days in a row with a finished attempt, and recent results. Computed from the store's
 * numbers, the same for the window and any other view.
 *
 * @param nextRank     the next rank's name, empty at the top of the ladder
 * @param xpToNext     XP still needed for the next rank (0 at the top)
 * @param streakDays   days in a row, ending today or yesterday, with at least one finished attempt
 * @param practisedToday whether today already counts
 */
public record HomeSummary(String learner, String rank, long xp, Optional<String> nextRank, long xpToNext,
                          Optional<LessonService.LessonStatus> suggestion, int streakDays, boolean practisedToday,
                          List<Recent> recent) {

    /** A recent attempt, finished or left unfinished. */
    public record Recent(String lessonId, String title, Instant when, Optional<Double> score, boolean passed) {
    }

    public HomeSummary {
        recent = List.copyOf(recent);
    }

    /** Builds the summary; {@code history} newest first (as {@code AttemptRepository.history} gives it). */
    public static HomeSummary of(LessonService lessons, LearnerProgress progress, List<AttemptSummary> history,
                                 Instant now, ZoneId zone, int recentCount) {
        long xp = progress.xp();
        int clamped = LessonService.clamp(xp);
        Optional<CareerLadder> career = lessons.career();
        String rank = career.map(c -> c.rankFor(clamped).name()).orElse("?");
        Optional<Rank> next = career.flatMap(c -> c.nextRank(clamped));
        Set<LocalDate> days = new TreeSet<>();
        for (AttemptSummary a : history) {
            a.finishedAt().ifPresent(f -> days.add(f.atZone(zone).toLocalDate()));
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        boolean todayCounts = days.contains(today);
        int streak = 0;
        for (LocalDate d = todayCounts ? today : today.minusDays(1); days.contains(d); d = d.minusDays(1)) {
            streak++;
        }
        List<Recent> recent = new ArrayList<>();
        for (AttemptSummary a : history) {
            if (recent.size() >= recentCount) {
                break;
            }
            String title = lessons.catalog().lesson(a.lessonId()).map(Lesson::title).orElse(a.lessonId());
            recent.add(new Recent(a.lessonId(), title, a.finishedAt().orElse(a.startedAt()), a.score(), a.passed()));
        }
        return new HomeSummary(progress.learner().name(), rank, xp, next.map(Rank::name),
                next.map(n -> Math.max(0, n.xp() - xp)).orElse(0L), lessons.suggestion(Optional.of(progress)),
                streak, todayCounts, recent);
    }
}
