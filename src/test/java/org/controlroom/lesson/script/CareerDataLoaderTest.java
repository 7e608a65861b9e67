package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The career economy's data files: the shipped ones load; a broken one is reported at its file, line and column. */
class CareerDataLoaderTest {

    static final Path SHIPPED = Path.of("lessons");
    static final List<String> RANKS = List.of("runner", "assistant-engineer", "engineer", "producer", "executive-producer");

    @TempDir
    Path dir;

    static Map<String, String> kinds() {
        LessonCatalog c = new LessonLoader().load(SHIPPED, Path.of("audio-assets"));
        java.util.Map<String, String> m = new java.util.HashMap<>();
        c.lessons().forEach(l -> m.put(l.id(), l.kind().id()));
        return m;
    }

    @Test
    void theShippedFilesLoadWithTheIssuesFigures() {
        CareerData.Files f = CareerDataLoader.load(SHIPPED.resolve("career"), RANKS, kinds());
        assertThat(f.clientTypes()).extracting(CareerData.ClientType::id)
                .containsExactly("band", "solo-artist", "label", "media", "content");
        assertThat(f.economy().dayRate()).isEqualTo(new CareerData.Money(20_000, 35_000));
        assertThat(f.economy().salaryPence().get("runner")).isEqualTo(1_800_000);
        assertThat(f.economy().producerPoints().min()).isGreaterThanOrEqualTo(0.5);
        assertThat(f.economy().executivePoints().max()).isLessThanOrEqualTo(5);
        // every scenario kind is work a client pays for
        java.util.Set<String> kindsUsed = new java.util.HashSet<>();
        Map<String, String> k = kinds();
        f.jobs().forEach(j -> j.lessonIds().forEach(id -> kindsUsed.add(k.get(id))));
        assertThat(kindsUsed).containsExactlyInAnyOrder("mix", "takes", "arrange", "budget");
        // and the ladder asks a track record
        CareerLadder ladder = CareerLoader.load(SHIPPED.resolve("career.yaml"));
        assertThat(ladder.rank("producer").orElseThrow().credits()).isEqualTo(30);
        assertThat(ladder.rank("producer").orElseThrow().reputation()).isEqualTo(70);
        assertThat(ladder.rank("runner").orElseThrow().credits()).isZero();
    }

    @Test
    void aBrokenFileIsReportedAtItsLineAndColumn() throws Exception {
        Path career = Files.createDirectories(dir.resolve("career"));
        for (String f : List.of("economy.yaml", "clients.yaml", "jobs.yaml")) {
            Files.copy(SHIPPED.resolve("career").resolve(f), career.resolve(f));
        }
        String jobs = Files.readString(career.resolve("jobs.yaml")).replace("lessons: [budget-demo-day]",
                "lessons: [no-such-lesson]").replace("    speed_weight: 0.3\n    release: true\n    xp: 3\n",
                "    speed_weight: 1.5\n    release: true\n    xp: 3\n");
        Files.writeString(career.resolve("jobs.yaml"), jobs);
        Files.writeString(career.resolve("economy.yaml"), Files.readString(career.resolve("economy.yaml"))
                .replace("  engineer: 30000\n", ""));
        ScriptException e = catchThrowableOfType(() -> CareerDataLoader.load(career, RANKS, kinds()), ScriptException.class);
        List<String> lines = jobs.lines().toList();
        int lessonLine = lines.indexOf("    lessons: [no-such-lesson]") + 1;
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("jobs.yaml");
            assertThat(p.line()).isEqualTo(lessonLine);
            assertThat(p.column()).isEqualTo(14);
            assertThat(p.message()).contains("no-such-lesson").contains("no lesson");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("jobs.yaml");
            assertThat(p.message()).contains("speed_weight");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("economy.yaml");
            assertThat(p.message()).contains("engineer");
        });
    }
}
