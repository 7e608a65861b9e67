package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.controlroom.analysis.take.SungNote;
import org.controlroom.analysis.take.TakeFlaw;
import org.controlroom.analysis.take.TakeSynth;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code analyze take FILE --json} on a generated stereo take whose flaws are known, and {@code bench analyze-take}. */
class AnalyzeTakeCommandTest {
    @TempDir
    Path dir;

    static final List<SungNote> LINE = List.of(new SungNote(0.6, 0.45, 67), new SungNote(1.2, 0.45, 69),
            new SungNote(1.8, 0.45, 71), new SungNote(2.4, 1.0, 72));

    @Test
    void reportsTheKeysWithTheFlawsFoundInAStereoWav() throws Exception {
        // 100 bpm grid: beats at 0.6 s steps; the take is 30 ms late and 20 cents flat on the last note, clipped on note 3
        List<TakeFlaw> flaws = List.of(new TakeFlaw.Entry(30, OptionalInt.empty()), new TakeFlaw.Pitch(-20, OptionalInt.of(3)),
                new TakeFlaw.Clip(2, 6));
        float[] x = new TakeSynth(44100, 440).render(LINE, 4, TakeSynth.Voice.VOICE, flaws, 5);
        Path wav = dir.resolve("take.wav");
        WavWriter.write(wav, AudioClip.ofChannels(44100, x, x));
        CliHarness.Result r = CliHarness.run("analyze", "take", wav.toString(), "--json", "--bpm", "100");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String key : List.of("pitch_hz", "cents_off", "onsets_s", "clipped_samples", "noise_floor_dbfs", "notes",
                "timing_ms", "voiced_ratio")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("notes")).hasSize(4);
        assertThat(j.get("notes").get(3).get("cents_off").asDouble()).isCloseTo(-20, within(3.0));
        assertThat(j.get("notes").get(3).get("note").asText()).isEqualTo("C5");
        for (JsonNode t : j.get("timing_ms")) {
            assertThat(t.asDouble()).isCloseTo(30, within(10.0));
        }
        assertThat(j.get("onsets_s").get(0).asDouble()).isCloseTo(0.63, within(0.015));
        // both channels clip
        assertThat(j.get("clipped_samples").asLong()).isGreaterThan(100).isEven();
        assertThat(j.get("noise_floor_dbfs").asDouble()).isLessThan(-70);
    }

    @Test
    void aFlacTakeReadsAsItsWav() throws Exception {
        Path wav = dir.resolve("t.wav");
        float[] x = new TakeSynth(44100, 440).render(LINE, 4, TakeSynth.Voice.CELLO, List.of(), 2);
        WavWriter.write(wav, AudioClip.ofChannels(44100, x), org.controlroom.dsp.io.WavSampleFormat.PCM_16);
        Path flac = dir.resolve("t.flac");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/flac")), "needs the flac encoder");
        Process p = new ProcessBuilder("/usr/bin/flac", "-s", "-o", flac.toString(), wav.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        JsonNode a = new ObjectMapper().readTree(CliHarness.run("analyze", "take", wav.toString(), "--json").out());
        JsonNode b = new ObjectMapper().readTree(CliHarness.run("analyze", "take", flac.toString(), "--json").out());
        assertThat(b.get("onsets_s")).isEqualTo(a.get("onsets_s"));
        assertThat(b.get("cents_off").asDouble()).isCloseTo(a.get("cents_off").asDouble(), within(0.2));
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliHarness.Result r = CliHarness.run("analyze", "take", dir.resolve("none.wav").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        CliHarness.Result b = CliHarness.run("analyze", "take", "x.wav", "--bpm", "1000");
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).contains("--bpm must be 20 to 400");
    }

    @Test
    void benchPrintsItsFigure() {
        CliHarness.Result r = CliHarness.run("bench", "analyze-take", "--seconds", "10", "--runs", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\d+ x realtime on one core");
    }
}
