package org.controlroom.dsp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding of every supported format against the WAV each fixture was made from
 * (src/test/resources/org/controlroom/dsp/io/formats/make-fixtures.sh records how).
 */
class AudioFilesTest {

    /** One MPEG-1 Layer III frame; also the longest Vorbis block at these settings is shorter. */
    private static final int CODEC_FRAME = 1152;
    /** LAME's encoder delay plus the decoder's: the priming an MP3 decoder without gapless info keeps. */
    private static final int LAME_PRIMING = 576 + 529;

    static Path fixture(String name) {
        try {
            return Path.of(AudioFilesTest.class.getResource("formats/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void flacDecodesBitExactToTheWavItWasMadeFrom() throws IOException {
        for (String name : List.of("music", "mono24")) {
            AudioClip wav = WavReader.read(fixture(name + ".wav"));
            AudioClip flac = AudioFiles.read(fixture(name + ".flac"));
            assertThat(flac.sampleRate()).isEqualTo(wav.sampleRate());
            assertThat(flac.channels()).isEqualTo(wav.channels());
            assertThat(flac.samples()).as(name).containsExactly(wav.samples());
            AudioInfo info = AudioFiles.info(fixture(name + ".flac"));
            assertThat(info.frames()).isEqualTo(wav.frames());
            assertThat(info.format()).isEqualTo(AudioFormatKind.FLAC);
        }
        assertThat(AudioFiles.info(fixture("mono24.flac")).bitsPerSample()).isEqualTo(24);
    }

    @Test
    void aiffDecodesToTheSameSamplesAsTheWav() throws IOException {
        AudioClip wav = WavReader.read(fixture("music.wav"));
        AudioClip aiff = AudioFiles.read(fixture("music.aiff"));
        assertThat(aiff.sampleRate()).isEqualTo(44100);
        assertThat(aiff.channels()).isEqualTo(2);
        assertThat(aiff.samples()).containsExactly(wav.samples());
        assertThat(AudioFiles.info(fixture("music.aiff")).frames()).isEqualTo(wav.frames());
    }

    @Test
    void mp3DecodesGaplessToTheOriginalLengthRateChannelsAndTiming() throws IOException {
        AudioClip wav = WavReader.read(fixture("music.wav"));
        AudioClip mp3 = AudioFiles.read(fixture("music.mp3"));
        assertThat(mp3.sampleRate()).isEqualTo(44100);
        assertThat(mp3.channels()).isEqualTo(2);
        // LAME's Info tag gives the priming and padding: the decoded audio is exactly the original's length
        assertThat(mp3.frames()).isEqualTo(wav.frames());
        assertThat(AudioFiles.info(fixture("music.mp3")).frames()).isEqualTo(mp3.frames());
        // ...and lines up with it: the cross-correlation peaks at lag 0
        assertThat(bestLag(wav.channel(0), mp3.channel(0), 2000)).isZero();
    }

    @Test
    void mp3WithoutGaplessInfoKeepsItsPrimingWithinOneFrame(@TempDir Path dir) throws IOException {
        // the same MP3 with its Info frame removed (the first frame: 1 kB at V0 for this file is found by length)
        byte[] b = Files.readAllBytes(fixture("music.mp3"));
        int frameBytes = firstFrameLength(b);
        Path bare = dir.resolve("bare.mp3");
        Files.write(bare, java.util.Arrays.copyOfRange(b, frameBytes, b.length));
        AudioClip wav = WavReader.read(fixture("music.wav"));
        AudioClip mp3 = AudioFiles.read(bare);
        assertThat((double) mp3.frames()).isCloseTo(wav.frames() + LAME_PRIMING, within((double) CODEC_FRAME));
    }

    /** Length in bytes of the MPEG-1 Layer III frame at the start of {@code b}. */
    private static int firstFrameLength(byte[] b) {
        int[] kbps = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
        int bitrate = kbps[(b[2] & 0xf0) >> 4] * 1000;
        int rate = new int[] {44100, 48000, 32000}[(b[2] & 0x0c) >> 2];
        int pad = (b[2] & 0x02) >> 1;
        return 144 * bitrate / rate + pad;
    }

    private static int bestLag(float[] a, float[] b, int maxLag) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double dot = 0;
            for (int i = maxLag; i < a.length - maxLag; i += 3) {
                dot += a[i] * (double) b[i + lag];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = lag;
            }
        }
        return best;
    }

    @Test
    void oggVorbisDecodesWithTheRightRateChannelsAndLength() throws IOException {
        AudioClip wav = WavReader.read(fixture("music.wav"));
        AudioClip ogg = AudioFiles.read(fixture("music.ogg"));
        assertThat(ogg.sampleRate()).isEqualTo(44100);
        assertThat(ogg.channels()).isEqualTo(2);
        // cut to the last page's granule position: exactly the original's length
        assertThat(ogg.frames()).isEqualTo(wav.frames());
        assertThat(bestLag(wav.channel(0), ogg.channel(0), 2000)).isZero();
        // info() reads the length from the last page without decoding, and agrees with the decoder
        AudioInfo info = AudioFiles.info(fixture("music.ogg"));
        assertThat(info.frames()).isEqualTo(ogg.frames());
        assertThat(info.sampleRate()).isEqualTo(44100);
        assertThat(info.channels()).isEqualTo(2);
    }

    @Test
    void loudnessOfEveryFormatAgreesWithTheWavWithinAFifthOfALu() throws IOException {
        double reference = LoudnessAnalyzer.measure(WavReader.read(fixture("music.wav"))).integratedLufs();
        assertThat(reference).isBetween(-30.0, -5.0);
        for (String name : List.of("music.flac", "music.aiff", "music.mp3", "music.ogg")) {
            double lufs = LoudnessAnalyzer.measure(AudioFiles.read(fixture(name))).integratedLufs();
            assertThat(lufs).as(name).isCloseTo(reference, within(0.2));
        }
    }

    @Test
    void vorbisThirdOctaveSpectrumStaysWithinHalfADbOfItsSourceBelow16kHz() throws IOException {
        List<SpectrumBand> wav = ThirdOctaveSpectrum.of(WavReader.read(fixture("music.wav")));
        List<SpectrumBand> ogg = ThirdOctaveSpectrum.of(AudioFiles.read(fixture("music.ogg")));
        int compared = 0;
        for (int i = 0; i < wav.size(); i++) {
            SpectrumBand w = wav.get(i);
            if (w.centreHz() >= 31.5 && w.centreHz() <= 16000 && Double.isFinite(w.db())) {
                assertThat(ogg.get(i).db()).as("%s Hz", w.centreHz()).isCloseTo(w.db(), within(0.5));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(25);
    }

    @Test
    void aVorbisStemsThirdOctaveSpectrumStaysWithinHalfADbOfItsSourceBelow16kHz() throws IOException {
        // a piano stem of the song library, encoded as the library ships it (Ogg Vorbis q6)
        AudioClip wavClip = WavReader.read(fixture("piano-stem.wav"));
        AudioClip oggClip = AudioFiles.read(fixture("piano-stem.ogg"));
        assertThat(oggClip.frames()).isEqualTo(wavClip.frames());
        List<SpectrumBand> wav = ThirdOctaveSpectrum.of(wavClip);
        List<SpectrumBand> ogg = ThirdOctaveSpectrum.of(oggClip);
        int compared = 0;
        for (int i = 0; i < wav.size(); i++) {
            SpectrumBand w = wav.get(i);
            // bands with piano in them: from its lowest notes up to 16 kHz, within 60 dB of the loudest band
            if (w.centreHz() >= 80 && w.centreHz() <= 16000 && w.db() > maxDb(wav) - 60) {
                assertThat(ogg.get(i).db()).as("%s Hz", w.centreHz()).isCloseTo(w.db(), within(0.5));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(15);
    }

    private static double maxDb(List<SpectrumBand> bands) {
        return bands.stream().mapToDouble(SpectrumBand::db).filter(Double::isFinite).max().orElseThrow();
    }

    @Test
    void readingAtAnotherRateResamplesOnceKeepingLengthAndLevel() throws IOException {
        // a 1 kHz sine at 44.1 kHz resampled to 48 kHz must be the same sine sampled at 48 kHz
        int frames = 44100;
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 44100.0));
        }
        AudioClip out = Resampling.toRate(new AudioClip(44100, 1, s), 48000);
        assertThat(out.sampleRate()).isEqualTo(48000);
        assertThat(out.frames()).isEqualTo(48000);
        double err = 0;
        int n = 0;
        for (int i = 2000; i < 46000; i++) {
            double truth = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 48000.0);
            err += (out.samples()[i] - truth) * (out.samples()[i] - truth);
            n++;
        }
        assertThat(20 * Math.log10(Math.sqrt(err / n) / (0.5 / Math.sqrt(2)))).isLessThan(-70);
        AudioClip flac48 = AudioFiles.read(fixture("music.flac"), 48000);
        assertThat(flac48.sampleRate()).isEqualTo(48000);
        assertThat(flac48.frames()).isEqualTo(3 * 48000);
        assertThat(flac48.channels()).isEqualTo(2);
    }

    @Test
    void theFormatIsRecognisedFromTheBytesNotTheName(@TempDir Path dir) throws IOException {
        Path renamed = dir.resolve("actually-flac.wav");
        Files.copy(fixture("music.flac"), renamed);
        assertThat(AudioFiles.info(renamed).format()).isEqualTo(AudioFormatKind.FLAC);
        assertThat(AudioFiles.read(renamed).frames()).isEqualTo(3 * 44100);
    }

    @Test
    void damagedAndUnsupportedFilesGetOneLineNamingTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "these are my lyrics, not audio\n");
        Path empty = Files.write(dir.resolve("empty.flac"), new byte[0]);
        for (Path bad : List.of(fixture("truncated.flac"), fixture("garbage.ogg"), fixture("garbage.mp3"), text, empty,
                dir.resolve("missing.ogg"))) {
            assertThatThrownBy(() -> AudioFiles.read(bad)).as(bad.toString())
                    .isInstanceOf(AudioFileException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).startsWith(bad.toString() + ": ").doesNotContain("\n");
                        assertThat(((AudioFileException) e).file()).isEqualTo(bad);
                    });
        }
        assertThatThrownBy(() -> AudioFiles.read(fixture("truncated.flac"))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> AudioFiles.read(text)).hasMessageContaining("not a readable audio file");
        assertThatThrownBy(() -> AudioFiles.read(empty)).hasMessageContaining("empty");
    }
}
