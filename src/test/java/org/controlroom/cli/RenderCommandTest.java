package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavInfo;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} end to end: real files in, measured files out. */
class RenderCommandTest {

    @TempDir
    Path dir;

    private static float[] sine(double hz, double amplitude, double rate, int frames) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** RMS level in dB of one channel over the second half (past any filter or envelope settling). */
    private static double levelDb(AudioClip clip, int channel) {
        float[] s = clip.channel(channel);
        double sum = 0;
        int from = s.length / 2;
        for (int i = from; i < s.length; i++) {
            sum += (double) s[i] * s[i];
        }
        return 10 * Math.log10(sum / (s.length - from));
    }

    private Path stereoSine(String name, double hz, double amplitude, int rate) throws Exception {
        float[] s = sine(hz, amplitude, rate, rate);
        Path p = dir.resolve(name);
        WavWriter.write(p, AudioClip.ofChannels(rate, s, s.clone()), WavSampleFormat.PCM_24);
        return p;
    }

    @Test
    void withoutProcessingTheOutputIsTheInputAsFloatAtTheSameRateAndChannels() throws Exception {
        Path in = dir.resolve("mono16.wav");
        WavWriter.write(in, new AudioClip(44100, 1, sine(440, 0.5, 44100, 22050)), WavSampleFormat.PCM_16);
        Path out = dir.resolve("out.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("Rendered " + out + ": 44100 Hz, mono, 0.5 s, 32-bit float, peak -6.0 dBFS");
        assertThat(WavReader.info(out)).isEqualTo(new WavInfo(44100, 1, 32, true, 22050));
        assertThat(WavReader.read(out).samples()).containsExactly(WavReader.read(in).samples());
    }

    @Test
    void peakBandBoostsOneKilohertzBySixDecibels() throws Exception {
        Path in = stereoSine("sine1k.wav", 1000, 0.25, 48000);
        Path out = dir.resolve("boosted.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString(), "--eq", "peak:1000:6:1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        AudioClip before = WavReader.read(in);
        AudioClip after = WavReader.read(out);
        assertThat(after.sampleRate()).isEqualTo(48000);
        assertThat(after.channels()).isEqualTo(2);
        assertThat(levelDb(after, 0) - levelDb(before, 0)).isEqualTo(6.0, within(0.05));
        assertThat(levelDb(after, 1) - levelDb(before, 1)).isEqualTo(6.0, within(0.05));
    }

    @Test
    void bandsAwayFromTheToneLeaveItAlmostUntouched() throws Exception {
        Path in = stereoSine("sine1k.wav", 1000, 0.25, 44100);
        Path out = dir.resolve("out.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString(),
                "--eq", "peak:8000:6:4", "--eq", "highpass:40:0:0.707", "--eq", "lowshelf:100:-6:1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(levelDb(WavReader.read(out), 0) - levelDb(WavReader.read(in), 0)).isEqualTo(0.0, within(0.3));
    }

    @Test
    void compressorTurnsALoudToneDown() throws Exception {
        Path in = stereoSine("loud.wav", 500, 0.9, 48000);   // about -4 dBFS RMS
        Path out = dir.resolve("squashed.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString(),
                "--comp", "threshold=-30,ratio=4,attack=1,release=50,knee=0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        double reduction = levelDb(WavReader.read(in), 0) - levelDb(WavReader.read(out), 0);
        assertThat(reduction).isGreaterThan(10);
    }

    @Test
    void gainAndPanAreApplied() throws Exception {
        Path in = stereoSine("tone.wav", 300, 0.25, 48000);
        Path louder = dir.resolve("louder.wav");
        Path right = dir.resolve("right.wav");

        CliHarness.Result g = CliHarness.run("render", in.toString(), louder.toString(), "--gain", "-6");
        CliHarness.Result p = CliHarness.run("render", in.toString(), right.toString(), "--pan", "1");

        assertThat(g.exitCode()).as(g.err()).isZero();
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(levelDb(WavReader.read(louder), 0) - levelDb(WavReader.read(in), 0)).isEqualTo(-6.0, within(0.05));
        AudioClip panned = WavReader.read(right);
        assertThat(levelDb(panned, 0)).isLessThan(-60);
        assertThat(levelDb(panned, 1)).isGreaterThan(levelDb(WavReader.read(in), 1) - 0.1);
    }

    @Test
    void peaksAboveFullScaleAreKeptAndWarnedAbout() throws Exception {
        Path in = stereoSine("hot.wav", 1000, 0.5, 48000);
        Path out = dir.resolve("over.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString(), "--gain", "12");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err().strip()).isEqualTo("warning: " + out + " peaks at +6.0 dBFS, above full scale; the float "
                + "file keeps it intact, but lower --gain before converting to 16 or 24 bit");
        float peak = 0;
        for (float v : WavReader.read(out).samples()) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isGreaterThan(1.9f);
    }

    @Test
    void aMonoFileIsProcessedAndStaysMono() throws Exception {
        Path in = dir.resolve("mono.wav");
        WavWriter.write(in, new AudioClip(44100, 1, sine(100, 0.25, 44100, 44100)), WavSampleFormat.PCM_24);
        Path out = dir.resolve("mono-out.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString(),
                "--eq", "lowshelf:200:-6:1", "--gain", "-1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        AudioClip after = WavReader.read(out);
        assertThat(after.channels()).isEqualTo(1);
        double expected = org.controlroom.dsp.BiquadCoefficients.lowShelf(44100, 200, -6, 1).magnitudeDb(100, 44100) - 1;
        assertThat(levelDb(after, 0) - levelDb(WavReader.read(in), 0)).isEqualTo(expected, within(0.05));
    }

    @Test
    void panAtTheCentreTakesThreeDecibelsFromEachSide() throws Exception {
        Path in = stereoSine("tone.wav", 300, 0.25, 48000);
        Path out = dir.resolve("centre.wav");

        CliHarness.Result r = CliHarness.run("render", in.toString(), out.toString(), "--pan", "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        AudioClip before = WavReader.read(in);
        AudioClip after = WavReader.read(out);
        assertThat(levelDb(after, 0) - levelDb(before, 0)).isEqualTo(-3.01, within(0.01));
        assertThat(levelDb(after, 1) - levelDb(before, 1)).isEqualTo(-3.01, within(0.01));
    }
}
