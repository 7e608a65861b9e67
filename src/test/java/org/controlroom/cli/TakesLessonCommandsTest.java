package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every takes lesson shipped in lessons/scenarios/takes, played from the command line
 * ({@code scenario play LESSON --plan FILE --json}): it passes with its solution plan
 * (src/test/resources/takes-solutions) and fails from its starting state — a plan that keeps the
 * lesson's starting takes, even with the right answers to its direction questions.
 */
class TakesLessonCommandsTest {

    @TempDir
    Path dir;

    private final Path root = Path.of(System.getProperty("controlroom.project.dir", "."));

    /** The takes lessons at Runner rank (a new learner may play them), beside the real audio assets. */
    private String runnerLessons() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("copy/lessons"));
        Files.copy(root.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        try (var files = Files.list(root.resolve("lessons/scenarios/takes"))) {
            for (Path f : files.toList()) {
                Files.writeString(lessons.resolve(f.getFileName()),
                        Files.readString(f).replaceFirst("(?m)^rank: .*$", "rank: runner"));
            }
        }
        Files.createSymbolicLink(dir.resolve("copy/audio-assets"), root.resolve("audio-assets").toAbsolutePath());
        return lessons.toString();
    }

    private static JsonNode json(CliHarness.Result r) throws Exception {
        return new ObjectMapper().readTree(r.out().substring(r.out().indexOf('{')));
    }

    @Test
    void everyShippedTakesLessonPassesWithItsSolutionPlanAndFailsFromItsStartingState() throws Exception {
        String db = dir.resolve("learners.db").toString();
        assertThat(CliHarness.run("learner", "add", "Ana", "--db", db).exitCode()).isZero();
        String lessons = runnerLessons();
        List<Path> shipped;
        try (var files = Files.list(root.resolve("lessons/scenarios/takes"))) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(4);
        for (Path lesson : shipped) {
            String id = Files.readString(lesson).lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow()
                    .substring(4).trim();
            Path solution = root.resolve("src/test/resources/takes-solutions/" + id + ".yaml");
            assertThat(solution).as(id + " has a solution plan").exists();

            CliHarness.Result solved = CliHarness.run("scenario", "play", id, "--learner", "Ana", "--db", db, "--lessons",
                    lessons, "--plan", solution.toString(), "--json");
            assertThat(solved.exitCode()).as(id + ": " + solved.err()).isZero();
            JsonNode s = json(solved);
            assertThat(s.get("passed").asBoolean()).as(id + " with its solution: " + s).isTrue();
            for (JsonNode c : s.get("criteria")) {
                assertThat(c.get("measured").isObject()).as(id + " " + c.get("name")).isTrue();
            }

            // the starting state: no comp given (every phrase keeps the lesson's starting take), the right answers kept
            String answers = Files.readString(solution).lines().filter(l -> l.trim().startsWith("answers:"))
                    .findFirst().map(l -> "  " + l.trim() + "\n").orElse("  crossfade_ms: 10\n");
            Path start = Files.writeString(dir.resolve(id + ".start.yaml"), "takes:\n" + answers);
            CliHarness.Result fromStart = CliHarness.run("scenario", "play", id, "--learner", "Ana", "--db", db,
                    "--lessons", lessons, "--plan", start.toString(), "--json");
            assertThat(fromStart.exitCode()).as(id + " from the start: " + fromStart.err()).isZero();
            JsonNode f = json(fromStart);
            assertThat(f.get("passed").asBoolean()).as(id + " from its starting state: " + f).isFalse();
            assertThat(f.get("score").asDouble()).as(id).isLessThan(s.get("score").asDouble());
        }
    }
}
