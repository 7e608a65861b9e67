package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.Test;

/**
 * A learner who does not listen cannot pass a shipped drill: a simulated guesser answers every question
 * of every drill lesson with a random choice (a random set of bands for a several-band question), always
 * quickly enough for full speed marks, in 40 seeded attempts per lesson; the score is weighed with the
 * lesson's own weights as the runner does; an eq-match question is answered with random dials. At most 2 of the 40 attempts (5 %) may reach the pass mark.
 * This test found that the two-choice attack and release drills (8 questions, pass mark 65) passed a
 * guesser in about a third of attempts, and the ratio and depth drills' partial credit for a wrong ratio
 * let a guesser through one time in four.
 */
class GuessingDoesNotPassTest {

    private static final int ATTEMPTS = 40;

    @Test
    void aRandomGuesserPassesNoShippedDrillMoreThanOneTimeInTwenty() throws Exception {
        LessonCatalog catalog = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets"));
        List<String> tooEasy = new ArrayList<>();
        int drills = 0;
        for (Lesson lesson : catalog.lessons()) {
            if (!(lesson.section() instanceof DrillSection)) {
                continue;
            }
            drills++;
            int passes = 0;
            double sum = 0;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                double score = guess(lesson, attempt);
                sum += score;
                if (score >= lesson.scoring().passMark()) {
                    passes++;
                }
            }
            if (passes > ATTEMPTS / 20) {
                tooEasy.add(String.format("%s: passed %d of %d guessed attempts (mean %.1f, pass mark %.0f)",
                        lesson.id(), passes, ATTEMPTS, sum / ATTEMPTS, lesson.scoring().passMark()));
            }
        }
        assertThat(drills).isGreaterThanOrEqualTo(36);
        assertThat(tooEasy).as("drills a guesser passes").isEmpty();
    }

    /**
     * eq-match: random dials, as many bands as hidden: a centre anywhere from 20 Hz to 20 kHz (log-uniform), a
     * gain from -18 to +18 dB, a Q from 0.3 to 10 (log-uniform).
     */
    static Response randomDials(DrillQuestion q, Random random) {
        List<Response.Band> bands = new ArrayList<>();
        for (int k = 0; k < q.hidden().size(); k++) {
            bands.add(new Response.Band(20 * Math.pow(1000, random.nextDouble()), -18 + 36 * random.nextDouble(),
                    0.3 * Math.pow(10 / 0.3, random.nextDouble())));
        }
        return new Response.Match(bands);
    }

    /** One attempt answered at random, 1.5 s after each question (full speed marks); its weighted score. */
    private static double guess(Lesson lesson, int attempt) throws Exception {
        Random random = new Random(7919L * attempt + lesson.id().hashCode());
        LessonPlay play = LessonKinds.builtIn().kind(lesson.kind()).play(lesson,
                LessonKindPlugin.PlayContext.of(1000 + attempt));
        for (int i = 0; i < play.stepCount(); i++) {
            Step step = play.step(i);
            List<Choice> choices = new ArrayList<>(step.choices());
            int bands = step.drillQuestion().map(q -> q.bands().size()).orElse(1);
            Response response;
            if (step.drillQuestion().filter(q -> q.exercise().dialled()).isPresent()) {
                response = randomDials(step.drillQuestion().get(), random);
            } else if (bands > 1) {
                Collections.shuffle(choices, random);
                response = new Response.Options(choices.subList(0, bands).stream().map(Choice::id).toList());
            } else {
                response = new Response.Value(choices.get(random.nextInt(choices.size())).value());
            }
            play.answered(i, play.judge(i, response, 1500));
        }
        Map<String, Double> weights = lesson.scoring().weights();
        double total = 0;
        double weightSum = 0;
        for (Criterion c : play.criteria()) {
            double w = weights.getOrDefault(c.name(), 0.0);
            total += w * c.score();
            weightSum += w;
        }
        return weightSum == 0 ? 0 : total / weightSum;
    }
}
