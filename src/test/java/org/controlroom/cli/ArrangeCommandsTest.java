package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mix LESSON --plan --out} renders an arrangement and {@code scenario play --plan --json} scores it. */
class ArrangeCommandsTest {
    static final Path ROOT = Path.of(System.getProperty("controlroom.project.dir", "."));

    @TempDir
    Path dir;

    /** The loops lesson at runner rank, with its loops beside it. */
    private String lessons() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.copy(ROOT.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        Files.writeString(lessons.resolve("arrange.yaml"), Files.readString(
                ROOT.resolve("lessons/scenarios/arranging/radio-edit.yaml")).replaceFirst("(?m)^rank: .*$", "rank: runner"));
        Path loops = Files.createDirectories(dir.resolve("audio-assets/loops"));
        for (String f : new String[] {"drums.wav", "bass.wav", "pad.wav"}) {
            Files.copy(ROOT.resolve("audio-assets/loops").resolve(f), loops.resolve(f));
        }
        return lessons.toString();
    }

    @Test
    void mixRendersTheArrangementAndScenarioPlayScoresIt() throws Exception {
        String lessons = lessons();
        String db = dir.resolve("learners.db").toString();
        Path solution = ROOT.resolve("src/test/resources/arrange/arrange-radio-edit.plan.yaml");
        Path out = dir.resolve("a.wav");
        CliHarness.Result r = CliHarness.run("mix", "arrange-radio-edit", "--plan", solution.toString(), "--out",
                out.toString(), "--lessons", lessons);
        assertThat(r.exitCode()).as(r.err()).isZero();
        AudioClip render = WavReader.read(out);
        // 4 + 4 + 8 + 8 + 8 + 4 bars at 120 bpm: 72 s
        assertThat((double) render.frames()).isCloseTo(72 * render.sampleRate(), within(1.0));

        CliHarness.run("learner", "add", "Ana", "--db", db);
        CliHarness.Result play = CliHarness.run("scenario", "play", "arrange-radio-edit", "--learner", "Ana", "--db", db,
                "--lessons", lessons, "--plan", solution.toString(), "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        assertThat(play.err()).doesNotContain("coming later");
        JsonNode j = new ObjectMapper().readTree(play.out());
        assertThat(j.get("passed").asBoolean()).isTrue();
        assertThat(j.get("criteria").findValuesAsText("name")).containsExactly("length", "first_chorus", "energy_arc",
                "contrast");
        assertThat(j.get("criteria").get(0).get("measured").get("seconds").asDouble()).isEqualTo(72.0);

        Path late = Files.writeString(dir.resolve("late.yaml"), """
                arrange:
                  - {section: intro}
                  - {section: verse-1}
                  - {section: verse-2}
                  - {section: chorus-1}
                  - {section: bridge, stems: [pad]}
                  - {section: chorus-2}
                """);
        CliHarness.Result bad = CliHarness.run("scenario", "play", "arrange-radio-edit", "--learner", "Ana", "--db", db,
                "--lessons", lessons, "--plan", late.toString(), "--json");
        assertThat(bad.exitCode()).as(bad.err()).isZero();
        JsonNode b = new ObjectMapper().readTree(bad.out());
        assertThat(b.get("criteria").get(1).get("detail").asText()).isEqualTo("first chorus at 0:40, brief asks by 0:30"
                + " (10.0 s late)");
    }
}
