package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.Test;

/**
 * Every shipped lesson of the newer drills plays: its first questions are made, their A and B render
 * from the lesson's own sound (and differ unless the question is a "no change"), and answering the
 * truth scores full points.
 */
class ShippedNewDrillsPlayTest {

    private static final List<DrillExercise> OLD = List.of(DrillExercise.EQ_FREQUENCY, DrillExercise.EQ_GAIN,
            DrillExercise.LEVEL, DrillExercise.PAN, DrillExercise.COMPRESSION);

    @Test
    void theNewDrillLessonsPlayOnTheirOwnSound() throws Exception {
        LessonCatalog catalog = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets"));
        List<Lesson> fresh = catalog.lessons().stream()
                .filter(l -> l.section() instanceof DrillSection d && (!OLD.contains(d.exercise())
                        || !d.options().equals(org.controlroom.lesson.script.DrillOptions.DEFAULTS)))
                .toList();
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(18);
        for (Lesson lesson : fresh) {
            LessonPlay play = LessonKinds.builtIn().kind(lesson.kind()).play(lesson, LessonKindPlugin.PlayContext.of(7));
            for (int i = 0; i < 2; i++) {
                Step step = play.step(i);
                DrillQuestion q = step.drillQuestion().orElseThrow();
                DrillAudio.Pair p = play.listening(i).orElseThrow().pair();
                assertThat(p.a().frames()).as(lesson.id()).isGreaterThan((int) (p.a().sampleRate() * 3));
                double diff = 0;
                for (int s = 0; s < p.a().samples().length; s++) {
                    diff = Math.max(diff, Math.abs(p.a().samples()[s] - p.b().samples()[s]));
                }
                if (q.noChange()) {
                    assertThat(diff).as(lesson.id()).isZero();
                } else {
                    assertThat(diff).as("%s question %d: B differs from A", lesson.id(), i + 1).isGreaterThan(1e-4);
                }
                Response truth = q.exercise().dialled()
                        ? new Response.Match(q.hidden().stream().map(h -> new Response.Band(h.frequencyHz(),
                                q.undo() ? -h.gainDb() : h.gainDb(), h.q())).toList())
                        : q.bands().size() > 1
                        ? new Response.Options(q.bands().stream().map(DrillPlay::format).toList())
                        : new Response.Value(q.answer());
                LessonPlay.Judgement j = play.judge(i, truth, 1000);
                assertThat(j.feedback().points()).as(lesson.id() + ": " + step.prompt()).isEqualTo(10);
                play.answered(i, j);
            }
        }
    }
}
