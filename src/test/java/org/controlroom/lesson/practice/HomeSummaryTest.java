package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.AttemptSummary;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LessonResult;
import org.junit.jupiter.api.Test;

/** Home's numbers: the streak counts days in a row, the XP to the next rank, the suggestion skips what is done. */
class HomeSummaryTest {

    private final Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
    private final LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
    private final LessonService service = new LessonService(catalog, LessonKinds.builtIn());
    private final Learner ana = new Learner(1, "Ana", Instant.parse("2026-01-01T00:00:00Z"));
    private final ZoneId zone = ZoneOffset.UTC;

    private static AttemptSummary finished(long id, String when) {
        Instant t = Instant.parse(when);
        return new AttemptSummary(id, "eq-octave-boosts", t.minusSeconds(60), Optional.of(t), Optional.of(50.0), false, 0);
    }

    @Test
    void theStreakCountsDaysInARowEndingTodayOrYesterday() {
        LearnerProgress p = new LearnerProgress(ana, 140, List.of(), 0, 0, 0, Map.of());
        // today, yesterday (twice), the day before; then a gap; an unfinished attempt does not count
        List<AttemptSummary> history = List.of(finished(5, "2026-03-10T08:00:00Z"), finished(4, "2026-03-09T22:00:00Z"),
                finished(3, "2026-03-09T07:00:00Z"), finished(2, "2026-03-08T12:00:00Z"), finished(1, "2026-03-05T12:00:00Z"),
                new AttemptSummary(6, "eq-octave-boosts", Instant.parse("2026-03-07T12:00:00Z"), Optional.empty(),
                        Optional.empty(), false, 0));
        HomeSummary today = HomeSummary.of(service, p, history, Instant.parse("2026-03-10T20:00:00Z"), zone, 3);
        assertThat(today.streakDays()).isEqualTo(3);
        assertThat(today.practisedToday()).isTrue();
        assertThat(today.recent()).hasSize(3);
        HomeSummary nextDay = HomeSummary.of(service, p, history, Instant.parse("2026-03-11T09:00:00Z"), zone, 3);
        assertThat(nextDay.streakDays()).isEqualTo(3);
        assertThat(nextDay.practisedToday()).isFalse();
        HomeSummary twoDaysOn = HomeSummary.of(service, p, history, Instant.parse("2026-03-12T09:00:00Z"), zone, 3);
        assertThat(twoDaysOn.streakDays()).isZero();
    }

    @Test
    void xpToTheNextRankAndTheSuggestionFollowTheLadder() {
        // career.yaml: Assistant Engineer at 100 XP, Engineer at 200
        LearnerProgress p = new LearnerProgress(ana, 140, List.of(new LessonResult("eq-octave-boosts", 90, true, 1)),
                0, 0, 0, Map.of());
        HomeSummary s = HomeSummary.of(service, p, List.of(), Instant.parse("2026-03-10T20:00:00Z"), zone, 5);
        assertThat(s.rank()).isEqualTo("Assistant Engineer");
        assertThat(s.nextRank()).contains("Engineer");
        assertThat(s.xpToNext()).isEqualTo(60);
        assertThat(s.suggestion()).isPresent();
        assertThat(s.suggestion().get().lesson().id()).isNotEqualTo("eq-octave-boosts");
        assertThat(s.suggestion().get().state()).isEqualTo(LessonService.State.OPEN);
    }
}
