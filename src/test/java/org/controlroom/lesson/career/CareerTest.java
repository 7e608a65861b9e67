package org.controlroom.lesson.career;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.Rank;
import org.controlroom.lesson.script.Scoring;
import org.junit.jupiter.api.Test;

class CareerTest {

    private final Career career = new Career(new CareerLadder(List.of(
            new Rank("runner", "Runner", 0, "runs"),
            new Rank("assistant-engineer", "Assistant Engineer", 100, "assists"),
            new Rank("engineer", "Engineer", 300, "engineers"))));

    private static Lesson at(String rank) {
        DrillSection drill = new DrillSection(DrillExercise.LEVEL, new GeneratorSource("pink-noise"), 1, 4,
                List.of(-3.0, 3.0), 0, 1.4, Optional.empty(), -24, 0, 2, 8);
        return new Lesson("x", "X", LessonKind.DRILL, rank, "b", 20, drill, new Scoring(70, Map.of("accuracy", 1.0)),
                Path.of("x.yaml"));
    }

    @Test
    void xpEarnsTheHighestRankWhoseThresholdItReaches() {
        assertThat(career.rankFor(0).id()).isEqualTo("runner");
        assertThat(career.rankFor(99).id()).isEqualTo("runner");
        assertThat(career.rankFor(100).id()).isEqualTo("assistant-engineer");
        assertThat(career.rankFor(5000).id()).isEqualTo("engineer");
    }

    @Test
    void theLearnerSeesWhatTheNextRankNeeds() {
        assertThat(career.next(40)).hasValueSatisfying(n -> {
            assertThat(n.rank().name()).isEqualTo("Assistant Engineer");
            assertThat(n.xpNeeded()).isEqualTo(60);
        });
        assertThat(career.next(300)).isEmpty();
    }

    @Test
    void aLessonsRankGatesIt() {
        assertThat(career.unlocked(at("runner"), 0)).isTrue();
        assertThat(career.unlocked(at("engineer"), 299)).isFalse();
        assertThat(career.unlocked(at("engineer"), 300)).isTrue();
    }
}
