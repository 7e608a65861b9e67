package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LearnerAndProgressCommandsTest {

    @TempDir
    Path dir;

    private final String lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString();

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    @Test
    void learnersAreAddedListedAndDuplicatesRefusedInOneLine() {
        assertThat(CliHarness.run("learner", "list", "--db", db()).out()).contains("No learners yet");
        CliHarness.Result added = CliHarness.run("learner", "add", "Ana", "--db", db());
        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).contains("Added learner 'Ana'");
        CliHarness.Result dup = CliHarness.run("learner", "add", "ANA", "--db", db());
        assertThat(dup.exitCode()).isEqualTo(2);
        assertThat(dup.err().strip()).isEqualTo("control-room: there is already a learner called 'Ana'; choose another name");
        assertThat(CliHarness.run("learner", "list", "--db", db()).out()).contains("Ana");
    }

    @Test
    void aPlayedDrillShowsUpInProgressWithXpAndRank() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        // answer the first choice ten times: some right, most wrong, all saved
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#1\n".repeat(10));
        CliHarness.Result play = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--answers", answers.toString(), "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(play.out());
        assertThat(result.get("lesson_id").asText()).isEqualTo("eq-octave-boosts");
        assertThat(result.get("replay").asBoolean()).as("a fresh attempt").isFalse();
        assertThat(result.get("criteria")).hasSize(2);
        assertThat(result.get("criteria").get(0).get("name").asText()).isEqualTo("accuracy");
        assertThat(play.err()).contains("Step 10 of 10");

        CliHarness.Result progress = CliHarness.run("progress", "Ana", "--json", "--db", db(), "--lessons", lessons);
        assertThat(progress.exitCode()).as(progress.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(progress.out());
        assertThat(p.get("learner").asText()).isEqualTo("Ana");
        assertThat(p.get("answers").asLong()).isEqualTo(10);
        assertThat(p.get("rank").asText()).isEqualTo("Runner");
        assertThat(p.get("next_rank").asText()).isEqualTo("Assistant Engineer");
        assertThat(p.get("next_rank_opens")).extracting(JsonNode::asText).contains("eq-octave-cuts", "pan-quarters");
        assertThat(p.get("lessons").get(0).get("lesson_id").asText()).isEqualTo("eq-octave-boosts");
        assertThat(p.get("lessons").get(0).get("best_score").asDouble()).isEqualTo(result.get("score").asDouble());
        assertThat(p.get("mean_error").has("octaves")).isTrue();
    }

    @Test
    void theSameSeedReplaysTheSameAttempt() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#3\n".repeat(10));
        String[] args = {"scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(), "--lessons", lessons,
                "--answers", answers.toString(), "--seed", "5"};
        String first = CliHarness.run(args).out();
        String second = CliHarness.run(args).out();
        assertThat(first.replaceAll("median [0-9.]+ s", "")).isEqualTo(second.replaceAll("median [0-9.]+ s", "")
                .replace("XP 0", "XP 0"));
    }

    @Test
    void aLessonAboveTheLearnersRankIsRefusedWithWhatItNeeds() {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        CliHarness.Result r = CliHarness.run("scenario", "play", "level-fine", "--learner", "Ana", "--db", db(),
                "--lessons", lessons);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("needs the rank Producer").contains("Ana is Runner with 0 XP");
    }

    @Test
    void aBudgetScenarioPlaysThroughFromTheCommandLine() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        // this one needs Engineer: give Ana the XP by playing as a tutor would not; use a lessons copy at runner rank
        Path copy = dir.resolve("lessons");
        Files.createDirectories(copy);
        Files.copy(Path.of(lessons, "career.yaml"), copy.resolve("career.yaml"));
        String yaml = Files.readString(Path.of(lessons, "scenarios/budget/four-song-ep.yaml"))
                .replaceFirst("(?m)^rank: .*$", "rank: runner");
        Files.writeString(copy.resolve("ep.yaml"), yaml);
        // the old decisions, written as a plan: booked from day 1 until every song is tracked
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                budget:
                  studio: project-studio
                  players: [session-drummer]
                  mixing: freelance-mix
                  mastering: 2nd
                  responses: {singer-ill: 2}
                """.replace("2nd", "mastering-house"));
        CliHarness.Result r = CliHarness.run("scenario", "play", "budget-four-song-ep", "--learner", "Ana", "--db", db(),
                "--lessons", copy.toString(), "--plan", plan.toString(), "--seed", "3", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(r.out());
        assertThat(result.get("criteria")).extracting(c -> c.get("name").asText())
                .containsExactly("delivery", "spend", "quality", "limits", "plan");
        // project studio days 1-4 with the drummer (4 × 800), freelance mix (4 × 300), mastering house (4 × 100)
        JsonNode spend = result.get("criteria").get(1);
        JsonNode best = result.get("criteria").get(4).get("measured");
        // what seed 3 makes strike, answered as the plan says (the singer: overtime, £520; the drive: £200)
        var section = (org.controlroom.lesson.script.BudgetSection) new org.controlroom.lesson.script.LessonLoader()
                .load(copy, Path.of("audio-assets")).lesson("budget-four-song-ep").orElseThrow().section();
        java.util.Set<String> struck = org.controlroom.lesson.budget.Strikes.of(section, 3);
        // (a double booking, unanswered in the plan, takes its first response: a day, no money)
        double expected = 4800 + (struck.contains("singer-ill") ? 520 : 0) + (struck.contains("drive-fails") ? 200 : 0);
        assertThat(spend.get("measured").get("spent").asDouble()).isEqualTo(expected);
        assertThat(best.get("best_plan").asText()).contains("mixed by");
        assertThat(best.get("best_plan_file").get("days")).isNotEmpty();
        assertThat(best.get("your_plan").asText()).startsWith("days 1\u20134: Project studio");
    }

    @Test
    void aBudgetPlanWithAnUnknownStudioIsRefusedAtItsLineAndColumn() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        Path copy = dir.resolve("lessons");
        Files.createDirectories(copy);
        Files.copy(Path.of(lessons, "career.yaml"), copy.resolve("career.yaml"));
        String yaml = Files.readString(Path.of(lessons, "scenarios/budget/four-song-ep.yaml"))
                .replaceFirst("(?m)^rank: .*$", "rank: runner");
        Files.writeString(copy.resolve("ep.yaml"), yaml);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "budget:\n  days:\n    1: {studio: project-studo}\n    2: {studio: big-room}\n");
        CliHarness.Result r = CliHarness.run("scenario", "play", "budget-four-song-ep", "--learner", "Ana", "--db", db(),
                "--lessons", copy.toString(), "--plan", plan.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("plan.yaml:3:17").contains("unknown studio 'project-studo'")
                .contains("did you mean 'project-studio'");
        assertThat(r.err()).contains("plan.yaml:4:17").contains("not free on day 2");
    }

    @Test
    void aDrillAtTheTerminalWritesEachQuestionsSoundAndCountsTheListens() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "a\nb\nb\n#1\n" + "#2\n".repeat(9));
        Path audio = dir.resolve("audio");
        CliHarness.Result r = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--answers", answers.toString(), "--audio-dir", audio.toString(), "--no-sound");
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (int q = 1; q <= 10; q++) {
            org.controlroom.dsp.AudioClip a = org.controlroom.dsp.io.WavReader.read(audio.resolve(String.format("q%02d-A.wav", q)));
            org.controlroom.dsp.AudioClip b = org.controlroom.dsp.io.WavReader.read(audio.resolve(String.format("q%02d-B.wav", q)));
            assertThat(a.seconds()).isEqualTo(4.0);
            assertThat(b.samples()).isNotEqualTo(a.samples());
        }
        try (org.controlroom.store.LearnerStore store = org.controlroom.store.LearnerStore.open(dir.resolve("cr.db"))) {
            var first = store.attempts().answers(1).get(0);
            assertThat(first.playsA()).isEqualTo(1);
            assertThat(first.playsB()).isEqualTo(2);
            assertThat(store.attempts().answers(1)).hasSize(10);
        }
    }
}
