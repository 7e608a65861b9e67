package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

class LessonsCommandsTest {

    private static final Path PROJECT = Path.of(System.getProperty("controlroom.project.dir", "."));
    private static final Path SHIPPED = PROJECT.resolve("lessons");

    @TempDir
    Path tmp;

    private Path lessonsWithOneBadFile() throws IOException {
        Path lessons = Files.createDirectories(tmp.resolve("lessons"));
        Files.createDirectories(tmp.resolve("audio-assets"));
        Files.copy(SHIPPED.resolve("career.yaml"), lessons.resolve("career.yaml"));
        Files.copy(SHIPPED.resolve("ear-training/eq-octave-boosts.yaml"), lessons.resolve("good.yaml"));
        String bad = Files.readString(SHIPPED.resolve("ear-training/eq-octave-cuts.yaml"))
                .replace("  gain_db: -12", "  gain_db: -30")
                .replace("rank: assistant-engineer", "rank: tea-maker");
        Files.createDirectories(lessons.resolve("sub"));
        Files.writeString(lessons.resolve("sub/bad.yaml"), bad);
        return lessons;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void validateReportsTheShippedLessonsValid() throws IOException {
        long files;
        try (var walk = Files.walk(SHIPPED)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("career.yaml")
                    && !p.startsWith(SHIPPED.resolve("career"))).count();
        }

        CliHarness.Result r = CliHarness.run("lessons", "validate", SHIPPED.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo(files + " lessons valid");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateListsEveryProblemAsFileLineColumnAndExitsOne() throws IOException {
        Path lessons = lessonsWithOneBadFile();
        Path bad = lessons.resolve("sub/bad.yaml");

        CliHarness.Result r = CliHarness.run("lessons", "validate", lessons.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                bad + ":" + lineOf(bad, "rank:") + ":7: unknown rank 'tea-maker' (ranks in career.yaml: runner, "
                        + "assistant-engineer, engineer, producer, executive-producer)",
                bad + ":" + lineOf(bad, "  gain_db:") + ":12: drill.gain_db must be between -24 and 24, found -30");
        assertThat(r.out().strip()).isEqualTo("1 lesson valid; 2 problems in 1 file");
    }

    @Test
    void validateOfAMissingFolderIsAUsageError() {
        CliHarness.Result r = CliHarness.run("lessons", "validate", tmp.resolve("nowhere").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("control-room: lessons folder not found: ")
                .contains("nowhere").doesNotContain("Exception");
    }

    @Test
    void listJsonHasOneObjectPerShippedLessonWithFileRelativeToDir() throws IOException {
        CliHarness.Result r = CliHarness.run("lessons", "list", SHIPPED.toString(), "--json");

        assertThat(r.exitCode()).isZero();
        List<Map<String, String>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() { });
        assertThat(rows).hasSizeGreaterThanOrEqualTo(11);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row).containsOnlyKeys("id", "title", "kind", "rank", "file");
            assertThat(SHIPPED.resolve(row.get("file"))).isRegularFile();
        });
        assertThat(rows).contains(Map.of("id", "eq-octave-boosts", "title", "Octave boosts on pink noise",
                "kind", "drill", "rank", "runner", "file", "ear-training/eq-octave-boosts.yaml"));
        assertThat(rows).extracting(row -> row.get("kind")).contains("drill", "budget", "mix", "arrange", "takes");
    }

    @Test
    void listTableIsAlignedAndSkipsInvalidFilesWithAReport() throws IOException {
        Path lessons = lessonsWithOneBadFile();

        CliHarness.Result r = CliHarness.run("lessons", "list", lessons.toString());

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("ID").contains("KIND", "RANK", "TITLE", "FILE");
        assertThat(lines.get(1)).startsWith("eq-octave-boosts").contains("drill", "runner",
                "Octave boosts on pink noise").endsWith("good.yaml");
        assertThat(lines.get(1).indexOf("drill")).isEqualTo(lines.get(0).indexOf("KIND"));
        assertThat(lines.get(1).indexOf("good.yaml")).isEqualTo(lines.get(0).indexOf("FILE"));
        assertThat(r.err()).contains("bad.yaml:").contains("unknown rank 'tea-maker'");
    }

    @Test
    void listJsonOfAFolderWithABadFileStillListsTheGoodOnes() throws IOException {
        Path lessons = lessonsWithOneBadFile();

        CliHarness.Result r = CliHarness.run("lessons", "list", lessons.toString(), "--json");

        List<Map<String, String>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() { });
        assertThat(rows).extracting(row -> row.get("file")).containsExactly("good.yaml");
        assertThat(r.err().lines()).hasSize(2);
    }
}
