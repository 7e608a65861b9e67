package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ways a learner once reached Engineer without listening are closed: answers from a file score no
 * speed, every attempt draws a fresh seed, and replaying a seed (whose answers the feedback told after
 * each answer) earns no XP, no pass in progress, and is stored as a replay.
 */
class HonestScoresTest {

    @TempDir
    Path dir;

    private final String lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString();

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    private CliHarness.Result play(String answers, String... more) throws Exception {
        Path file = dir.resolve("answers-" + System.nanoTime() + ".txt");
        Files.writeString(file, answers);
        List<String> args = new ArrayList<>(List.of("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db",
                db(), "--lessons", lessons, "--answers", file.toString(), "--json", "--no-my-music"));
        args.addAll(List.of(more));
        CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    /** The right answers, as the feedback after each answer told them ("Right: 1 kHz." / "It was 1 kHz; ..."). */
    private static List<String> truthsFromFeedback(String talk) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(?:> )*(?:Right: (.+?)\\.|It was (.+?); you said)").matcher(talk);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    @Test
    void answersFromAFileScoreNoSpeedAndEachAttemptDrawsAFreshSeed() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        CliHarness.Result first = play("#1\n".repeat(10));
        JsonNode one = new ObjectMapper().readTree(first.out());
        JsonNode speed = one.get("criteria").get(1);
        assertThat(speed.get("name").asText()).isEqualTo("speed");
        assertThat(speed.get("score").asDouble()).isZero();
        assertThat(speed.get("measured").get("timed_answers").asInt()).isZero();
        assertThat(one.get("timed").asBoolean()).isFalse();
        assertThat(first.err()).contains("answers read from a file are not timed");

        // even typing a and b before every answer in the file does not make file answers timed
        JsonNode two = new ObjectMapper().readTree(play("a\nb\n#2\n".repeat(10)).out());
        assertThat(two.get("criteria").get(1).get("score").asDouble()).isZero();
        assertThat(two.get("seed").asLong()).as("a fresh seed per attempt").isNotEqualTo(one.get("seed").asLong());
        assertThat(two.get("replay").asBoolean()).isFalse();
    }

    @Test
    void replayingASeedWithTheAnswersItsFeedbackToldPassesButEarnsNoXpAndIsStoredAsAReplay() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        CliHarness.Result fresh = play("#1\n".repeat(10));
        long seed = new ObjectMapper().readTree(fresh.out()).get("seed").asLong();
        List<String> truths = truthsFromFeedback(fresh.err());
        assertThat(truths).hasSize(10);

        CliHarness.Result replay = play(String.join("\n", truths) + "\n", "--seed", Long.toString(seed));
        JsonNode r = new ObjectMapper().readTree(replay.out());
        assertThat(r.get("criteria").get(0).get("score").asDouble()).as("every answer right").isEqualTo(100);
        assertThat(r.get("passed").asBoolean()).isTrue();
        assertThat(r.get("replay").asBoolean()).isTrue();
        assertThat(r.get("xp_earned").asInt()).isZero();
        assertThat(replay.err()).contains("earns no XP");

        CliHarness.Result progress = CliHarness.run("progress", "Ana", "--json", "--db", db(), "--lessons", lessons);
        JsonNode p = new ObjectMapper().readTree(progress.out());
        assertThat(p.get("xp").asLong()).isZero();
        assertThat(p.get("lessons_passed").asLong()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seed, replay, timed, xp_earned FROM attempts ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(2)).as("the fresh attempt").isZero();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(seed);
            assertThat(rs.getInt(2)).as("stored as a replay").isEqualTo(1);
            assertThat(rs.getInt(3)).as("answers from a file").isZero();
            assertThat(rs.getInt(4)).isZero();
        }
    }

    @Test
    void eachAnswerIsStoredWithTheQuestionInColumns() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        play("#1\n".repeat(10));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT exercise, band_hz, gain_db, q, truth, response, correct, timed,"
                     + " json_extract(question_json, '$.answer') FROM answers ORDER BY id")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertThat(rs.getString(1)).isEqualTo("eq-frequency");
                assertThat(rs.getDouble(2)).isEqualTo(rs.getDouble(9));
                assertThat(rs.getDouble(3)).isEqualTo(12);
                assertThat(rs.getDouble(4)).isEqualTo(1.4);
                assertThat(rs.getDouble(6)).as("#1 is the lowest band").isEqualTo(125);
                assertThat(rs.getInt(7)).isEqualTo(rs.getDouble(5) == 125 ? 1 : 0);
                assertThat(rs.getInt(8)).isZero();
            }
            assertThat(n).isEqualTo(10);
        }
    }
}
