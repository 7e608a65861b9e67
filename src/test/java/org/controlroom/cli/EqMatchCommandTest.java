package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.controlroom.dsp.EqBand;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.run.LessonPlay;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scenario play} takes eq-match answers from a file ("FREQ GAIN Q" per band): the hidden EQ's exact
 * undo (known from the seed) scores at least 95 with a spectral distance of about 0 dB, one octave off loses
 * the lesson's stated points, and each answer is stored with its columns (band_hz, gain_db, q) and error.
 */
class EqMatchCommandTest {

    @TempDir
    Path dir;

    private Path lessons;

    @BeforeEach
    void lessons() throws Exception {
        Path shipped = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons");
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.createDirectories(dir.resolve("audio-assets"));
        Files.copy(shipped.resolve("career.yaml"), lessons.resolve("career.yaml"));
        // a runner may play it here (the shipped lesson needs Assistant Engineer)
        Files.writeString(lessons.resolve("match.yaml"), Files.readString(
                shipped.resolve("ear-training/eq-match-undo-one-band.yaml")).replaceFirst("(?m)^rank: .*$", "rank: runner"));
        CliHarness.run("learner", "add", "Ana", "--db", db());
    }

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    /** The questions the attempt with this seed asks (the same seed makes the same hidden EQs). */
    private List<DrillQuestion> questions(long seed) {
        Lesson l = new LessonLoader().load(lessons, dir.resolve("audio-assets")).lesson("eq-match-undo-one-band")
                .orElseThrow();
        LessonPlay p = LessonKinds.builtIn().kind(l.kind()).play(l, LessonKindPlugin.PlayContext.of(seed));
        List<DrillQuestion> out = new ArrayList<>();
        for (int i = 0; i < p.stepCount(); i++) {
            out.add(p.step(i).drillQuestion().orElseThrow());
        }
        return out;
    }

    private JsonNode play(long seed, String answers) throws Exception {
        Path file = dir.resolve("answers-" + System.nanoTime() + ".txt");
        Files.writeString(file, answers);
        CliHarness.Result r = CliHarness.run("scenario", "play", "eq-match-undo-one-band", "--learner", "Ana", "--db",
                db(), "--lessons", lessons.toString(), "--answers", file.toString(), "--seed", Long.toString(seed),
                "--json", "--no-my-music", "--no-sound");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode criterion(JsonNode result, String name) {
        for (JsonNode c : result.get("criteria")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + name);
    }

    @Test
    void theExactUndoFromAFileScoresAtLeast95AndEachAnswerIsStoredWithItsColumns() throws Exception {
        List<DrillQuestion> qs = questions(42);
        StringBuilder answers = new StringBuilder();
        for (DrillQuestion q : qs) {
            EqBand h = q.hidden().get(0);
            // the same band, gain negated, written three ways the format allows
            answers.append(switch (q.number() % 3) {
                case 0 -> String.format(Locale.ROOT, "%s %+.1f %s%n", h.frequencyHz(), -h.gainDb(), h.q());
                case 1 -> String.format(Locale.ROOT, "%sk %.1fdB q%s%n", h.frequencyHz() / 1000, -h.gainDb(), h.q());
                default -> String.format(Locale.ROOT, "hz=%s gain=%.1f q=%s%n", h.frequencyHz(), -h.gainDb(), h.q());
            });
        }
        JsonNode result = play(42, answers.toString());
        assertThat(result.get("score").asDouble()).isGreaterThanOrEqualTo(95);
        assertThat(criterion(result, "accuracy").get("score").asDouble()).isEqualTo(100);
        assertThat(criterion(result, "spectrum").get("measured").get("distance_db").asDouble()).isLessThan(0.1);
        assertThat(criterion(result, "speed").get("score").asDouble()).as("answers from a file").isZero();

        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT exercise, band_hz, gain_db, q, truth, response, error,"
                     + " error_unit, response_json FROM answers ORDER BY step")) {
            for (DrillQuestion q : qs) {
                EqBand h = q.hidden().get(0);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("eq-match");
                assertThat(rs.getDouble(2)).isEqualTo(h.frequencyHz());
                assertThat(rs.getDouble(3)).as("the gain that undoes it").isEqualTo(-h.gainDb());
                assertThat(rs.getDouble(4)).isEqualTo(h.q());
                assertThat(rs.getDouble(5)).isEqualTo(h.frequencyHz());
                assertThat(rs.getDouble(6)).isCloseTo(h.frequencyHz(), within(1e-6));
                assertThat(rs.getDouble(7)).as("error in octaves").isLessThan(1e-6);
                assertThat(rs.getString(8)).isEqualTo("octaves");
                assertThat(rs.getString(9)).contains("\"error_db\"").contains("\"distance_db\"");
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void oneOctaveOffEveryAnswerLosesTheStatedPoints() throws Exception {
        List<DrillQuestion> qs = questions(7);
        StringBuilder answers = new StringBuilder();
        for (DrillQuestion q : qs) {
            EqBand h = q.hidden().get(0);
            double hz = h.frequencyHz() * 2 <= 20000 ? h.frequencyHz() * 2 : h.frequencyHz() / 2;
            answers.append(String.format(Locale.ROOT, "%s %s %s%n", hz, -h.gainDb(), h.q()));
        }
        JsonNode result = play(7, answers.toString());
        // the lesson: tolerance 0.25 octave, penalty_per_unit 6 → each question 10 - 6 * 0.75 = 5.5 of 10
        assertThat(criterion(result, "accuracy").get("score").asDouble()).isCloseTo(55, within(1e-6));
        assertThat(criterion(result, "accuracy").get("measured").get("mean_error_octaves").asDouble())
                .isCloseTo(1, within(1e-6));
    }

    @Test
    void drillPracticeOffersTheMatchExercise() throws Exception {
        Path file = dir.resolve("practice.txt");
        Files.writeString(file, "1k 0 1.4\n".repeat(3));
        CliHarness.Result r = CliHarness.run("drill", "practice", "eq-match", "--questions", "3", "--learner", "Ana",
                "--db", db(), "--lessons", lessons.toString(), "--answers", file.toString(), "--json", "--no-my-music",
                "--no-sound");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(r.out());
        assertThat(result.get("lesson_id").asText()).isEqualTo("eq-match-undo-one-band");
        assertThat(criterion(result, "accuracy").get("measured").get("questions").asInt()).isEqualTo(3);
        // flat dials are no better than doing nothing
        assertThat(criterion(result, "spectrum").get("score").asDouble()).isZero();
    }

    @Test
    void anAnswerThatIsNotThreeNumbersPerBandIsRefusedInWords() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "1k -6\n");
        CliHarness.Result r = CliHarness.run("scenario", "play", "eq-match-undo-one-band", "--learner", "Ana", "--db",
                db(), "--lessons", lessons.toString(), "--answers", file.toString(), "--no-my-music", "--no-sound");
        assertThat(r.out() + r.err()).contains("FREQ GAIN Q");
    }
}
