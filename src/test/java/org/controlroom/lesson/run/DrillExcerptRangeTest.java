package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.junit.jupiter.api.Test;

/** excerpt_from_s / excerpt_to_s keep every question's excerpt inside the named part of the source. */
class DrillExcerptRangeTest {

    private static DrillSection drill(double from, Optional<Double> to) {
        return new DrillSection(DrillExercise.LEVEL, new GeneratorSource("pink-noise"), 40, 4,
                List.of(-3.0, 3.0), 0, 1.4, Optional.empty(), -24, 0, 2, 8, from, to, false);
    }

    @Test
    void excerptsStayBetweenFromAndTo() {
        for (long seed = 0; seed < 5; seed++) {
            List<DrillQuestion> qs = new DrillPlay(drill(20, Optional.of(30.0)), seed, 100).questions();
            assertThat(qs).allSatisfy(q -> {
                assertThat(q.excerptStart()).isBetween(20.0, 26.0);
                assertThat(q.excerptSeconds()).isEqualTo(4.0);
            });
            assertThat(qs.stream().mapToDouble(DrillQuestion::excerptStart).distinct().count()).isGreaterThan(5);
        }
    }

    @Test
    void withoutARangeTheWholeSourceIsUsedAsBefore() {
        List<DrillQuestion> qs = new DrillPlay(drill(0, Optional.empty()), 3, 100).questions();
        assertThat(qs).allSatisfy(q -> assertThat(q.excerptStart()).isBetween(0.0, 96.0));
        assertThat(qs.stream().anyMatch(q -> q.excerptStart() > 30)).isTrue();
        // the old constructor means the same: from 0 to the end
        DrillSection old = new DrillSection(DrillExercise.LEVEL, new GeneratorSource("pink-noise"), 40, 4,
                List.of(-3.0, 3.0), 0, 1.4, Optional.empty(), -24, 0, 2, 8);
        assertThat(new DrillPlay(old, 3, 100).questions()).isEqualTo(qs);
    }

    @Test
    void aRangePastTheEndOfTheSourceIsCutToTheSource() {
        List<DrillQuestion> qs = new DrillPlay(drill(8, Optional.of(500.0)), 1, 20).questions();
        assertThat(qs).allSatisfy(q -> assertThat(q.excerptStart() + q.excerptSeconds()).isLessThanOrEqualTo(20.0));
    }
}
