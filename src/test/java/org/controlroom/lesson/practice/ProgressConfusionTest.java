package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.DrillProgress;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress screen's confusion heat map, read back from the store, counts every band of a several-band
 * answer (the answer columns keep only the first): a known set of answers to the two-band drill, stored the
 * way the practice screen stores them, gives exactly the counts tallied here from those answers.
 */
class ProgressConfusionTest {

    @TempDir
    Path dir;

    @Test
    void everyBandOfAStoredTwoBandAnswerIsInTheHeatMap() {
        Lesson lesson = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets")).lesson("eq-two-bands")
                .orElseThrow();
        Map<String, Integer> expected = new HashMap<>();
        int questions = 0;
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            long ana = store.learners().add("Ana").id();
            StoredAttemptListener listener = new StoredAttemptListener(store.attempts(), ana, lesson.contentHash(),
                    Clock.systemUTC());
            LessonRunner r = LessonRunner.start(lesson, "Ana", 12, listener, Clock.systemUTC());
            Step s = r.begin();
            while (true) {
                DrillQuestion q = s.drillQuestion().orElseThrow();
                double first = q.bands().get(0);
                double second = q.bands().get(1);
                List<String> ids = new ArrayList<>();
                if (questions % 2 == 0) {
                    // both right, named in the other order
                    ids.add(id(s, second));
                    ids.add(id(s, first));
                    tally(expected, first, first);
                    tally(expected, second, second);
                } else {
                    // the first right; for the second, the choice farthest from both bands
                    double wrong = s.choices().stream().mapToDouble(Choice::value)
                            .filter(c -> c != first && c != second).boxed()
                            .max(java.util.Comparator.comparingDouble(c -> Math.min(octaves(c, first), octaves(c, second))))
                            .orElseThrow();
                    ids.add(id(s, first));
                    ids.add(id(s, wrong));
                    tally(expected, first, first);
                    tally(expected, second, wrong);
                }
                r.played(LessonRunner.Side.A);
                r.played(LessonRunner.Side.B);
                r.answer(new Response.Options(ids));
                questions++;
                Optional<Step> next = r.next();
                if (next.isEmpty()) {
                    break;
                }
                s = next.get();
            }
            DrillProgress progress = DrillProgress.of(store.attempts().drillTrials(ana));
            DrillProgress.Confusion c = progress.confusion().values().iterator().next();
            Map<String, Integer> measured = new HashMap<>();
            int total = 0;
            for (int t = 0; t < c.values().size(); t++) {
                for (int a = 0; a < c.values().size(); a++) {
                    int n = c.counts()[t][a];
                    total += n;
                    if (n > 0) {
                        measured.put(key(c.values().get(t), c.values().get(a)), n);
                    }
                }
            }
            assertThat(progress.confusion()).hasSize(1);
            assertThat(total).as("two bands an answer").isEqualTo(2 * questions);
            assertThat(measured).isEqualTo(expected);
        }
    }

    private static String id(Step s, double value) {
        return s.choices().stream().filter(c -> c.value() == value).findFirst().orElseThrow().id();
    }

    private static double octaves(double a, double b) {
        return Math.abs(Math.log(a / b) / Math.log(2));
    }

    private static void tally(Map<String, Integer> m, double truth, double answer) {
        m.merge(key(truth, answer), 1, Integer::sum);
    }

    private static String key(double truth, double answer) {
        return truth + "->" + answer;
    }
}
