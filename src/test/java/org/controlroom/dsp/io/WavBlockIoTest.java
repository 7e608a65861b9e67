package org.controlroom.dsp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavBlockIoTest {

    @TempDir
    Path dir;

    @Test
    void readingInSmallBlocksGivesTheSameSamplesAsReadingWhole() throws Exception {
        // 24-bit stereo, longer than one internal read, odd frame count: every decode path and boundary.
        int frames = 100_003;
        int[] raw = new int[2 * frames];
        Random rnd = new Random(7);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = rnd.nextInt(1 << 24) - (1 << 23);
        }
        raw[5] = -(1 << 23);
        raw[raw.length - 1] = (1 << 23) - 1;
        Path f = WavBytes.wave().fmt(1, 2, 48000, 24).chunk("data", WavBytes.int24s(raw)).writeTo(dir.resolve("a.wav"));

        float[] blocks = new float[raw.length];
        try (WavBlockReader in = WavBlockReader.open(f)) {
            assertThat(in.info().frames()).isEqualTo(frames);
            int done = 0;
            int n;
            while ((n = in.read(blocks, done, 777)) > 0) {
                done += n;
            }
            assertThat(done).isEqualTo(frames);
            assertThat(in.position()).isEqualTo(frames);
        }

        float[] whole = WavReader.read(f).samples();
        for (int i = 0; i < raw.length; i++) {
            float expected = raw[i] / 8388608f;
            if (whole[i] != expected || blocks[i] != expected) {
                throw new AssertionError("sample " + i + ": expected " + expected + ", whole " + whole[i]
                        + ", blocks " + blocks[i]);
            }
        }
    }

    @Test
    void blockWriterFillsInTheSizesOnCommit() throws Exception {
        Path f = dir.resolve("blocks.wav");
        float[] block = new float[2 * 1000];
        block[0] = 0.25f;
        try (WavBlockWriter out = WavBlockWriter.create(f, 44100, 2, WavSampleFormat.PCM_24)) {
            for (int i = 0; i < 5; i++) {
                out.write(block, 0, 1000);
            }
            out.write(block, 0, 1);
            assertThat(Files.exists(f)).isFalse();
            out.commit();
        }

        assertThat(WavReader.info(f)).isEqualTo(new WavInfo(44100, 2, 24, false, 5001));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
            assertThat(in.getFrameLength()).isEqualTo(5001);
        }
        assertThat(WavReader.read(f).samples()[2000]).isEqualTo(0.25f);
    }

    @Test
    void oddDataSizeGetsItsPadByte() throws Exception {
        Path f = dir.resolve("odd.wav");
        WavWriter.write(f, new AudioClip(8000, 1, new float[] {0.5f, -0.5f, 0.25f}), WavSampleFormat.PCM_24);

        // 9 bytes of audio plus 1 pad byte; the RIFF size counts the pad.
        assertThat(Files.size(f)).isEqualTo(44 + 9 + 1);
        assertThat(WavReader.read(f).samples()).containsExactly(0.5f, -0.5f, 0.25f);
    }

    @Test
    void closingWithoutCommitLeavesNothingBehind() throws Exception {
        Path f = dir.resolve("abandoned.wav");
        try (WavBlockWriter out = WavBlockWriter.create(f, 48000, 1, WavSampleFormat.FLOAT_32)) {
            out.write(new float[100], 0, 100);
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        WavBlockWriter done = WavBlockWriter.create(f, 48000, 1, WavSampleFormat.FLOAT_32);
        done.commit();
        assertThatThrownBy(() -> done.write(new float[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(WavReader.info(f).frames()).isZero();
    }
}
