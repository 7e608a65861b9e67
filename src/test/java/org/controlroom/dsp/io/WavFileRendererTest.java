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

class WavFileRendererTest {

    @TempDir
    Path dir;

    /** Halves the level and remembers how it was prepared. */
    private static final class Half implements BlockProcessor {
        double rate;
        int channels;
        int maxFrames;
        long samplesSeen;

        @Override
        public void prepare(double sampleRate, int channels, int maxBlockFrames) {
            this.rate = sampleRate;
            this.channels = channels;
            this.maxFrames = maxBlockFrames;
        }

        @Override
        public void process(float[] samples, int offset, int length) {
            assertThat(length % channels).isZero();
            assertThat(length).isLessThanOrEqualTo(maxFrames * channels);
            for (int i = offset; i < offset + length; i++) {
                samples[i] *= 0.5f;
            }
            samplesSeen += length;
        }
    }

    @Test
    void streamsEverySampleThroughTheProcessorInOrder() throws Exception {
        int frames = 5 * WavFileRenderer.BLOCK_FRAMES + 123;
        float[] s = new float[2 * frames];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i * 0.001) * 0.8f;
        }
        Path in = dir.resolve("in.wav");
        Path out = dir.resolve("out.wav");
        WavWriter.write(in, new AudioClip(44100, 2, s), WavSampleFormat.PCM_24);
        AudioClip source = WavReader.read(in);
        Half half = new Half();

        WavFileRenderer.Result r = WavFileRenderer.render(in, out, half);

        assertThat(half.rate).isEqualTo(44100);
        assertThat(half.channels).isEqualTo(2);
        assertThat(half.samplesSeen).isEqualTo(s.length);
        assertThat(r.frames()).isEqualTo(frames);
        AudioClip result = WavReader.read(out);
        assertThat(WavReader.info(out)).isEqualTo(new WavInfo(44100, 2, 32, true, frames));
        for (int i = 0; i < s.length; i++) {
            if (result.samples()[i] != source.samples()[i] * 0.5f) {
                throw new AssertionError("sample " + i);
            }
        }
        float peak = 0;
        for (float v : result.samples()) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(r.peak()).isEqualTo(peak);
        assertThat(r.peakDbfs()).isEqualTo(20 * Math.log10(peak));
    }

    @Test
    void aFailingProcessorLeavesTheExistingOutputAlone() throws Exception {
        Path in = dir.resolve("in.wav");
        Path out = dir.resolve("out.wav");
        WavWriter.write(in, AudioClip.silence(48000, 1, 100_000));
        Files.writeString(out, "previous render");
        BlockProcessor broken = new BlockProcessor() {
            int calls;

            @Override
            public void prepare(double sampleRate, int channels, int maxBlockFrames) {
            }

            @Override
            public void process(float[] samples, int offset, int length) {
                if (++calls == 3) {
                    throw new IllegalStateException("filter blew up");
                }
            }
        };

        assertThatThrownBy(() -> WavFileRenderer.render(in, out, broken)).hasMessage("filter blew up");

        assertThat(Files.readString(out)).isEqualTo("previous render");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(in, out);
        }
    }

    @Test
    void aBadInputIsReportedBeforeAnythingIsWritten() throws Exception {
        Path in = Files.writeString(dir.resolve("in.wav"), "not audio at all");
        Path out = dir.resolve("out.wav");

        assertThatThrownBy(() -> WavFileRenderer.render(in, out, new Half()))
                .isInstanceOf(AudioFileException.class)
                .hasMessage(in + ": not a WAV file (no RIFF/WAVE header)");
        assertThat(Files.exists(out)).isFalse();
    }
}
