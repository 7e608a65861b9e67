package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.Test;

/**
 * The session's confusion matrix counts every band of a several-band question: a known set of answers to the
 * two-band drill (both right in the other order, or one right and one wrong) gives exactly the counts
 * tallied here from those answers.
 */
class MultiBandConfusionTest {

    @Test
    void everyBandOfATwoBandQuestionIsCountedAgainstTheAnswerPairedWithIt() {
        Lesson lesson = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets")).lesson("eq-two-bands")
                .orElseThrow();
        LessonPlay play = LessonKinds.builtIn().kind(lesson.kind()).play(lesson, LessonKindPlugin.PlayContext.of(12));
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < play.stepCount(); i++) {
            Step step = play.step(i);
            DrillQuestion q = step.drillQuestion().orElseThrow();
            double first = q.bands().get(0);
            double second = q.bands().get(1);
            List<String> ids = new ArrayList<>();
            if (i % 2 == 0) {
                // both right, named in the other order
                ids.add(DrillPlay.format(second));
                ids.add(DrillPlay.format(first));
                tally(expected, first, first);
                tally(expected, second, second);
            } else {
                // the first band right; for the second, the choice farthest from both bands
                double wrong = step.choices().stream().mapToDouble(Choice::value)
                        .filter(c -> c != first && c != second)
                        .boxed().max(java.util.Comparator.comparingDouble(c -> Math.min(octaves(c, first),
                                octaves(c, second)))).orElseThrow();
                ids.add(DrillPlay.format(first));
                ids.add(DrillPlay.format(wrong));
                tally(expected, first, first);
                tally(expected, second, wrong);
            }
            play.answered(i, play.judge(i, new Response.Options(ids), 3000));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> confusion = (Map<String, Object>) play.criteria().get(0).measured().get("confusion");
        @SuppressWarnings("unchecked")
        List<Double> values = (List<Double>) confusion.get("values");
        @SuppressWarnings("unchecked")
        List<List<Integer>> counts = (List<List<Integer>>) confusion.get("counts");
        Map<String, Integer> measured = new HashMap<>();
        int total = 0;
        for (int t = 0; t < values.size(); t++) {
            for (int a = 0; a < values.size(); a++) {
                int c = counts.get(t).get(a);
                total += c;
                if (c > 0) {
                    measured.put(key(values.get(t), values.get(a)), c);
                }
            }
        }
        assertThat(total).as("two bands a question").isEqualTo(2 * play.stepCount());
        assertThat(measured).isEqualTo(expected);
    }

    private static double octaves(double a, double b) {
        return Math.abs(Math.log(a / b) / Math.log(2));
    }

    private static void tally(Map<String, Integer> m, double truth, double answer) {
        m.merge(key(truth, answer), 1, Integer::sum);
    }

    private static String key(double truth, double answer) {
        return DrillPlay.format(truth) + "->" + DrillPlay.format(answer);
    }
}
