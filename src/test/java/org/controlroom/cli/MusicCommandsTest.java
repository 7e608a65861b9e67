package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code music add / list / remove} and {@code scenario play} on a folder with a good, a damaged and a silent file. */
class MusicCommandsTest {

    @TempDir
    Path dir;
    private Path folder;

    private final String lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString();

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    /** 60 s of a two-note chord, mono. */
    static AudioClip chord(int rate, int seconds) {
        float[] s = new float[seconds * rate];
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) rate;
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 196 * t) + 0.2 * Math.sin(2 * Math.PI * 293.7 * t));
        }
        return new AudioClip(rate, 1, s);
    }

    @BeforeEach
    void folder() throws Exception {
        folder = Files.createDirectories(dir.resolve("My Songs"));
        WavWriter.write(folder.resolve("a-good.wav"), chord(48000, 60), WavSampleFormat.PCM_24);
        Files.writeString(folder.resolve("b-damaged.mp3"), "ID3 and then nothing that decodes");
        WavWriter.write(folder.resolve("c-silent.wav"), AudioClip.silence(48000, 1, 50 * 48000), WavSampleFormat.PCM_16);
        Files.writeString(folder.resolve("notes.txt"), "not music");
        assertThat(CliHarness.run("learner", "add", "Ana", "--db", db()).exitCode()).isZero();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db());
        return CliHarness.run(all.toArray(String[]::new));
    }

    @Test
    void anAddedFolderIsListedFileByFileWithEachStatusAndLength() throws Exception {
        CliHarness.Result add = run("music", "add", folder.toString(), "--learner", "ana");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added folder " + folder + " (3 audio files) to Ana's music");

        CliHarness.Result list = run("music", "list", "--learner", "Ana");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("ok +1:00  .*a-good\\.wav")
                .containsPattern("damaged +-  .*b-damaged\\.mp3")
                .containsPattern("silent +0:50  .*c-silent\\.wav")
                .doesNotContain("notes.txt")
                .contains("1 of 3 files can be played in drills.");

        JsonNode json = new ObjectMapper().readTree(run("music", "list", "--learner", "Ana", "--json").out());
        assertThat(json.get("learner").asText()).isEqualTo("Ana");
        assertThat(json.get("added")).extracting(JsonNode::asText).containsExactly(folder.toString());
        assertThat(json.get("files")).extracting(f -> Path.of(f.get("file").asText()).getFileName().toString())
                .containsExactly("a-good.wav", "b-damaged.mp3", "c-silent.wav");
        assertThat(json.get("files")).extracting(f -> f.get("status").asText()).containsExactly("ok", "damaged", "silent");
        assertThat(json.get("files").get(0).get("seconds").asDouble()).isEqualTo(60.0);
        assertThat(json.get("files").get(1).get("detail").asText()).isNotBlank();
    }

    @Test
    void theMusicIsRememberedPerLearnerAndAddingTwiceKeepsOne() throws Exception {
        run("learner", "add", "Ben");
        run("music", "add", folder.toString(), "--learner", "Ana");
        CliHarness.Result again = run("music", "add", folder.resolve("..").resolve("My Songs").toString(), "--learner", "Ana");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("is already in Ana's music");
        JsonNode ana = new ObjectMapper().readTree(run("music", "list", "--learner", "Ana", "--json").out());
        assertThat(ana.get("added")).hasSize(1);
        JsonNode ben = new ObjectMapper().readTree(run("music", "list", "--learner", "Ben", "--json").out());
        assertThat(ben.get("added")).isEmpty();
        assertThat(run("music", "list", "--learner", "Ben").out()).contains("Ben has no music yet")
                .contains("music add PATH... --learner \"Ben\"");
    }

    @Test
    void aFileThatMovedIsListedAsMovedAndCanBeRemoved() throws Exception {
        Path loose = dir.resolve("loose.wav");
        WavWriter.write(loose, chord(44100, 45), WavSampleFormat.PCM_16);
        assertThat(run("music", "add", loose.toString(), folder.toString(), "--learner", "Ana").exitCode()).isZero();
        Files.move(loose, dir.resolve("renamed.wav"));

        JsonNode json = new ObjectMapper().readTree(run("music", "list", "--learner", "Ana", "--json").out());
        assertThat(json.get("files").get(0).get("status").asText()).isEqualTo("moved");
        assertThat(run("music", "list", "--learner", "Ana").out()).containsPattern("moved +-  .*loose\\.wav");

        CliHarness.Result remove = run("music", "remove", loose.toString(), "--learner", "Ana");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("Removed " + loose + " from Ana's music");
        json = new ObjectMapper().readTree(run("music", "list", "--learner", "Ana", "--json").out());
        assertThat(json.get("added")).extracting(JsonNode::asText).containsExactly(folder.toString());
    }

    @Test
    void mistakesGetOneLineAndExitTwo() {
        CliHarness.Result nobody = run("music", "list", "--learner", "Zed");
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err().strip()).isEqualTo("control-room: no learner called 'Zed'; add one with: learner add \"Zed\"");

        CliHarness.Result missing = run("music", "add", dir.resolve("nowhere.wav").toString(), "--learner", "Ana");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("control-room: there is no file or folder at ").doesNotContain("\n");

        CliHarness.Result text = run("music", "add", folder.resolve("notes.txt").toString(), "--learner", "Ana");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("is not an audio file Control Room reads");

        run("music", "add", folder.toString(), "--learner", "Ana");
        CliHarness.Result inFolder = run("music", "remove", folder.resolve("a-good.wav").toString(), "--learner", "Ana");
        assertThat(inFolder.exitCode()).isEqualTo(2);
        assertThat(inFolder.err()).contains("as part of the folder " + folder);
        CliHarness.Result never = run("music", "remove", dir.resolve("never.wav").toString(), "--learner", "Ana");
        assertThat(never.exitCode()).isEqualTo(2);
        assertThat(never.err().strip()).contains("is not in Ana's music").doesNotContain("\n");
    }

    @Test
    void scenarioPlayUsesTheLearnersStoredMusicForADrillThatAllowsItAndSaysWhichFileAndWhere() throws Exception {
        run("music", "add", folder.toString(), "--learner", "Ana");
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#1\n".repeat(10));
        CliHarness.Result play = run("scenario", "play", "level-steps", "--learner", "Ana", "--lessons", lessons,
                "--answers", answers.toString(), "--seed", "7", "--no-sound", "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        assertThat(play.err()).containsPattern("Playing on your music: .*a-good\\.wav from 0:[0-9]{2}\\.[0-9]");
        JsonNode result = new ObjectMapper().readTree(play.out());
        assertThat(result.get("score").isNumber()).isTrue();
        assertThat(Path.of(result.get("my_music").get("file").asText()).getFileName()).hasToString("a-good.wav");
        assertThat(result.get("my_music").get("start_seconds").asDouble()).isBetween(5.0, 25.0);

        CliHarness.Result text = run("scenario", "play", "level-steps", "--learner", "Ana", "--lessons", lessons,
                "--answers", answers.toString(), "--seed", "7", "--no-sound");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Playing on your music: ").contains("Score ");

        CliHarness.Result off = run("scenario", "play", "level-steps", "--learner", "Ana", "--lessons", lessons,
                "--answers", answers.toString(), "--seed", "7", "--no-sound", "--json", "--no-my-music");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(off.err()).doesNotContain("your music");
        assertThat(new ObjectMapper().readTree(off.out()).has("my_music")).isFalse();
    }

    @Test
    void withOnlyUnusableMusicTheDrillPlaysItsOwnSoundAndSaysWhy() throws Exception {
        run("music", "add", folder.resolve("b-damaged.mp3").toString(), folder.resolve("c-silent.wav").toString(),
                "--learner", "Ana");
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#1\n".repeat(10));
        CliHarness.Result play = run("scenario", "play", "level-steps", "--learner", "Ana", "--lessons", lessons,
                "--answers", answers.toString(), "--seed", "7", "--no-sound", "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        assertThat(play.err()).contains("None of your music could be used (0 of 2 files playable)");
        assertThat(new ObjectMapper().readTree(play.out()).has("my_music")).isFalse();
    }
}
