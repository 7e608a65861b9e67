package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.source.PinkNoise;
import org.controlroom.dsp.source.SineSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AnalyzeCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, AudioClip clip, WavSampleFormat format) throws Exception {
        Path file = dir.resolve(name);
        WavWriter.write(file, clip, format);
        return file;
    }

    private static JsonNode json(CliHarness.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void loudnessJsonOfAStereoSineAtMinus23DbfsReadsMinus23Lufs() throws Exception {
        Path file = write("tone.wav", new SineSource(1000, -23).render(20, 48_000, 2), WavSampleFormat.PCM_24);
        JsonNode n = json(CliHarness.run("analyze", "loudness", file.toString(), "--json"));
        assertThat(n.get("integrated_lufs").asDouble()).isCloseTo(-23.0, within(0.1));
        assertThat(n.get("lra_lu").asDouble()).isCloseTo(0.0, within(0.1));
        assertThat(n.get("true_peak_dbtp").asDouble()).isCloseTo(-23.0, within(0.2));
        assertThat(n.get("sample_peak_dbfs").asDouble()).isCloseTo(-23.0, within(0.05));
        assertThat(n.get("momentary_max_lufs").asDouble()).isCloseTo(-23.0, within(0.1));
        assertThat(n.get("short_term_max_lufs").asDouble()).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void loudnessJsonReportsRangeAndInterSamplePeaks() throws Exception {
        // 20 s at -20 dBFS then 20 s at -30 (EBU Tech 3342 case 1: LRA 10 LU)
        AudioClip loud = new SineSource(1000, -20).render(20, 48_000, 2);
        AudioClip quiet = new SineSource(1000, -30).render(20, 48_000, 2);
        float[] both = new float[loud.samples().length + quiet.samples().length];
        System.arraycopy(loud.samples(), 0, both, 0, loud.samples().length);
        System.arraycopy(quiet.samples(), 0, both, loud.samples().length, quiet.samples().length);
        Path file = write("steps.wav", new AudioClip(48_000, 2, both), WavSampleFormat.FLOAT_32);
        JsonNode n = json(CliHarness.run("analyze", "loudness", "--json", file.toString()));
        assertThat(n.get("lra_lu").asDouble()).isCloseTo(10.0, within(1.0));

        // fs/4 at 45 degrees: the samples sit 3 dB below the crests
        Path isp = write("isp.wav", new SineSource(12_000, -6, 45).render(2, 48_000, 2), WavSampleFormat.FLOAT_32);
        JsonNode p = json(CliHarness.run("analyze", "loudness", isp.toString(), "--json"));
        assertThat(p.get("sample_peak_dbfs").asDouble()).isCloseTo(-9.0, within(0.1));
        assertThat(p.get("true_peak_dbtp").asDouble()).isCloseTo(-6.0, within(0.5));
    }

    @Test
    void silenceReadsMinusInfinityAsNullInJsonAndInTheTable() throws Exception {
        Path file = write("silence.wav", AudioClip.silence(44_100, 2, 44_100 * 5), WavSampleFormat.PCM_16);
        JsonNode n = json(CliHarness.run("analyze", "loudness", file.toString(), "--json"));
        assertThat(n.get("integrated_lufs").isNull()).isTrue();
        assertThat(n.get("true_peak_dbtp").isNull()).isTrue();
        assertThat(n.get("lra_lu").asDouble()).isZero();

        CliHarness.Result text = CliHarness.run("analyze", "loudness", file.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).containsPattern("Integrated loudness\\s+-inf LUFS");
    }

    @Test
    void loudnessTableIsReadable() throws Exception {
        Path file = write("tone.wav", new SineSource(1000, -23).render(5, 48_000, 2), WavSampleFormat.PCM_16);
        CliHarness.Result r = CliHarness.run("analyze", "loudness", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("48000 Hz, stereo, 16-bit PCM", "5.0 s")
                .containsPattern("Integrated loudness\\s+-23\\.0 LUFS")
                .containsPattern("True peak\\s+-23\\.0 dBTP")
                .contains("Loudness range", "Sample peak", "Momentary max", "Short-term max");
    }

    @Test
    void spectrumJsonOfA1kHzSinePeaksInThe1kHzBand() throws Exception {
        Path file = write("tone.wav", new SineSource(1000, 0).render(3, 48_000, 1), WavSampleFormat.FLOAT_32);
        JsonNode bands = json(CliHarness.run("analyze", "spectrum", file.toString(), "--json")).get("bands");
        assertThat(bands.size()).isEqualTo(31);
        JsonNode loudest = null;
        for (JsonNode b : bands) {
            if (loudest == null || b.get("db").asDouble(-999) > loudest.get("db").asDouble(-999)) {
                loudest = b;
            }
        }
        assertThat(loudest.get("hz").asDouble()).isEqualTo(1000.0);
        assertThat(loudest.get("db").asDouble()).isCloseTo(0.0, within(0.1));
        assertThat(bands.get(0).get("hz").asDouble()).isEqualTo(20.0);
    }

    @Test
    void spectrumTableListsBands() throws Exception {
        Path file = write("pink.wav", new PinkNoise(3, -20).render(5, 44_100, 2), WavSampleFormat.PCM_24);
        CliHarness.Result r = CliHarness.run("analyze", "spectrum", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Hz", "dB", "31.5", "16000").doesNotContain("20000");
    }

    @Test
    void unreadableFilesAreOneLineErrorsWithExitCode2() throws Exception {
        Path missing = dir.resolve("nope.wav");
        for (String what : new String[] {"loudness", "spectrum"}) {
            CliHarness.Result r = CliHarness.run("analyze", what, missing.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().strip()).contains("nope.wav").doesNotContain("\n").doesNotContain("Exception");
        }
        Path junk = dir.resolve("junk.wav");
        Files.writeString(junk, "this is not a wave file");
        CliHarness.Result r = CliHarness.run("analyze", "loudness", junk.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("junk.wav").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }
}
