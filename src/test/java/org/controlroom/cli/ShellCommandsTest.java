package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line's side of the app's shell: learners renamed and removed, answers, lesson order, plurals. */
class ShellCommandsTest {

    @TempDir
    Path dir;

    private final Path project = Path.of(System.getProperty("controlroom.project.dir", "."));
    private final String lessons = project.resolve("lessons").toString();

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    private void playOnce(String learner, String answer) throws Exception {
        Path answers = dir.resolve("answers-" + answer.replace("#", "h") + ".txt");
        Files.writeString(answers, (answer + "\n").repeat(10));
        CliHarness.Result r = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", learner, "--db", db(),
                "--lessons", lessons, "--answers", answers.toString(), "--json", "--no-sound");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aRenamedLearnerKeepsTheirAttemptsAndANameTakenIsRefused() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        CliHarness.run("learner", "add", "Ben", "--db", db());
        playOnce("Ana", "#1");
        CliHarness.Result taken = CliHarness.run("learner", "rename", "ana", "Ben", "--db", db());
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("already a learner called 'Ben'");
        CliHarness.Result ok = CliHarness.run("learner", "rename", "ana", "Anabel", "--db", db());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Renamed learner 'Ana' to 'Anabel'");
        try (LearnerStore store = LearnerStore.open(Path.of(db()))) {
            assertThat(store.learners().findByName("Ana")).isEmpty();
            long id = store.learners().findByName("Anabel").orElseThrow().id();
            assertThat(store.attempts().history(id, 10)).singleElement()
                    .satisfies(a -> assertThat(a.lessonId()).isEqualTo("eq-octave-boosts"));
        }
        assertThat(CliHarness.run("progress", "Anabel", "--db", db(), "--lessons", lessons).out())
                .contains("10 answers").contains("1 attempt").doesNotContain("attempt(s)");
    }

    @Test
    void removingALearnerNeedsAnExportOrAConfirmationAndTheExportHoldsEveryAnswer() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        playOnce("Ana", "#2");
        CliHarness.Result refused = CliHarness.run("learner", "remove", "Ana", "--db", db());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--export FILE").contains("--discard-attempts");
        assertThat(CliHarness.run("learner", "list", "--db", db()).out()).contains("Ana");

        Path export = dir.resolve("ana.json");
        CliHarness.Result removed = CliHarness.run("learner", "remove", "Ana", "--export", export.toString(), "--db", db());
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("1 attempt exported");
        JsonNode json = new ObjectMapper().readTree(export.toFile());
        assertThat(json.get("learner").asText()).isEqualTo("Ana");
        assertThat(json.get("attempts")).hasSize(1);
        assertThat(json.get("attempts").get(0).get("answers")).hasSize(10);
        assertThat(json.get("attempts").get(0).get("lesson_id").asText()).isEqualTo("eq-octave-boosts");
        try (LearnerStore store = LearnerStore.open(Path.of(db()))) {
            assertThat(store.learners().list()).isEmpty();
        }
        CliHarness.run("learner", "add", "Ben", "--db", db());
        CliHarness.Result discarded = CliHarness.run("learner", "remove", "ben", "--discard-attempts", "--db", db());
        assertThat(discarded.exitCode()).as(discarded.err()).isZero();
        assertThat(CliHarness.run("learner", "list", "--db", db()).out()).contains("No learners yet");
    }

    @Test
    void aBareNumberAnswersADrillLikeTheWindowsKey() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        CliHarness.run("learner", "add", "Ben", "--db", db());
        Path bare = Files.writeString(dir.resolve("bare.txt"), "3\n".repeat(10));
        Path hash = Files.writeString(dir.resolve("hash.txt"), "#3\n".repeat(10));
        CliHarness.Result a = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--answers", bare.toString(), "--seed", "5", "--json", "--no-sound");
        CliHarness.Result b = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ben", "--db", db(),
                "--lessons", lessons, "--answers", hash.toString(), "--seed", "5", "--json", "--no-sound");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(a.out()).get("score")).isEqualTo(m.readTree(b.out()).get("score"));
        assertThat(m.readTree(a.out()).get("criteria").get(0)).isEqualTo(m.readTree(b.out()).get("criteria").get(0));
        try (LearnerStore store = LearnerStore.open(Path.of(db()))) {
            List<String> byBare = responses(store, "Ana");
            List<String> byHash = responses(store, "Ben");
            assertThat(byBare).hasSize(10).isEqualTo(byHash);
        }
    }

    private static List<String> responses(LearnerStore store, String who) {
        long id = store.learners().findByName(who).orElseThrow().id();
        long attempt = store.attempts().history(id, 1).get(0).id();
        return store.attempts().answers(attempt).stream().map(x -> x.responseJson()).toList();
    }

    @Test
    void lessonsAreListedByRankThenTrackThenTitle() throws Exception {
        List<String> rankOrder = new ArrayList<>();
        Matcher ids = Pattern.compile("(?m)^  - id: (\\S+)").matcher(Files.readString(project.resolve("lessons/career.yaml")));
        while (ids.find()) {
            rankOrder.add(ids.group(1));
        }
        CliHarness.Result r = CliHarness.run("lessons", "list", lessons, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows.size()).isGreaterThan(5);
        assertThat(rows.get(0).get("rank").asText()).isEqualTo("runner");
        for (int i = 1; i < rows.size(); i++) {
            JsonNode p = rows.get(i - 1);
            JsonNode q = rows.get(i);
            int byRank = Integer.compare(rankOrder.indexOf(p.get("rank").asText()), rankOrder.indexOf(q.get("rank").asText()));
            String tp = Path.of(p.get("file").asText()).getParent().getFileName().toString();
            String tq = Path.of(q.get("file").asText()).getParent().getFileName().toString();
            int byTrack = tp.compareToIgnoreCase(tq);
            int byTitle = p.get("title").asText().compareToIgnoreCase(q.get("title").asText());
            assertThat(byRank < 0 || byRank == 0 && (byTrack < 0 || byTrack == 0 && byTitle <= 0))
                    .as("%s before %s", p, q).isTrue();
        }
    }

    @Test
    void validatingTheFolderAboveLessonsChecksTheLessonsNotCareerYamlAsALesson() throws Exception {
        CliHarness.Result direct = CliHarness.run("lessons", "validate", lessons);
        CliHarness.Result above = CliHarness.run("lessons", "validate", project.toString());
        assertThat(above.err()).doesNotContain("career.yaml");
        assertThat(above.exitCode()).isEqualTo(direct.exitCode());
        assertThat(above.out()).isEqualTo(direct.out());

        // a career.yaml below the folder given (a pack's own ladder) is never read as a lesson
        Path pack = Files.createDirectories(dir.resolve("pack/sub"));
        Files.copy(project.resolve("lessons/career.yaml"), dir.resolve("pack/career.yaml"));
        Files.copy(project.resolve("lessons/career.yaml"), pack.resolve("career.yaml"));
        CliHarness.Result nested = CliHarness.run("lessons", "validate", dir.resolve("pack").toString());
        assertThat(nested.err()).isEmpty();
        assertThat(nested.out().strip()).isEqualTo("0 lessons valid");
    }
}
