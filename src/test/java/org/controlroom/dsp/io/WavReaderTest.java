package org.controlroom.dsp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.controlroom.dsp.io.WavBytes.doubles;
import static org.controlroom.dsp.io.WavBytes.floats;
import static org.controlroom.dsp.io.WavBytes.int24s;
import static org.controlroom.dsp.io.WavBytes.ints;
import static org.controlroom.dsp.io.WavBytes.shorts;
import static org.controlroom.dsp.io.WavBytes.wave;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavReaderTest {

    @TempDir
    Path dir;

    @Test
    void reads16BitPcmAtTheRightValuesIncludingNegativeFullScale() throws Exception {
        Path f = wave().fmt(1, 1, 44100, 16)
                .chunk("data", shorts(0x8000, 0x7FFF, 0, 0x4000, 0xC000, 1, 0xFFFF))
                .writeTo(dir.resolve("pcm16.wav"));

        AudioClip clip = WavReader.read(f);

        assertThat(clip.sampleRate()).isEqualTo(44100);
        assertThat(clip.channels()).isEqualTo(1);
        assertThat(clip.samples()).containsExactly(
                -1.0f, 32767f / 32768f, 0f, 0.5f, -0.5f, 1f / 32768f, -1f / 32768f);
    }

    @Test
    void reads24BitPcmAtTheRightValuesIncludingNegativeFullScale() throws Exception {
        Path f = wave().fmt(1, 2, 48000, 24)
                .chunk("data", int24s(0x800000, 0x7FFFFF, 0x400000, 0xC00000, 0xFFFFFF, 0x000001))
                .writeTo(dir.resolve("pcm24.wav"));

        AudioClip clip = WavReader.read(f);

        assertThat(clip.channels()).isEqualTo(2);
        assertThat(clip.frames()).isEqualTo(3);
        assertThat(clip.samples()).containsExactly(
                -1.0f, 8388607f / 8388608f, 0.5f, -0.5f, -1f / 8388608f, 1f / 8388608f);
        assertThat(clip.channel(0)).containsExactly(-1.0f, 0.5f, -1f / 8388608f);
    }

    @Test
    void reads8BitUnsignedAnd32BitPcm() throws Exception {
        Path u8 = wave().fmt(1, 1, 8000, 8).chunk("data", new byte[] {0, (byte) 128, (byte) 255})
                .writeTo(dir.resolve("u8.wav"));
        Path p32 = wave().fmt(1, 1, 8000, 32).chunk("data", ints(0x80000000, 0x40000000, 0))
                .writeTo(dir.resolve("p32.wav"));

        assertThat(WavReader.read(u8).samples()).containsExactly(-1f, 0f, 127f / 128f);
        assertThat(WavReader.read(p32).samples()).containsExactly(-1f, 0.5f, 0f);
    }

    @Test
    void reads32And64BitFloat() throws Exception {
        Path f32 = wave().fmt(3, 1, 96000, 32).chunk("data", floats(0.25f, -1.5f, 1e-30f))
                .writeTo(dir.resolve("f32.wav"));
        Path f64 = wave().fmt(3, 1, 88200, 64).chunk("data", doubles(0.25, -1.5, 1e-3))
                .writeTo(dir.resolve("f64.wav"));

        assertThat(WavReader.read(f32).samples()).containsExactly(0.25f, -1.5f, 1e-30f);
        AudioClip clip = WavReader.read(f64);
        assertThat(clip.sampleRate()).isEqualTo(88200);
        assertThat(clip.samples()).containsExactly(0.25f, -1.5f, 1e-3f);
    }

    @Test
    void readsExtensibleFormatWithPcmAndFloatInside() throws Exception {
        Path pcm = wave().fmtExtensible(1, 2, 48000, 24, 24)
                .chunk("data", int24s(0x800000, 0x400000, 0x200000, 0))
                .writeTo(dir.resolve("ext24.wav"));
        Path flt = wave().fmtExtensible(3, 2, 44100, 32, 32)
                .chunk("data", floats(0.1f, -0.2f))
                .writeTo(dir.resolve("extfloat.wav"));
        // 20 valid bits in a 24-bit container are left-justified: scaled by the container.
        Path p20 = wave().fmtExtensible(1, 1, 48000, 24, 20).chunk("data", int24s(0x400000))
                .writeTo(dir.resolve("ext20.wav"));

        assertThat(WavReader.read(pcm).samples()).containsExactly(-1f, 0.5f, 0.25f, 0f);
        assertThat(WavReader.read(flt).samples()).containsExactly(0.1f, -0.2f);
        assertThat(WavReader.read(p20).samples()).containsExactly(0.5f);
        assertThat(WavReader.info(pcm).describe()).isEqualTo("48000 Hz, stereo, 24-bit PCM");
    }

    @Test
    void skipsUnknownAndOddSizedChunksWithTheirPadByte() throws Exception {
        Path f = wave()
                .chunk("junk", new byte[] {1, 2, 3})           // odd: a pad byte follows
                .fmt(1, 1, 22050, 16)
                .chunk("bext", new byte[] {9, 9, 9, 9, 9})
                .chunk("data", shorts(0x4000, 0xC000))
                .chunk("LIST", "INFOISFT\u0003\u0000\u0000\u0000ab\u0000".getBytes())
                .writeTo(dir.resolve("chunks.wav"));

        AudioClip clip = WavReader.read(f);

        assertThat(clip.sampleRate()).isEqualTo(22050);
        assertThat(clip.samples()).containsExactly(0.5f, -0.5f);
    }

    @Test
    void oddSizedDataChunkOf8BitMonoIsReadWhole() throws Exception {
        Path f = wave().fmt(1, 1, 8000, 8).chunk("data", new byte[] {(byte) 192, 64, (byte) 128})
                .chunk("LIST", new byte[4])
                .writeTo(dir.resolve("odd.wav"));

        assertThat(WavReader.read(f).samples()).containsExactly(0.5f, -0.5f, 0f);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 0xFFFF_FFFFL})
    void dataSizeLeftUnsetByAStreamingWriterUsesTheAudioThatIsThere(long declared) throws Exception {
        Path f = wave().riffSize(declared).fmt(1, 2, 48000, 16)
                .chunk("data", declared, shorts(0x4000, 0xC000, 0x2000, 0xE000, 7))   // last frame partial
                .writeTo(dir.resolve("stream.wav"));

        AudioClip clip = WavReader.read(f);

        assertThat(clip.frames()).isEqualTo(2);
        assertThat(clip.samples()).containsExactly(0.5f, -0.5f, 0.25f, -0.25f);
    }

    @Test
    void emptyDataChunkFollowedByARealChunkIsAnEmptyClip() throws Exception {
        Path f = wave().fmt(1, 2, 48000, 16).chunk("data", new byte[0]).chunk("LIST", new byte[8])
                .writeTo(dir.resolve("silent.wav"));

        AudioClip clip = WavReader.read(f);

        assertThat(clip.frames()).isZero();
        assertThat(WavReader.info(f).frames()).isZero();
    }

    @Test
    void headerOnlyInfoGivesRateChannelsFormatAndLength() throws Exception {
        Path f = wave().fmt(1, 2, 44100, 16).chunk("data", new byte[44100 * 4])
                .writeTo(dir.resolve("one-second.wav"));

        WavInfo info = WavReader.info(f);

        assertThat(info).isEqualTo(new WavInfo(44100, 2, 16, false, 44100));
        assertThat(info.seconds()).isEqualTo(1.0);
    }

    @Test
    void truncatedAudioDataSaysHowMuchWasExpectedAndFound() {
        Path f = wave().fmt(1, 2, 48000, 16).chunk("data", 96000, new byte[1200])
                .writeTo(dir.resolve("kick.wav"));

        assertThatThrownBy(() -> WavReader.read(f))
                .isInstanceOf(AudioFileException.class)
                .hasMessage(f + ": the file ends in the middle of its audio data (truncated): "
                        + "expected 96000 bytes, found 1200");
    }

    @Test
    void truncatedHeaderIsReportedAsSuch() throws Exception {
        byte[] whole = wave().fmt(1, 2, 48000, 16).chunk("data", new byte[400]).bytes();
        Path cutInFmt = Files.write(dir.resolve("cut-fmt.wav"), Arrays.copyOf(whole, 30));
        Path cutBeforeData = Files.write(dir.resolve("cut-before-data.wav"), Arrays.copyOf(whole, 40));
        Path cutInRiff = Files.write(dir.resolve("cut-riff.wav"), Arrays.copyOf(whole, 7));

        assertThatThrownBy(() -> WavReader.read(cutInFmt)).isInstanceOf(AudioFileException.class)
                .hasMessage(cutInFmt + ": the file ends inside its format (fmt) chunk (truncated header)");
        assertThatThrownBy(() -> WavReader.read(cutBeforeData)).isInstanceOf(AudioFileException.class)
                .hasMessage(cutBeforeData + ": the file ends before its audio data begins (truncated header): "
                        + "only 40 bytes");
        assertThatThrownBy(() -> WavReader.read(cutInRiff)).isInstanceOf(AudioFileException.class)
                .hasMessage(cutInRiff + ": the file ends inside its header (truncated): only 7 bytes");
    }

    @Test
    void fileWithoutRiffWaveHeaderIsNotAWavFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are my session notes, not audio");
        Path avi = wave().riffId("RIFF").chunk("data", new byte[4]).writeTo(dir.resolve("fine.wav"));
        byte[] aviBytes = Files.readAllBytes(avi);
        System.arraycopy("AVI ".getBytes(), 0, aviBytes, 8, 4);
        Path realAvi = Files.write(dir.resolve("clip.wav"), aviBytes);
        Path mp3 = Files.write(dir.resolve("song.wav"), new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThatThrownBy(() -> WavReader.read(text)).isInstanceOf(AudioFileException.class)
                .hasMessage(text + ": not a WAV file (no RIFF/WAVE header)");
        assertThatThrownBy(() -> WavReader.read(realAvi)).isInstanceOf(AudioFileException.class)
                .hasMessage(realAvi + ": not a WAV file (no RIFF/WAVE header)");
        assertThatThrownBy(() -> WavReader.read(mp3)).isInstanceOf(AudioFileException.class)
                .hasMessage(mp3 + ": not a WAV file (no RIFF/WAVE header); it looks like an MP3, "
                        + "convert it to WAV first");
    }

    @Test
    void zeroLengthFileIsEmpty() throws Exception {
        Path f = Files.write(dir.resolve("empty.wav"), new byte[0]);

        assertThatThrownBy(() -> WavReader.read(f)).isInstanceOf(AudioFileException.class)
                .hasMessage(f + ": is empty (0 bytes)");
    }

    @Test
    void unsupportedEncodingIsNamedWithAWayOut() {
        Path mp3 = wave().fmt(0x0055, 2, 44100, 0).chunk("data", new byte[16]).writeTo(dir.resolve("mp3.wav"));
        Path adpcm = wave().fmt(0x0002, 1, 44100, 4).chunk("data", new byte[16]).writeTo(dir.resolve("adpcm.wav"));
        Path float16 = wave().fmt(3, 1, 44100, 16).chunk("data", new byte[16]).writeTo(dir.resolve("f16.wav"));

        assertThatThrownBy(() -> WavReader.read(mp3)).isInstanceOf(AudioFileException.class)
                .hasMessage(mp3 + ": uses an unsupported encoding: MP3 inside WAV (format 0x0055); "
                        + "convert it to PCM or float WAV");
        assertThatThrownBy(() -> WavReader.read(adpcm)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("Microsoft ADPCM inside WAV (format 0x0002)");
        assertThatThrownBy(() -> WavReader.read(float16)).isInstanceOf(AudioFileException.class)
                .hasMessage(float16 + ": uses 16-bit float samples, which are not supported "
                        + "(only 32- and 64-bit float)");
    }

    @Test
    void damagedHeaderValuesAreReported() {
        Path noChannels = wave().fmt(1, 0, 44100, 16).chunk("data", new byte[4]).writeTo(dir.resolve("c0.wav"));
        Path noRate = wave().fmt(1, 1, 0, 16).chunk("data", new byte[4]).writeTo(dir.resolve("r0.wav"));
        Path noFmt = wave().chunk("data", new byte[4]).writeTo(dir.resolve("nofmt.wav"));
        Path noData = wave().fmt(1, 1, 44100, 16).chunk("LIST", new byte[4]).writeTo(dir.resolve("nodata.wav"));

        assertThatThrownBy(() -> WavReader.read(noChannels))
                .hasMessage(noChannels + ": has a damaged header: it says the audio has 0 channels");
        assertThatThrownBy(() -> WavReader.read(noRate))
                .hasMessage(noRate + ": has a damaged header: it says the sample rate is 0 Hz");
        assertThatThrownBy(() -> WavReader.read(noFmt))
                .hasMessage(noFmt + ": has no format (fmt) chunk before its audio, so the audio cannot be decoded");
        assertThatThrownBy(() -> WavReader.read(noData))
                .hasMessage(noData + ": contains no audio (no data chunk)");
    }

    @Test
    void aFolderIsNotAWavFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("drums.wav"));

        assertThatThrownBy(() -> WavReader.read(folder)).isInstanceOf(AudioFileException.class)
                .hasMessage(folder + ": is a folder, not a WAV file");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("snare.wav");

        assertThatThrownBy(() -> WavReader.read(missing)).isInstanceOf(AudioFileException.class)
                .hasMessage(missing + ": file not found; check the name and folder")
                .satisfies(e -> assertThat(((AudioFileException) e).file()).isEqualTo(missing));
    }
}
