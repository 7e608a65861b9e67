package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code analyze} and {@code render} take AIFF, FLAC, MP3 and Ogg Vorbis as well as WAV. */
class EverydayAudioCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(EverydayAudioCommandsTest.class.getResource("/org/controlroom/dsp/io/formats/" + name).toURI());
    }

    private static JsonNode json(CliHarness.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void analyzeLoudnessReadsEveryFormatWithinAFifthOfALuOfTheWav() throws Exception {
        double wav = json(CliHarness.run("analyze", "loudness", fixture("music.wav").toString(), "--json"))
                .get("integrated_lufs").asDouble();
        for (String name : List.of("music.flac", "music.aiff", "music.mp3", "music.ogg")) {
            double lufs = json(CliHarness.run("analyze", "loudness", fixture(name).toString(), "--json"))
                    .get("integrated_lufs").asDouble();
            assertThat(lufs).as(name).isCloseTo(wav, within(0.2));
        }
        CliHarness.Result table = CliHarness.run("analyze", "loudness", fixture("music.flac").toString());
        assertThat(table.out()).contains("FLAC, 44100 Hz, stereo, 16-bit", "3.0 s");
    }

    @Test
    void analyzeSpectrumOfAFlacEqualsThatOfItsWav() throws Exception {
        JsonNode wav = json(CliHarness.run("analyze", "spectrum", fixture("music.wav").toString(), "--json"));
        JsonNode flac = json(CliHarness.run("analyze", "spectrum", fixture("music.flac").toString(), "--json"));
        assertThat(flac.get("bands")).isEqualTo(wav.get("bands"));
    }

    @Test
    void renderTakesAnOggAndWritesFloatWavAtItsRate(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.wav");
        CliHarness.Result r = CliHarness.run("render", fixture("music.ogg").toString(), out.toString(), "--gain", "-6");
        assertThat(r.exitCode()).as(r.err()).isZero();
        AudioClip rendered = WavReader.read(out);
        AudioClip source = WavReader.read(fixture("music.wav"));
        assertThat(rendered.sampleRate()).isEqualTo(44100);
        assertThat(rendered.channels()).isEqualTo(2);
        assertThat((double) rendered.frames()).isCloseTo(source.frames(), within(1152.0));
        double peakIn = 0;
        double peakOut = 0;
        for (float v : source.samples()) {
            peakIn = Math.max(peakIn, Math.abs(v));
        }
        for (float v : rendered.samples()) {
            peakOut = Math.max(peakOut, Math.abs(v));
        }
        assertThat(20 * Math.log10(peakOut / peakIn)).isCloseTo(-6.0, within(0.3));
    }

    @Test
    void aDamagedFlacIsOneLineNamingTheFile() throws Exception {
        CliHarness.Result r = CliHarness.run("analyze", "loudness", fixture("truncated.flac").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("control-room: " + fixture("truncated.flac") + ": ").contains("truncated")
                .doesNotContain("\n");
    }
}
