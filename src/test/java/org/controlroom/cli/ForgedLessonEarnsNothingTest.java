package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An edited copy of a lesson (same id, xp: 1000, pass_mark: 0) played from another lessons folder earns no
 * XP, no pass and no rank: progress counts only attempts at the content the catalogue holds.
 */
class ForgedLessonEarnsNothingTest {

    @TempDir
    Path dir;

    private final Path shipped = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons");

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    /** A lessons folder holding career.yaml and the shipped eq-octave-boosts, its text changed by {@code edit}. */
    private Path copyOfTheLessons(String name, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path lessons = dir.resolve(name).resolve("lessons");
        Files.createDirectories(lessons.resolve("ear-training"));
        Files.copy(shipped.resolve("career.yaml"), lessons.resolve("career.yaml"));
        String text = Files.readString(shipped.resolve("ear-training/eq-octave-boosts.yaml"));
        Files.writeString(lessons.resolve("ear-training/eq-octave-boosts.yaml"), edit.apply(text));
        return lessons;
    }

    private JsonNode play(Path lessons) throws Exception {
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#1\n".repeat(10));
        CliHarness.Result play = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons.toString(), "--answers", answers.toString(), "--json", "--no-sound");
        assertThat(play.exitCode()).as(play.err()).isZero();
        return new ObjectMapper().readTree(play.out());
    }

    private JsonNode progress() throws Exception {
        CliHarness.Result progress = CliHarness.run("progress", "Ana", "--json", "--db", db(), "--lessons", shipped.toString());
        assertThat(progress.exitCode()).as(progress.err()).isZero();
        return new ObjectMapper().readTree(progress.out());
    }

    @Test
    void aCopyWithTheSameIdButXp1000AndPassMark0EarnsNothing() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        Path forged = copyOfTheLessons("forged", t -> t.replace("xp: 20", "xp: 1000").replace("pass_mark: 70", "pass_mark: 0"));
        JsonNode result = play(forged);
        assertThat(result.get("passed").asBoolean()).as("the forged copy passes itself").isTrue();

        JsonNode p = progress();
        assertThat(p.get("xp").asLong()).isZero();
        assertThat(p.get("rank").asText()).isEqualTo("Runner");
        assertThat(p.get("lessons_passed").asLong()).isZero();
        assertThat(p.get("lessons")).as("no result at the catalogue's lesson").isEmpty();
    }

    @Test
    void aCopyEditedOnlyInItsPassMarkOrOnlyInItsXpEarnsNothingEither() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        play(copyOfTheLessons("easier", t -> t.replace("pass_mark: 70", "pass_mark: 0")));
        play(copyOfTheLessons("richer", t -> t.replace("xp: 20", "xp: 1000")));
        JsonNode p = progress();
        assertThat(p.get("xp").asLong()).isZero();
        assertThat(p.get("lessons_passed").asLong()).isZero();
        assertThat(p.get("lessons")).isEmpty();
    }

    @Test
    void aByteForByteCopyOfTheShippedLessonCountsAsTheShippedLesson() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        JsonNode result = play(copyOfTheLessons("same", t -> t));
        JsonNode p = progress();
        assertThat(p.get("lessons")).singleElement().satisfies(r -> {
            assertThat(r.get("lesson_id").asText()).isEqualTo("eq-octave-boosts");
            assertThat(r.get("attempts").asInt()).isEqualTo(1);
            assertThat(r.get("best_score").asDouble()).isEqualTo(result.get("score").asDouble());
        });
    }

    @Test
    void theAnswersOfAForgedAttemptAreKeptThoughTheyEarnNothing() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        play(copyOfTheLessons("forged", t -> t.replace("xp: 20", "xp: 1000").replace("pass_mark: 70", "pass_mark: 0")));
        assertThat(progress().get("answers").asLong()).as("nothing the learner did is deleted").isEqualTo(10);
    }
}
