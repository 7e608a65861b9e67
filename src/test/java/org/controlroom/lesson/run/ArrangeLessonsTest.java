package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.lesson.script.ArrangeSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.ArrangeSession;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped arrangement lesson passes with its solution plan (src/test/resources/arrange) and fails
 * with the arrangement it starts from; the render is as long as its bars at the lesson's tempo.
 */
class ArrangeLessonsTest {
    static final Path ROOT = Path.of(System.getProperty("controlroom.project.dir", "."));
    static LessonCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = new LessonLoader().load(ROOT.resolve("lessons"), ROOT.resolve("audio-assets"));
        assertThat(catalog.problems()).isEmpty();
    }

    static AttemptFinished play(String id, boolean solved) throws Exception {
        Lesson lesson = catalog.lesson(id).orElseThrow();
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), lesson, "ana", LessonKindPlugin.PlayContext.of(1),
                AttemptListener.NONE, Clock.systemUTC());
        LessonSession s = r.beginSession();
        if (solved) {
            Path plan = ROOT.resolve("src/test/resources/arrange/" + id + ".plan.yaml");
            s.load(new PlanFile(LessonFormats.builtIn()).parse(Files.readString(plan), plan, lesson));
        }
        assertThat(r.submit()).isEmpty();
        return r.result().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrange-chorus-in-30", "arrange-radio-edit-long-version", "arrange-breakdown-contrast",
            "arrange-intro-earns-the-drop", "arrange-radio-edit"})
    void passesWithItsSolutionAndFailsAsItStarts(String id) throws Exception {
        AttemptFinished start = play(id, false);
        AttemptFinished solved = play(id, true);
        assertThat(start.passed()).as(id + " as it starts: " + start.criteria()).isFalse();
        assertThat(solved.passed()).as(id + " solved: " + solved.criteria()).isTrue();
        assertThat(solved.score()).isGreaterThan(start.score() + 20);
    }

    @Test
    void thereAreAtLeastFourArrangementLessonsAcrossTheRanks() {
        List<Lesson> arrange = catalog.lessons().stream().filter(l -> l.kind().equals(LessonKind.ARRANGE)).toList();
        assertThat(arrange).hasSizeGreaterThanOrEqualTo(4);
        assertThat(arrange.stream().map(l -> l.rank()).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(LessonKinds.builtIn().notPlayable(arrange.get(0))).isEmpty();
    }

    @Test
    void theStartingStateNamesTheLateChorusWithItsNumbers() throws Exception {
        AttemptFinished start = play("arrange-chorus-in-30", false);
        Criterion c = start.criteria().stream().filter(x -> x.name().equals("first_chorus")).findFirst().orElseThrow();
        // 4 + 8 + 4 bars at 112 bpm before the chorus: 16 · 240 / 112 = 34.29 s
        assertThat(c.detail()).contains("first chorus at 0:34.3, brief asks by 0:30");
        assertThat((Double) c.measured().get("seconds")).isCloseTo(16 * 240.0 / 112, within(0.01));
    }

    @Test
    void theRenderLastsTheChosenBarsAtTheLessonsTempoWithinOneSample() throws Exception {
        // 132 bpm: a bar is 80181.8 frames at 44.1 kHz, so rounding per bar would drift
        Lesson lesson = catalog.lesson("arrange-breakdown-contrast").orElseThrow();
        ArrangeSession s = new ArrangeSession(lesson, Clock.systemUTC());
        s.load(new PlanFile(LessonFormats.builtIn()).parse("""
                arrange:
                  - {section: intro, bars: 3}
                  - {section: chorus-1, stems: [kick, bass], bars: 5}
                  - {section: breakdown, bars: 7}
                  - {section: chorus-3}
                  - {section: chorus-3, bars: 1}
                """, ROOT.resolve("p.yaml"), lesson));
        ArrangeSection a = (ArrangeSection) lesson.section();
        int bars = 3 + 5 + 7 + 8 + 1;
        try (SessionSound sound = s.sound(new SoundLibrary(), 1024)) {
            AudioClip out = new OfflineRenderer(1).render(sound.mixer(), sound.frames());
            double expected = bars * a.beatsPerBar() * 60.0 / a.bpm() * out.sampleRate();
            assertThat((double) out.frames()).isCloseTo(expected, within(1.0));
        }
    }
}
