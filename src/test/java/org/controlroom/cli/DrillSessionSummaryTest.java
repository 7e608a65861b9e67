package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * At the terminal: a drill ends with a session summary (score, threshold, best streak, the confusion
 * matrix, also in --json) that agrees with the feedback given after each answer; several bands are
 * answered as "250 Hz, 2 kHz"; a compression lesson describes its explore step with figures before
 * the first question.
 */
class DrillSessionSummaryTest {

    @TempDir
    Path dir;

    private final Path project = Path.of(System.getProperty("controlroom.project.dir", "."));

    /** A lessons folder with copies of shipped lessons opened to runners, beside the real audio assets. */
    private Path lessonsWith(String... ids) throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.copy(project.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        for (String id : ids) {
            String text = Files.readString(project.resolve("lessons/ear-training/" + id + ".yaml"));
            Files.writeString(lessons.resolve(id + ".yaml"), text.replaceFirst("(?m)^rank: .*$", "rank: runner"));
        }
        Files.createSymbolicLink(dir.resolve("audio-assets"), project.resolve("audio-assets").toAbsolutePath());
        return lessons;
    }

    private CliHarness.Result play(Path lessons, String id, String answers, String... more) throws Exception {
        Path file = dir.resolve("answers-" + System.nanoTime() + ".txt");
        Files.writeString(file, answers);
        List<String> args = new ArrayList<>(List.of("scenario", "play", id, "--learner", "Ana", "--db",
                dir.resolve("cr.db").toString(), "--lessons", lessons.toString(), "--answers", file.toString(),
                "--no-my-music", "--no-sound"));
        args.addAll(List.of(more));
        CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static List<String> truths(String talk) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(?:> )*(?:Right: (.+?)\\.|It was (.+?); you said)").matcher(talk);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    @Test
    void theSummarysConfusionMatrixCountsWhatTheFeedbackSaid() throws Exception {
        Path lessons = lessonsWith("eq-octave-boosts-or-nothing");
        CliHarness.run("learner", "add", "Ana", "--db", dir.resolve("cr.db").toString());
        // always the second choice: 125 Hz ("no change" is the first)
        CliHarness.Result r = play(lessons, "eq-octave-boosts-or-nothing", "#2\n".repeat(12), "--json");
        List<String> truths = truths(r.err());
        assertThat(truths).hasSize(12);
        JsonNode summary = new ObjectMapper().readTree(r.out()).get("summary");
        JsonNode c = summary.get("confusion");
        List<String> labels = new ArrayList<>();
        c.get("labels").forEach(l -> labels.add(l.asText()));
        int answered = labels.indexOf("125 Hz");
        assertThat(answered).isNotNegative();
        for (int t = 0; t < labels.size(); t++) {
            String truth = labels.get(t);
            long asked = truths.stream().filter(truth::equals).count();
            for (int a = 0; a < labels.size(); a++) {
                assertThat(c.get("counts").get(t).get(a).asInt()).as("%s answered %s", truth, labels.get(a))
                        .isEqualTo(a == answered ? (int) asked : 0);
            }
        }
        long right = truths.stream().filter("125 Hz"::equals).count();
        assertThat(summary.get("right").asInt()).isEqualTo((int) right);
        // the longest run of 125 Hz truths in a row
        int best = 0;
        int run = 0;
        for (String t : truths) {
            run = t.equals("125 Hz") ? run + 1 : 0;
            best = Math.max(best, run);
        }
        assertThat(summary.get("best_streak").asInt()).isEqualTo(best);
    }

    @Test
    void severalBandsAreAnsweredTogetherAndScoredPerBand() throws Exception {
        Path lessons = lessonsWith("eq-two-bands");
        CliHarness.run("learner", "add", "Ana", "--db", dir.resolve("cr.db").toString());
        CliHarness.Result first = play(lessons, "eq-two-bands", "1, 3\n".repeat(10), "--seed", "99");
        List<String> truths = truths(first.out());
        assertThat(truths).hasSize(10).allSatisfy(t -> assertThat(t).contains(" + "));
        StringBuilder right = new StringBuilder();
        for (String t : truths) {
            right.append(t.replace(" + ", ", ")).append('\n');
        }
        CliHarness.Result replay = play(lessons, "eq-two-bands", right.toString(), "--seed", "99", "--json");
        JsonNode accuracy = new ObjectMapper().readTree(replay.out()).get("criteria").get(0);
        assertThat(accuracy.get("score").asDouble()).isEqualTo(100);
        assertThat(accuracy.get("measured").get("right").asInt()).isEqualTo(10);
    }

    @Test
    void aCompressionLessonDescribesItsExploreStepWithMeasuredFigures() throws Exception {
        Path lessons = lessonsWith("compression-depth-on-drums");
        CliHarness.run("learner", "add", "Ana", "--db", dir.resolve("cr.db").toString());
        CliHarness.Result r = play(lessons, "compression-depth-on-drums", "#1\n".repeat(10));
        assertThat(r.out()).contains("Explore (in the window").contains("Skipped here.");
        // deeper thresholds take more off
        Matcher m = Pattern.compile("threshold +(-?[0-9.]+) dB: level down +([0-9.]+) dB").matcher(r.out());
        List<Double> drops = new ArrayList<>();
        while (m.find()) {
            drops.add(Double.parseDouble(m.group(2)));
        }
        assertThat(drops).hasSize(5).isSorted();
        assertThat(drops.get(4)).isGreaterThan(drops.get(0) + 3);
        // before the first answer's feedback
        assertThat(r.out().indexOf("Explore")).isLessThan(r.out().indexOf("It was") < 0 ? r.out().indexOf("Right:")
                : Math.min(r.out().indexOf("It was"), Math.max(0, r.out().indexOf("Right:")) == 0
                        ? Integer.MAX_VALUE : r.out().indexOf("Right:")));
    }
}
