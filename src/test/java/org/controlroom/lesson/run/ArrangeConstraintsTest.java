package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.ArrangeSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the brief's constraints, missed alone, is the one criterion that drops, and its detail gives
 * the numbers. The lesson is generated here: two tone stems whose loudness is known (a 0 dBFS-peak
 * sine at 0.5 amplitude on stem "full", a tenth of it on "soft"), 120 bpm, so a bar is 2 s.
 */
class ArrangeConstraintsTest {
    @TempDir
    static Path dir;
    static Lesson lesson;

    static final String LESSON = """
            id: arrange-generated
            title: Generated
            kind: arrange
            rank: runner
            brief: Test.
            arrange:
              bpm: 120
              stems:
                - {name: full, asset: full.wav}
                - {name: soft, asset: soft.wav}
              sections:
                - {id: intro, name: Intro, bars: 2, energy: 0.2}
                - {id: verse-1, name: Verse 1, bars: 4, energy: 0.4}
                - {id: chorus-1, name: Chorus 1, bars: 4, energy: 0.8}
                - {id: bridge, name: Bridge, bars: 4, energy: 0.3}
                - {id: verse-2, name: Verse 2, bars: 4, energy: 0.4}
                - {id: chorus-2, name: Chorus 2, bars: 4, energy: 0.9}
              target:
                min_seconds: 20
                max_seconds: 40
                first_chorus_by_seconds: 12
                must_include: [chorus-2]
                must_exclude: [verse-2]
                radio_edit: {max_seconds: 36, keep: [bridge]}
                arc: [low, high, low, high]
                contrast: {section: bridge, min_lu: 6, min_stems: 1, direction: quieter}
            scoring:
              pass_mark: 70
              weights: {length: 1, first_chorus: 1, sections: 1, radio_edit: 1, energy_arc: 1, contrast: 1}
            """;

    /** Meets every constraint: 32 s, chorus at 8 s; quarters intro+verse (soft) / chorus / bridge (soft) / chorus. */
    static final String GOOD = """
            arrange:
              - {section: intro, stems: [soft]}
              - {section: verse-1, stems: [soft], bars: 2}
              - {section: chorus-1}
              - {section: bridge, stems: [soft]}
              - {section: chorus-2}
            """;

    @BeforeAll
    static void make() throws Exception {
        Path assets = Files.createDirectories(dir.resolve("audio-assets"));
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        tone(assets.resolve("full.wav"), 0.5);
        tone(assets.resolve("soft.wav"), 0.05);
        Files.writeString(lessons.resolve("career.yaml"), """
                ranks:
                  - {id: runner, name: Runner, xp: 0, role: "Makes the tea"}
                """);
        Files.writeString(lessons.resolve("generated.yaml"), LESSON);
        LessonCatalog c = new LessonLoader().load(lessons, assets);
        assertThat(c.problems()).isEmpty();
        lesson = c.lesson("arrange-generated").orElseThrow();
    }

    /** 40 s of a 1 kHz sine at 8 kHz, the whole song's source. */
    static void tone(Path file, double amplitude) throws Exception {
        int rate = 8000;
        float[] s = new float[rate * 40];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000.0 * i / rate));
        }
        WavWriter.write(file, new AudioClip(rate, 1, s), WavSampleFormat.FLOAT_32);
    }

    static Map<String, Criterion> score(String plan) throws Exception {
        ArrangeSession s = new ArrangeSession(lesson, Clock.systemUTC());
        Path p = dir.resolve("plan.yaml");
        s.load(new PlanFile(LessonFormats.builtIn()).parse(plan, p, lesson));
        ArrangePlay play = new ArrangePlay(lesson, s);
        play.submitSession();
        return play.criteria().stream().collect(Collectors.toMap(Criterion::name, c -> c));
    }

    static void onlyMissed(Map<String, Criterion> c, String name, String... inDetail) {
        // a missed constraint scores at most 50; the arc (a measurement) loses its share per wrong part
        assertThat(c.get(name).score()).as(name + ": " + c.get(name).detail())
                .isLessThanOrEqualTo(name.equals("energy_arc") ? 80 : 50);
        assertThat(c.get(name).detail()).contains(inDetail);
        c.values().stream().filter(x -> !x.name().equals(name))
                .forEach(x -> assertThat(x.score()).as(x.name() + ": " + x.detail()).isEqualTo(100.0));
    }

    @Test
    void anArrangementThatMeetsTheBriefScoresFullMarksOnEveryConstraint() throws Exception {
        Map<String, Criterion> c = score(GOOD);
        assertThat(c.keySet()).containsExactlyInAnyOrder("length", "first_chorus", "sections", "radio_edit",
                "energy_arc", "contrast");
        c.values().forEach(x -> assertThat(x.score()).as(x.name() + ": " + x.detail()).isEqualTo(100.0));
        // soft is 20 dB under full: the bridge (soft alone) against the choruses (full + soft)
        assertThat((Double) c.get("contrast").measured().get("lu_difference")).isCloseTo(20.8, within(0.2));
        assertThat(c.get("length").measured()).containsEntry("seconds", 32.0).containsEntry("bars", 16);
    }

    @Test
    void aLateFirstChorusIsNamedWithItsTime() throws Exception {
        // 2 + 4 + 1 bars before the chorus: 14 s, 2 s late; the intro played again is the loud second quarter
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft]}
                  - {section: verse-1, stems: [soft]}
                  - {section: intro, bars: 1}
                  - {section: chorus-1, bars: 3}
                  - {section: bridge, stems: [soft]}
                  - {section: chorus-2}
                """);
        onlyMissed(c, "first_chorus", "first chorus at 0:14", "brief asks by 0:12", "2.0 s late");
        assertThat(c.get("first_chorus").measured()).containsEntry("seconds", 14.0);
    }

    @Test
    void tooShortASongIsNamedWithItsLength() throws Exception {
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft], bars: 1}
                  - {section: verse-1, stems: [soft], bars: 1}
                  - {section: chorus-1, bars: 2}
                  - {section: bridge, stems: [soft], bars: 2}
                  - {section: chorus-2, bars: 2}
                """);
        onlyMissed(c, "length", "length 0:16", "too short", "brief asks 0:20–0:40");
    }

    @Test
    void aMissingSectionIsNamed() throws Exception {
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft]}
                  - {section: verse-1, stems: [soft], bars: 2}
                  - {section: chorus-1}
                  - {section: bridge, stems: [soft]}
                  - {section: chorus-1}
                """);
        onlyMissed(c, "sections", "missing Chorus 2");
    }

    @Test
    void aSectionTheBriefRulesOutIsNamed() throws Exception {
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft]}
                  - {section: verse-2, stems: [soft], bars: 2}
                  - {section: chorus-1}
                  - {section: bridge, stems: [soft]}
                  - {section: chorus-2}
                """);
        onlyMissed(c, "sections", "Verse 2 placed", "leave it out");
    }

    @Test
    void aRadioEditOverItsLengthIsNamedWithItsNumbers() throws Exception {
        // 38 s: inside the length window (up to 40 s) but over the radio edit's 36 s
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft]}
                  - {section: verse-1, stems: [soft], bars: 2}
                  - {section: chorus-1}
                  - {section: bridge, stems: [soft]}
                  - {section: chorus-2}
                  - {section: chorus-2, bars: 3}
                """);
        assertThat(c.get("radio_edit").score()).isLessThanOrEqualTo(50);
        assertThat(c.get("radio_edit").detail()).contains("radio edit 0:38", "brief asks under 0:36", "2.0 s too long");
        assertThat(c.get("length").score()).isEqualTo(100.0);
        assertThat(c.get("first_chorus").score()).isEqualTo(100.0);
        assertThat(c.get("sections").score()).isEqualTo(100.0);
        assertThat(c.get("contrast").score()).isEqualTo(100.0);
    }

    @Test
    void aRadioEditThatCutsASectionItMustKeepIsNamed() throws Exception {
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft]}
                  - {section: verse-1, stems: [soft], bars: 2}
                  - {section: chorus-1}
                  - {section: intro, stems: [soft]}
                  - {section: verse-1, stems: [soft], bars: 2}
                  - {section: chorus-2}
                """);
        assertThat(c.get("radio_edit").score()).isLessThanOrEqualTo(50);
        assertThat(c.get("radio_edit").detail()).contains("cut Bridge, which the edit must keep");
        assertThat(c.get("contrast").detail()).contains("Bridge is not placed");
        assertThat(c.get("length").score()).isEqualTo(100.0);
        assertThat(c.get("sections").score()).isEqualTo(100.0);
    }

    @Test
    void aFlatArcIsNamedPartByPart() throws Exception {
        // every section on both stems except the bridge: the first quarter (intro, verse) is as loud as the chorus
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro}
                  - {section: verse-1, bars: 2}
                  - {section: chorus-1}
                  - {section: bridge, stems: [soft]}
                  - {section: chorus-2}
                """);
        onlyMissed(c, "energy_arc", "part 2 (Chorus 1 at 0:08) should be above part 1 (Verse 1): -8.2 vs -8.2 LUFS, 2 vs 2 stems");
    }

    @Test
    void aBridgeThatDoesNotContrastIsNamedWithItsLoudnessAndStems() throws Exception {
        // the bridge on the full stem alone: 0.8 LU under the choruses (the soft sine adds 0.05 in phase:
        // 20·log10(0.55 / 0.5)), one stem fewer; the arc's third quarter then is not low either
        Map<String, Criterion> c = score("""
                arrange:
                  - {section: intro, stems: [soft]}
                  - {section: verse-1, stems: [soft], bars: 2}
                  - {section: chorus-1}
                  - {section: bridge, stems: [full]}
                  - {section: chorus-2}
                """);
        assertThat(c.get("contrast").score()).isLessThanOrEqualTo(50);
        assertThat(c.get("contrast").detail()).contains("Bridge", "0.8 LU quieter", "brief asks at least 6.0 LU quieter", "1.0 stems fewer");
        assertThat(c.get("length").score()).isEqualTo(100.0);
        assertThat(c.get("first_chorus").score()).isEqualTo(100.0);
        assertThat(c.get("sections").score()).isEqualTo(100.0);
        assertThat(c.get("radio_edit").score()).isEqualTo(100.0);
    }

    @Test
    void everyMissedConstraintIsNamedInTheRunnersFeedback() throws Exception {
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), lesson, "ana", LessonKindPlugin.PlayContext.of(1),
                AttemptListener.NONE, Clock.systemUTC());
        r.beginSession(); // the lesson's own order: verse 2 in, the chorus at 0:12 is on time, 44 s long
        assertThat(r.submit()).isEmpty();
        AttemptFinished f = r.result().orElseThrow();
        Map<String, Criterion> c = f.criteria().stream().collect(Collectors.toMap(Criterion::name, x -> x));
        assertThat(c.get("length").detail()).contains("length 0:44", "4.0 s too long");
        assertThat(c.get("sections").detail()).contains("Verse 2 placed");
        assertThat(c.get("radio_edit").detail()).contains("radio edit 0:44", "brief asks under 0:36");
        assertThat(c.get("first_chorus").score()).isEqualTo(100.0);
        assertThat(f.passed()).isFalse();
        assertThat(List.of(c.get("length"), c.get("sections"), c.get("radio_edit")))
                .allSatisfy(x -> assertThat(x.weight()).isEqualTo(1.0));
    }
}
