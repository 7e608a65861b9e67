package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.adapt.Ladder;
import org.controlroom.lesson.adapt.Trial;
import org.controlroom.lesson.run.TestLessons.HandClock;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonKind;
import org.junit.jupiter.api.Test;

/** Adaptive drills choose each question as the learner answers, from the learner's history. */
class AdaptiveDrillTest {

    private final HandClock clock = new HandClock();
    private static final List<Double> THIRDS = List.of(800.0, 1000.0, 1250.0, 1600.0, 2000.0);

    private static Lesson drill(DrillExercise e, List<Double> choices, double gain, boolean weakSpots, int questions) {
        DrillSection d = new DrillSection(e, new GeneratorSource("pink-noise"), questions, 4, choices, gain, 4.3,
                Optional.of(1000.0), -24, 0, 5, 8, 0, Optional.empty(), false, true, weakSpots);
        return TestLessons.lesson("adaptive", LessonKind.DRILL, d, Map.of("accuracy", 1.0), 70, 10);
    }

    private LessonRunner start(Lesson lesson, List<Trial> history) {
        return LessonRunner.start(LessonKinds.builtIn(clock), lesson, "ana",
                LessonKindPlugin.PlayContext.of(3).withHistory(history), AttemptListener.NONE, clock);
    }

    @Test
    void rightAnswersMakeTheNextBoostSmallerAndAWrongOneLarger() {
        LessonRunner r = start(drill(DrillExercise.EQ_FREQUENCY, THIRDS, 12, false, 3), List.of());
        DrillQuestion q1 = r.begin().drillQuestion().orElseThrow();
        assertThat(q1.gainDb()).as("a new learner starts at the easiest level").isEqualTo(12);
        r.answer(new Response.Value(q1.answer()));
        DrillQuestion q2 = r.next().orElseThrow().drillQuestion().orElseThrow();
        assertThat(q2.gainDb()).isEqualTo(Ladder.GAIN_DB.level(2));
        double wrong = THIRDS.stream().filter(b -> b != q2.answer()).findFirst().orElseThrow();
        r.answer(new Response.Value(wrong));
        DrillQuestion q3 = r.next().orElseThrow().drillQuestion().orElseThrow();
        assertThat(q3.gainDb()).isEqualTo(Ladder.GAIN_DB.level(1));
    }

    @Test
    void theStaircaseStartsWhereTheLearnersStoredAnswersLeftIt() {
        String family = "eq-frequency/third-octave/cut";
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            history.add(new Trial(family, 0, 1000, 1000, true));    // fast start: 0 → 2 → 4 → 6 → 8 → 10
        }
        history.add(new Trial("level", 0, 0, 0, false));           // another family moves nothing here
        LessonRunner r = start(drill(DrillExercise.EQ_FREQUENCY, THIRDS, -6, false, 1), history);
        assertThat(r.begin().drillQuestion().orElseThrow().gainDb()).isEqualTo(-Ladder.GAIN_DB.level(10));
    }

    @Test
    void theResultSaysTheThresholdInRealUnits() {
        String family = "eq-frequency/third-octave/boost";
        List<Trial> history = new ArrayList<>();
        history.add(new Trial(family, 0, 0, 0, true));    // → 2
        history.add(new Trial(family, 0, 0, 0, true));    // → 4
        history.add(new Trial(family, 0, 0, 0, true));    // → 6 (3 dB)
        history.add(new Trial(family, 0, 0, 0, false));   // → 5
        for (int i = 0; i < 4; i++) {                       // up to 6 (3 dB) and back down to 5 (4 dB): reversals
            history.add(new Trial(family, 0, 0, 0, true));
            history.add(new Trial(family, 0, 0, 0, true));
            history.add(new Trial(family, 0, 0, 0, true));
            history.add(new Trial(family, 0, 0, 0, false));
        }
        LessonRunner r = start(drill(DrillExercise.EQ_FREQUENCY, THIRDS, 12, false, 1), history);
        Step s = r.begin();
        r.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
        r.next();
        Criterion accuracy = r.result().orElseThrow().criteria().get(0);
        assertThat(accuracy.detail()).contains("you hear 3.5 dB boosts at 1/3 octave resolution");
        assertThat(accuracy.measured()).containsEntry("family", family).containsEntry("threshold", 3.5);
    }

    private static Lesson resolutionDrill(int questions) {
        DrillSection d = new DrillSection(DrillExercise.EQ_FREQUENCY, new GeneratorSource("pink-noise"), questions, 4,
                THIRDS, 6, 4.3, Optional.empty(), -24, 0, 5, 8, 0, Optional.empty(), false, true, false,
                new org.controlroom.lesson.script.DrillOptions("peak", 1, 0, false, "resolution", 4, 10, 100, 6,
                        List.of()));
        return TestLessons.lesson("adaptive-resolution", LessonKind.DRILL, d, Map.of("accuracy", 1.0), 70, 10);
    }

    /** The spacing of neighbouring offered bands, in octaves. */
    private static List<Double> spacings(Step s) {
        List<Double> v = s.choices().stream().map(Choice::value).sorted().toList();
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < v.size(); i++) {
            out.add(Math.round(Math.log(v.get(i) / v.get(i - 1)) / Math.log(2) * 3) / 3.0);
        }
        return out;
    }

    @Test
    void aResolutionStaircaseNarrowsTheGridFromOctavesToThirdsAndSaysSoInRealUnits() {
        LessonRunner r = start(resolutionDrill(3), List.of());
        Step s1 = r.begin();
        assertThat(s1.choices()).hasSize(7);
        assertThat(spacings(s1)).allSatisfy(o -> assertThat(o).isCloseTo(1.0, within(0.01)));
        assertThat(s1.drillQuestion().orElseThrow().gainDb()).isEqualTo(6);
        r.answer(new Response.Value(s1.drillQuestion().orElseThrow().answer()));
        Step s2 = r.next().orElseThrow();
        // the fast start: two steps harder after a right answer, octave → 1/3 octave
        assertThat(spacings(s2)).allSatisfy(o -> assertThat(o).isCloseTo(1.0 / 3, within(0.01)));
        // every offered band is an ISO 266 third-octave centre
        assertThat(s2.choices()).allSatisfy(c -> assertThat(DrillPlay.ISO_THIRDS).contains(c.value()));

        String family = "eq-frequency/resolution/boost/6";
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 8; i++) {                        // 1/3 octave and back to 2/3: reversals
            history.add(new Trial(family, 0, 0, 0, true));
            history.add(new Trial(family, 0, 0, 0, true));
            history.add(new Trial(family, 0, 0, 0, true));
            history.add(new Trial(family, 0, 0, 0, false));
        }
        LessonRunner again = start(resolutionDrill(1), history);
        Step s = again.begin();
        again.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
        again.next();
        Criterion accuracy = again.result().orElseThrow().criteria().get(0);
        assertThat(accuracy.measured()).containsEntry("family", family);
        assertThat(accuracy.detail()).contains("you hear 6 dB boosts at 1/3 octave");
    }

    @Test
    void adaptiveLevelQuestionsOfferSteps() {
        LessonRunner r = start(drill(DrillExercise.LEVEL, List.of(-1.0, 1.0), 0, false, 2), List.of());
        Step s = r.begin();
        assertThat(s.choices()).extracting(Choice::value).containsExactly(-18.0, -12.0, -6.0, 6.0, 12.0, 18.0);
        r.answer(new Response.Value(s.drillQuestion().orElseThrow().answer()));
        Step s2 = r.next().orElseThrow();
        assertThat(s2.choices()).extracting(Choice::value).containsExactly(-9.0, -6.0, -3.0, 3.0, 6.0, 9.0);
    }

    @Test
    void weakSpotsAskTheMissedBandMoreOften() {
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(new Trial("eq-frequency/octave/boost", 12, 250, 500, false));   // always missed
            history.add(new Trial("eq-frequency/octave/boost", 12, 4000, 4000, true));  // always right
        }
        List<Double> bands = List.of(125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0);
        int missed = 0;
        int easy = 0;
        for (long seed = 1; seed <= 10; seed++) {
            DrillSection d = new DrillSection(DrillExercise.EQ_FREQUENCY, new GeneratorSource("pink-noise"), 30, 4,
                    bands, 12, 1.4, Optional.empty(), -24, 0, 5, 8, 0, Optional.empty(), false, false, true);
            DrillPlay play = new DrillPlay(d, seed, Double.POSITIVE_INFINITY, Optional.empty(), history);
            for (DrillQuestion q : play.questions()) {
                missed += q.answer() == 250 ? 1 : 0;
                easy += q.answer() == 4000 ? 1 : 0;
            }
        }
        // weights 1 + 3 × miss rate: 250 Hz four times as likely as 4 kHz
        assertThat(missed).isGreaterThan(2 * easy);
    }
}
