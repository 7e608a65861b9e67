package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The mix lessons from the command line: scored from a plan, rendered to a file, and a mix compared with a reference. */
class MixLessonCommandsTest {

    static final List<String> LESSONS = List.of("mix-song-balance", "mix-pan-the-band", "mix-deliver-to-spec",
            "mix-clear-the-mud", "mix-tame-the-vocal", "mix-kick-and-bass", "mix-match-the-reference");

    @TempDir
    Path dir;

    private final Path root = Path.of(System.getProperty("controlroom.project.dir", "."));

    private String db() {
        return dir.resolve("learners.db").toString();
    }

    private static Path solution(Path root, String id) {
        return root.resolve("src/test/resources/mix-solutions/" + id + ".plan.yaml");
    }

    /** The mix lessons at Runner rank (a new learner may play them), beside the real audio assets. */
    private String runnerLessons() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("copy/lessons"));
        Files.copy(root.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        try (var files = Files.list(root.resolve("lessons/scenarios/mixing"))) {
            for (Path f : files.toList()) {
                Files.writeString(lessons.resolve(f.getFileName()),
                        Files.readString(f).replaceFirst("(?m)^rank: .*$", "rank: runner"));
            }
        }
        Files.createSymbolicLink(dir.resolve("copy/audio-assets"), root.resolve("audio-assets").toAbsolutePath());
        return lessons.toString();
    }

    @Test
    void everyMixLessonPlaysFromItsSolutionPlanAndPasses() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        String lessons = runnerLessons();
        for (String id : LESSONS) {
            CliHarness.Result r = CliHarness.run("scenario", "play", id, "--learner", "Ana", "--db", db(), "--lessons",
                    lessons, "--plan", solution(root, id).toString(), "--json");
            assertThat(r.exitCode()).as(id + ": " + r.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out().substring(r.out().indexOf('{')));
            assertThat(json.get("passed").asBoolean()).as(id + ": " + json).isTrue();
            assertThat(json.get("score").asDouble()).as(id).isGreaterThanOrEqualTo(95);
            for (JsonNode c : json.get("criteria")) {
                assertThat(c.get("measured").isObject()).as(id + " " + c.get("name")).isTrue();
                assertThat(c.get("detail").asText()).isNotBlank();
            }
        }
    }

    @Test
    void theRenderedFileMeasuresWhatTheScoreSays() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        String lessons = runnerLessons();
        Path out = dir.resolve("mix.wav");
        String plan = solution(root, "mix-song-balance").toString();
        CliHarness.Result mix = CliHarness.run("mix", "mix-song-balance", "--lessons", lessons, "--plan", plan, "--out",
                out.toString());
        assertThat(mix.exitCode()).as(mix.err()).isZero();
        CliHarness.Result play = CliHarness.run("scenario", "play", "mix-song-balance", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--plan", plan, "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(play.out().substring(play.out().indexOf('{')));
        double scored = 0;
        for (JsonNode c : json.get("criteria")) {
            if (c.get("name").asText().equals("loudness")) {
                scored = c.get("measured").get("integrated_lufs").asDouble();
            }
        }
        // measured here, from the file, by the BS.1770 meter on its samples
        double fromFile = LoudnessAnalyzer.measure(WavReader.read(out)).integratedLufs();
        assertThat(fromFile).isCloseTo(scored, within(0.1));
    }

    @Test
    void theStoredAttemptCarriesEachCriterionsMeasuredNumbers() throws Exception {
        CliHarness.run("learner", "add", "Ana", "--db", db());
        String lessons = runnerLessons();
        String plan = solution(root, "mix-song-balance").toString();
        Path out = dir.resolve("mix.wav");
        assertThat(CliHarness.run("mix", "mix-song-balance", "--lessons", lessons, "--plan", plan, "--out", out.toString())
                .exitCode()).isZero();
        CliHarness.Result play = CliHarness.run("scenario", "play", "mix-song-balance", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--plan", plan, "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode printed = mapper.readTree(play.out().substring(play.out().indexOf('{'))).get("criteria");
        JsonNode stored;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT criteria_json FROM attempts WHERE lesson_id = 'mix-song-balance'"
                     + " AND finished_at IS NOT NULL")) {
            assertThat(rs.next()).as("the submitted attempt is stored").isTrue();
            stored = mapper.readTree(rs.getString(1));
            assertThat(rs.next()).as("one attempt").isFalse();
        }
        assertThat(stored.size()).isEqualTo(printed.size()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < stored.size(); i++) {
            JsonNode s = stored.get(i);
            String name = s.get("name").asText();
            assertThat(name).isEqualTo(printed.get(i).get("name").asText());
            assertThat(s.get("measured").isObject()).as(name).isTrue();
            assertThat(s.get("measured").size()).as(name + " has numbers").isPositive();
            assertThat(s.get("measured")).as(name).isEqualTo(printed.get(i).get("measured"));
        }
        JsonNode loudness = null;
        JsonNode balance = null;
        for (JsonNode s : stored) {
            if (s.get("name").asText().equals("loudness")) {
                loudness = s.get("measured");
            } else if (s.get("name").asText().equals("balance")) {
                balance = s.get("measured");
            }
        }
        // the stored loudness is the rendered file's, measured here by the BS.1770 meter on its samples
        assertThat(loudness.get("integrated_lufs").asDouble())
                .isCloseTo(LoudnessAnalyzer.measure(WavReader.read(out)).integratedLufs(), within(0.1));
        assertThat(balance.fieldNames()).toIterable().isNotEmpty();
        balance.fields().forEachRemaining(e -> assertThat(e.getValue().isNumber() || e.getValue().isNull())
                .as(e.getKey()).isTrue());
    }

    private static AudioClip noise(long seed, double amp, int frames) {
        Random r = new Random(seed);
        float[] s = new float[2 * frames];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amp * (2 * r.nextDouble() - 1));
        }
        return new AudioClip(48000, 2, s);
    }

    @Test
    void analyzeMixTakesTheLevelOutOfTheSpectrumAndNamesTheBandThatDiffers() throws Exception {
        AudioClip ref = noise(7, 0.2, 48000 * 8);
        float[] half = ref.samples().clone();
        float[] toned = ref.samples().clone();
        for (int i = 0; i < half.length; i++) {
            half[i] *= 0.5f;
            toned[i] += (float) (0.2 * Math.sin(2 * Math.PI * 1000 * (i / 2) / 48000.0));
        }
        Path refFile = dir.resolve("ref.wav");
        Path halfFile = dir.resolve("half.wav");
        Path tonedFile = dir.resolve("toned.wav");
        WavWriter.write(refFile, ref);
        WavWriter.write(halfFile, new AudioClip(48000, 2, half));
        WavWriter.write(tonedFile, new AudioClip(48000, 2, toned));
        CliHarness.Result r = CliHarness.run("analyze", "mix", halfFile.toString(), "--reference", refFile.toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double six = 20 * Math.log10(0.5);
        assertThat(j.get("distance_db").asDouble()).isLessThan(0.05);
        assertThat(j.get("level_offset_db").asDouble()).isCloseTo(-six, within(0.05));
        assertThat(j.get("mix").get("integrated_lufs").asDouble() - j.get("reference").get("integrated_lufs").asDouble())
                .isCloseTo(six, within(0.05));
        assertThat(j.get("mix").get("true_peak_dbtp").asDouble() - j.get("reference").get("true_peak_dbtp").asDouble())
                .isCloseTo(six, within(0.05));
        assertThat(j.get("mix").has("lra_lu")).isTrue();
        assertThat(j.get("mix").has("short_term_max_lufs")).isTrue();
        assertThat(j.get("bands").get(0).get("hz").asDouble()).isEqualTo(31.5);

        CliHarness.Result t = CliHarness.run("analyze", "mix", tonedFile.toString(), "--reference", refFile.toString(),
                "--json");
        JsonNode tj = new ObjectMapper().readTree(t.out());
        JsonNode loudest = null;
        for (JsonNode b : tj.get("bands")) {
            if (loudest == null || b.get("difference_db").asDouble() > loudest.get("difference_db").asDouble()) {
                loudest = b;
            }
        }
        assertThat(loudest.get("hz").asDouble()).isEqualTo(1000.0);
        assertThat(tj.get("distance_db").asDouble()).isGreaterThan(0.3);

        CliHarness.Result table = CliHarness.run("analyze", "mix", halfFile.toString(), "--reference", refFile.toString());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("Spectral distance", "Integrated loudness", "Short-term max", "Loudness range",
                "True peak", "mix - ref");
    }

    @Test
    void analyzeMixWithoutAReferenceIsBadUsage() {
        CliHarness.Result r = CliHarness.run("analyze", "mix", "x.wav");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--reference");
    }

    @Test
    void theMixBenchesRunSmall() {
        CliHarness.Result score = CliHarness.run("bench", "mix-score", "--tracks", "2", "--seconds", "2", "--runs", "1");
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.out()).contains("s to render and score");
        CliHarness.Result live = CliHarness.run("bench", "live-mix", "--tracks", "2", "--seconds", "1");
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(live.out()).contains("p50", "p99", "p99.9", "% of the buffer", "wall clock per callback",
                "CPU time of the audio thread", "JIT compilation", "allocated by the callbacks");
        CliHarness.Result oneThread = CliHarness.run("bench", "mix-score", "--tracks", "2", "--seconds", "1", "--runs", "1",
                "--threads", "1");
        assertThat(oneThread.exitCode()).as(oneThread.err()).isZero();
        assertThat(oneThread.out()).contains("1 rendering thread(s)");
        assertThat(CliHarness.run("bench", "mix-score", "--threads", "0").exitCode()).isEqualTo(2);
        assertThat(CliHarness.run("bench", "live-mix", "--tracks", "0").exitCode()).isEqualTo(2);
        assertThat(CliHarness.run("bench", "mix-score", "--tracks", "1").exitCode()).isEqualTo(2);
    }
}
