package org.controlroom.dsp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.BlockProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NaN and infinity are never sounds: reading one from a float WAV stops with the file and the first
 * bad sample's time, and no writer ever puts one in a file.
 */
class NonFiniteSamplesTest {

    @TempDir
    Path dir;

    private static float[] tone(int frames, int channels) {
        float[] s = new float[frames * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.25 * Math.sin(i * 0.01));
        }
        return s;
    }

    @Test
    void aNaNInAMonoFloatFileIsReportedWithItsTime() throws Exception {
        float[] s = tone(44100, 1);
        s[22050] = Float.NaN;
        Path f = RawFloatWav.write32(dir.resolve("nan.wav"), 44100, 1, s);

        assertThatThrownBy(() -> WavReader.read(f))
                .isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("0.500 s")
                .hasMessageContaining("NaN");
    }

    @Test
    void anInfinityInTheSecondChannelNamesTheChannel() throws Exception {
        float[] s = tone(96000, 2);
        s[2 * 48000 + 1] = Float.POSITIVE_INFINITY;
        Path f = RawFloatWav.write32(dir.resolve("inf.wav"), 48000, 2, s);

        assertThatThrownBy(() -> WavReader.read(f))
                .hasMessageContaining("1.000 s, channel 2")
                .hasMessageContaining("+infinity");
    }

    @Test
    void onlyTheFirstBadSampleIsNamedEvenWhenItIsFarIntoTheFile() throws Exception {
        float[] s = tone(200_000, 1);
        s[150_000] = Float.NEGATIVE_INFINITY;   // well past the first read block
        s[180_000] = Float.NaN;
        Path f = RawFloatWav.write32(dir.resolve("late.wav"), 48000, 1, s);

        assertThatThrownBy(() -> WavReader.read(f))
                .hasMessageContaining("3.125 s")
                .hasMessageContaining("-infinity")
                .hasMessageNotContaining("3.750 s");
    }

    @Test
    void doubleFloatFilesAreCheckedToo() throws Exception {
        double[] s = new double[8000];
        s[4000] = Double.NaN;
        Path f = RawFloatWav.write64(dir.resolve("nan64.wav"), 8000, 1, s);

        assertThatThrownBy(() -> WavReader.read(f)).hasMessageContaining("0.500 s").hasMessageContaining("NaN");
    }

    @Test
    void aDoubleTooLargeForFloatIsReportedAsInfinity() throws Exception {
        double[] s = new double[8000];
        s[2000] = 1e300;   // finite in the file, but no float holds it
        Path f = RawFloatWav.write64(dir.resolve("huge64.wav"), 8000, 1, s);

        assertThatThrownBy(() -> WavReader.read(f)).hasMessageContaining("0.250 s").hasMessageContaining("infinity");
    }

    @Test
    void blockReadingStopsAtTheBadSampleAndTheHeaderStillReads() throws Exception {
        float[] s = tone(1000, 1);
        s[999] = Float.NaN;
        Path f = RawFloatWav.write32(dir.resolve("end.wav"), 1000, 1, s);

        assertThat(WavReader.info(f).frames()).isEqualTo(1000);
        try (WavBlockReader in = WavBlockReader.open(f)) {
            assertThatThrownBy(() -> in.read(new float[1000], 0, 1000)).hasMessageContaining("0.999 s");
        }
    }

    @Test
    void extremeButFiniteSamplesStillRead() throws Exception {
        float[] s = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 1e30f, -0.0f};
        Path f = RawFloatWav.write32(dir.resolve("edge.wav"), 8000, 1, s);

        assertThat(WavReader.read(f).samples()).containsExactly(s);
    }

    @ParameterizedTest
    @EnumSource(WavSampleFormat.class)
    void noWriterFormatWritesANaNAndTheTargetNeverAppears(WavSampleFormat format) throws Exception {
        float[] s = tone(8000, 2);
        s[2 * 6000] = Float.NaN;
        Path f = dir.resolve("out-" + format + ".wav");

        assertThatThrownBy(() -> WavWriter.write(f, new AudioClip(8000, 2, s), format))
                .isInstanceOf(AudioFileException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("0.750 s, channel 1")
                .hasMessageContaining("NaN");
        assertThat(Files.exists(f)).isFalse();
        assertNoPartFiles();
    }

    @Test
    void anExistingFileIsLeftAsItWasWhenTheNewAudioHoldsInfinity() throws Exception {
        Path f = dir.resolve("keep.wav");
        WavWriter.write(f, new AudioClip(8000, 1, tone(800, 1)));
        byte[] before = Files.readAllBytes(f);
        float[] s = tone(800, 1);
        s[400] = Float.POSITIVE_INFINITY;

        assertThatThrownBy(() -> WavWriter.write(f, new AudioClip(8000, 1, s)))
                .hasMessageContaining("existing file was left unchanged");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertNoPartFiles();
    }

    @Test
    void aBlockWriterCountsTheTimeAcrossBlocks() throws Exception {
        Path f = dir.resolve("blocks.wav");
        try (WavBlockWriter w = WavBlockWriter.create(f, 1000, 1, WavSampleFormat.FLOAT_32)) {
            w.write(tone(1500, 1), 0, 1500);
            float[] second = tone(1000, 1);
            second[500] = Float.NaN;
            assertThatThrownBy(() -> w.write(second, 0, 1000)).hasMessageContaining("2.000 s");
        }
        assertThat(Files.exists(f)).isFalse();
        assertNoPartFiles();
    }

    @Test
    void aRenderWhoseProcessingOverflowsStopsAndWritesNothing() throws Exception {
        float[] s = tone(48000, 1);
        s[24000] = 3e38f;   // finite, but any gain above 1.1x overflows a float
        Path in = RawFloatWav.write32(dir.resolve("hot.wav"), 48000, 1, s);
        Path out = dir.resolve("rendered.wav");
        BlockProcessor gain = new BlockProcessor() {
            @Override
            public void prepare(double sampleRate, int channels, int maxBlockFrames) {
            }

            @Override
            public void process(float[] samples, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    samples[i] *= 4;
                }
            }
        };

        assertThatThrownBy(() -> WavFileRenderer.render(in, out, gain))
                .hasMessageStartingWith(out + ": ")
                .hasMessageContaining("0.500 s")
                .hasMessageContaining("+infinity");
        assertThat(Files.exists(out)).isFalse();
        assertNoPartFiles();
    }

    @Test
    void aRenderOfADamagedInputNamesTheInputAndWritesNothing() throws Exception {
        float[] s = tone(48000, 2);
        s[2 * 12000] = Float.NaN;
        Path in = RawFloatWav.write32(dir.resolve("damaged.wav"), 48000, 2, s);
        Path out = dir.resolve("rendered.wav");
        BlockProcessor nothing = new BlockProcessor() {
            @Override
            public void prepare(double sampleRate, int channels, int maxBlockFrames) {
            }

            @Override
            public void process(float[] samples, int offset, int length) {
            }
        };

        assertThatThrownBy(() -> WavFileRenderer.render(in, out, nothing))
                .hasMessageStartingWith(in + ": ")
                .hasMessageContaining("0.250 s, channel 1");
        assertThat(Files.exists(out)).isFalse();
        assertNoPartFiles();
    }

    private void assertNoPartFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
