package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.Rank;
import org.junit.jupiter.api.Test;

/**
 * The shipped career can be climbed: at every rank, the lessons a learner can already play (and this
 * build can score) offer enough XP to reach the next rank. Otherwise a learner would be stuck for good.
 */
class CareerIsClimbableTest {

    @Test
    void everyRankCanBeReachedByPassingTheLessonsBelowIt() {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        assertThat(catalog.problems()).isEmpty();
        CareerLadder career = catalog.career().orElseThrow();
        List<Rank> ranks = career.ranks();
        for (int k = 1; k < ranks.size(); k++) {
            int below = k;
            int offered = catalog.lessons().stream()
                    .filter(org.controlroom.lesson.run.LessonKinds.builtIn()::playable)
                    .filter(l -> career.indexOf(l.rank()) < below)
                    .mapToInt(Lesson::xp).sum();
            assertThat(offered).as("XP a %s can earn, against the %d XP %s needs", ranks.get(k - 1).name(),
                    ranks.get(k).xp(), ranks.get(k).name()).isGreaterThanOrEqualTo(ranks.get(k).xp());
        }
    }
}
