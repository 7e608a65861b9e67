package org.controlroom.dsp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void floatRoundTripIsBitExact() throws Exception {
        Random rnd = new Random(42);
        float[] s = new float[2 * 300_001];   // more than one conversion block, odd frame count
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (rnd.nextGaussian() * 0.5);
        }
        // NaN and infinity are refused (NonFiniteSamplesTest); every finite extreme survives bit for bit
        float[] specials = {1.0f, -1.0f, 3.75f, -0.0f, Float.MIN_VALUE, -Float.MIN_NORMAL, 1e30f,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.intBitsToFloat(0x00000123)};
        System.arraycopy(specials, 0, s, 1000, specials.length);
        AudioClip clip = new AudioClip(48000, 2, s);
        Path f = dir.resolve("mix.wav");

        WavWriter.write(f, clip);
        AudioClip back = WavReader.read(f);

        assertThat(back.sampleRate()).isEqualTo(48000);
        assertThat(back.channels()).isEqualTo(2);
        assertThat(back.samples()).hasSameSizeAs(s);
        for (int i = 0; i < s.length; i++) {
            if (Float.floatToRawIntBits(back.samples()[i]) != Float.floatToRawIntBits(s[i])) {
                throw new AssertionError("sample " + i + " differs: " + s[i] + " -> " + back.samples()[i]);
            }
        }
        assertThat(WavReader.info(f)).isEqualTo(new WavInfo(48000, 2, 32, true, 300_001));
    }

    @ParameterizedTest
    @CsvSource({"44100,1", "48000,2", "88200,2", "96000,1", "22050,6", "8000,2"})
    void keepsRateAndChannelsForEveryFormat(int rate, int channels) throws Exception {
        AudioClip clip = AudioClip.silence(rate, channels, 100);
        clip.samples()[channels] = 0.5f;
        for (WavSampleFormat format : WavSampleFormat.values()) {
            Path f = dir.resolve(format + "-" + rate + "-" + channels + ".wav");
            WavWriter.write(f, clip, format);

            AudioClip back = WavReader.read(f);

            assertThat(back.sampleRate()).isEqualTo(rate);
            assertThat(back.channels()).isEqualTo(channels);
            assertThat(back.samples()).containsExactly(clip.samples());
        }
    }

    @Test
    void pcmIsRoundedToTheNearestStepAndClippedAtFullScaleWithoutDither() throws Exception {
        float step16 = 1f / 32768f;
        float[] s = {-1f, -2f, 1f, 2f, 0.5f, 0.4f * step16, 0.6f * step16, -0.6f * step16, 0f};
        AudioClip clip = new AudioClip(44100, 1, s);
        Path p16 = dir.resolve("out16.wav");
        Path p24 = dir.resolve("out24.wav");

        WavWriter.write(p16, clip, WavSampleFormat.PCM_16);
        WavWriter.write(p24, clip, WavSampleFormat.PCM_24);

        assertThat(WavReader.read(p16).samples()).containsExactly(
                -1f, -1f, 32767 * step16, 32767 * step16, 0.5f, 0f, step16, -step16, 0f);
        float[] back24 = WavReader.read(p24).samples();
        assertThat(back24[0]).isEqualTo(-1f);
        assertThat(back24[2]).isEqualTo(8388607f / 8388608f);
        assertThat(back24[6]).isEqualTo(0.6f * step16, org.assertj.core.data.Offset.offset(0.5f / 8388608f));
        assertThat(WavReader.info(p24).bitsPerSample()).isEqualTo(24);
    }

    @Test
    void filesAreReadableByJavaSoundAsWell() throws Exception {
        // An independent reader checks the headers we write.
        AudioClip clip = new AudioClip(48000, 2, new float[] {0.5f, -0.5f, 0.25f, -1f});
        for (WavSampleFormat format : WavSampleFormat.values()) {
            Path f = dir.resolve("js-" + format + ".wav");
            WavWriter.write(f, clip, format);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
                AudioFormat af = in.getFormat();
                assertThat(af.getSampleRate()).isEqualTo(48000f);
                assertThat(af.getChannels()).isEqualTo(2);
                assertThat(af.getSampleSizeInBits()).isEqualTo(format.bits());
                assertThat(af.getEncoding()).isEqualTo(format.floatingPoint()
                        ? AudioFormat.Encoding.PCM_FLOAT : AudioFormat.Encoding.PCM_SIGNED);
                assertThat(in.getFrameLength()).isEqualTo(2);
            }
        }
    }

    @Test
    void overwritesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("bounce.wav");
        Files.writeString(f, "old contents");

        WavWriter.write(f, new AudioClip(44100, 1, new float[] {0.125f}));

        assertThat(WavReader.read(f).samples()).containsExactly(0.125f);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aFailedWriteLeavesTheExistingFileUntouchedAndNoHalfFile() throws Exception {
        Path f = dir.resolve("master.wav");
        WavWriter.write(f, new AudioClip(44100, 1, new float[] {0.5f, 0.25f}));
        byte[] before = Files.readAllBytes(f);
        AudioClip big = AudioClip.silence(44100, 2, 441_000);

        assertThatThrownBy(() -> WavWriter.write(f, big, WavSampleFormat.FLOAT_32, diskFullAfter(200_000)))
                .isInstanceOf(AudioFileException.class)
                .hasMessage(f + ": could not be written (No space left on device); "
                        + "the existing file was left unchanged");

        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void unwritableTargetsAreNamed() throws Exception {
        AudioClip clip = new AudioClip(44100, 1, new float[] {0f});
        Path folder = Files.createDirectory(dir.resolve("takes"));
        Path noFolder = dir.resolve("no-such-folder").resolve("out.wav");

        assertThatThrownBy(() -> WavWriter.write(folder, clip)).isInstanceOf(AudioFileException.class)
                .hasMessage(folder + ": is a folder; give a file name for the output");
        assertThatThrownBy(() -> WavWriter.write(noFolder, clip)).isInstanceOf(AudioFileException.class)
                .hasMessage(noFolder + ": cannot be written: the folder " + noFolder.getParent() + " does not exist");
        assertThatThrownBy(() -> WavWriter.write(dir.resolve("odd.wav"), new AudioClip(44100.5, 1, new float[1])))
                .hasMessageContaining("needs a whole-number sample rate, not 44100.5 Hz");
    }

    private static java.util.function.UnaryOperator<WritableByteChannel> diskFullAfter(long bytes) {
        return inner -> new WritableByteChannel() {
            long written;

            @Override
            public int write(ByteBuffer src) throws IOException {
                if (written + src.remaining() > bytes) {
                    throw new IOException("No space left on device");
                }
                int n = inner.write(src);
                written += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return inner.isOpen();
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }
}
