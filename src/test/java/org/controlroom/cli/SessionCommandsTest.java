package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mix LESSON --plan --out} and {@code scenario play LESSON --plan}: the plan file is the learner's work. */
class SessionCommandsTest {

    @TempDir
    Path dir;

    private final String lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString();

    private String db() {
        return dir.resolve("learners.db").toString();
    }

    private Path plan(String yaml) throws Exception {
        return Files.writeString(dir.resolve("plan-" + yaml.hashCode() + ".yaml"), yaml);
    }

    @Test
    void aPlanWithNamesTheLessonDoesNotHaveGetsEveryProblemAtItsLineAndColumn() throws Exception {
        Path p = plan("""
                mix:
                  tracks:
                    drums: {gain_db: 0}
                    vocal: {gain_db: 1}
                    bass: {gain_db: -3, fader: 2}
                  buses: {drums: {gain_db: 1}}
                """);
        CliHarness.Result r = CliHarness.run("mix", "mix-first-balance", "--plan", p.toString(), "--out",
                dir.resolve("x.wav").toString(), "--lessons", lessons);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "control-room: " + p + ":4:5: unknown track 'vocal' in mix.tracks (this lesson has: drums, bass, pad)",
                "control-room: " + p + ":5:25: unknown field 'fader' in mix.tracks.bass; known fields: gain_db, pan,"
                        + " mute, solo, bus, eq, comp",
                "control-room: " + p + ":6:11: unknown bus 'drums' in mix.buses (this lesson has none)");
        assertThat(dir.resolve("x.wav")).doesNotExist();
        CliHarness.Result play = CliHarness.run("scenario", "play", "mix-first-balance", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--plan", p.toString());
        assertThat(play.exitCode()).isEqualTo(2);
    }

    @Test
    void unknownSectionsStemsAndTakesAreProblemsToo() throws Exception {
        Path a = plan("""
                arrange:
                  - {section: intro, stems: [drums, keys]}
                  - {section: chorus-3}
                  - {section: bridge, bars: 99}
                """);
        CliHarness.Result r = CliHarness.run("mix", "arrange-radio-edit", "--plan", a.toString(), "--out",
                dir.resolve("a.wav").toString(), "--lessons", lessons);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(a + ":2:37: unknown stem 'keys'")
                .contains(a + ":3:15: unknown section 'chorus-3' in arrange[2].section; did you mean 'chorus-1'?")
                .contains(a + ":4:29: arrange[3].bars must be between 1 and 8, found 99");
        Path t = plan("""
                takes:
                  comp:
                    hook-held-a: [{take: take-2, until_s: 1.0}, {take: take-7}]
                    verse: take-1
                """);
        CliHarness.Result rt = CliHarness.run("mix", "takes-pick-the-vocal", "--plan", t.toString(), "--out",
                dir.resolve("t.wav").toString(), "--lessons", lessons);
        assertThat(rt.exitCode()).isEqualTo(2);
        assertThat(rt.err()).contains(t + ":3:56: unknown take 'take-7'").contains(t + ":4:5: unknown phrase 'verse'");
    }

    @Test
    void mixRendersThePlanAndScenarioPlayScoresTheSameRender() throws Exception {
        Path p = plan("""
                mix:
                  tracks:
                    drums: {gain_db: -2}
                    bass: {gain_db: -4, pan: 0}
                    pad: {gain_db: -10, pan: -0.2}
                  master: {gain_db: -3}
                """);
        Path out = dir.resolve("mix.wav");
        CliHarness.Result r = CliHarness.run("mix", "mix-first-balance", "--plan", p.toString(), "--out", out.toString(),
                "--lessons", lessons);
        assertThat(r.exitCode()).as(r.err()).isZero();
        AudioClip render = WavReader.read(out);
        assertThat(render.channels()).isEqualTo(2);
        double lufs = LoudnessAnalyzer.measure(render).integratedLufs();

        CliHarness.run("learner", "add", "Ana", "--db", db());
        // Ana needs Assistant Engineer for this lesson: a copy of the lessons at runner rank
        CliHarness.Result play = CliHarness.run("scenario", "play", "mix-first-balance", "--learner", "Ana", "--db", db(),
                "--lessons", runnerCopy(), "--plan", p.toString(), "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(play.out());
        JsonNode loudness = null;
        for (JsonNode c : json.get("criteria")) {
            if (c.get("name").asText().equals("loudness")) {
                loudness = c;
            }
        }
        assertThat(loudness.get("measured").get("integrated_lufs").asDouble()).isCloseTo(lufs, within(0.1));
        assertThat(json.get("criteria").get(0).get("measured").has("bass")).isTrue();
        // the plan is stored as the attempt's answer
        CliHarness.Result progress = CliHarness.run("progress", "Ana", "--db", db(), "--lessons", runnerCopy(), "--json");
        assertThat(new ObjectMapper().readTree(progress.out()).get("lessons").get(0).get("lesson_id").asText())
                .isEqualTo("mix-first-balance");
    }

    @Test
    void aQuestionLessonRefusesAPlanAndASessionLessonNeedsOne() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        CliHarness.Result r = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--plan", plan("mix: {}").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is played step by step and takes no plan");
        CliHarness.Result s = CliHarness.run("scenario", "play", "mix-first-balance", "--learner", "Ana", "--db", db(),
                "--lessons", runnerCopy());
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).contains("is a mix session: write your work in a plan file and pass --plan FILE");
        CliHarness.Result m = CliHarness.run("mix", "eq-octave-boosts", "--out", dir.resolve("d.wav").toString(),
                "--lessons", lessons);
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).contains("has no session to render");
    }

    /** The mix lesson at runner rank (so a new learner may play it), with its sounds. */
    private String runnerCopy() throws Exception {
        Path copy = dir.resolve("runner");
        return (Files.exists(copy) ? copy.resolve("lessons") : org.controlroom.fixtures.RunnerRankMixLesson.in(copy)).toString();
    }
}
