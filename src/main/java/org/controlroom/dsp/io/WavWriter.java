package org.controlroom.dsp.io;

import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.controlroom.dsp.AudioClip;

/**
 * Writes {@link AudioClip}s as WAV files: 32-bit float by default (lossless for the engine's
 * samples), or 16/24-bit PCM without dither.
 *
 * <p>Writing is atomic: the audio goes to a hidden temporary file in the same folder, which is then
 * moved over the target. If anything fails, the temporary file is removed and an existing file of
 * the same name is left exactly as it was. (For block-by-block writing see {@link WavBlockWriter}.)
 *
 * <p>Float files use the plain IEEE-float header with a {@code fact} chunk (as SoX writes them);
 * PCM uses the plain PCM header for mono and stereo and WAVE_FORMAT_EXTENSIBLE, with the standard
 * speaker order, for more channels.
 */
public final class WavWriter {

    private WavWriter() {
    }

    /** Writes the clip as 32-bit float WAV. */
    public static void write(Path file, AudioClip clip) throws AudioFileException {
        write(file, clip, WavSampleFormat.FLOAT_32);
    }

    /** Writes the clip in the given sample format. */
    public static void write(Path file, AudioClip clip, WavSampleFormat format) throws AudioFileException {
        write(file, clip, format, UnaryOperator.identity());
    }

    /** As above; {@code output} wraps the file's channel (tests use it to simulate a full disk). */
    static void write(Path file, AudioClip clip, WavSampleFormat format,
                      UnaryOperator<WritableByteChannel> output) throws AudioFileException {
        int rate = wholeRate(file, clip.sampleRate());
        try (WavBlockWriter out = WavBlockWriter.create(file, rate, clip.channels(), format, output)) {
            out.write(clip.samples(), 0, clip.frames());
            out.commit();
        }
    }

    private static int wholeRate(Path file, double sampleRate) throws AudioFileException {
        long r = Math.round(sampleRate);
        if (Math.abs(sampleRate - r) > 1e-6 || r < 1 || r > Integer.MAX_VALUE) {
            throw new AudioFileException(file, "cannot be written: a WAV file needs a whole-number sample rate, not "
                    + sampleRate + " Hz");
        }
        return (int) r;
    }
}
