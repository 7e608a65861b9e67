package org.controlroom.cli;

import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.BlockProcessor;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.dsp.io.AudioInfo;
import org.controlroom.dsp.io.WavBlockReader;
import org.controlroom.dsp.io.WavInfo;

/**
 * Feeds an audio file block by block through a processor: a WAV file streams (no whole-file array);
 * AIFF, FLAC, MP3 and Ogg Vorbis are decoded first (see {@link AudioFiles}).
 */
final class AudioFileStream {

    private static final int BLOCK_FRAMES = 8192;

    private AudioFileStream() {
    }

    /** Prepares {@code processor} for the file's format, feeds it every frame and returns the format. */
    static AudioInfo feed(Path file, BlockProcessor processor) throws AudioFileException {
        if (AudioFormatKind.of(file) != AudioFormatKind.WAV) {
            AudioClip clip = AudioFiles.read(file);
            AudioInfo header = AudioFiles.info(file);
            int ch = clip.channels();
            processor.prepare(clip.sampleRate(), ch, BLOCK_FRAMES);
            float[] s = clip.samples();
            for (int i = 0; i < s.length; i += BLOCK_FRAMES * ch) {
                processor.process(s, i, Math.min(BLOCK_FRAMES * ch, s.length - i));
            }
            return new AudioInfo(header.format(), header.sampleRate(), ch, header.bitsPerSample(),
                    header.floatingPoint(), clip.frames());
        }
        try (WavBlockReader reader = WavBlockReader.open(file)) {
            WavInfo info = reader.info();
            processor.prepare(info.sampleRate(), info.channels(), BLOCK_FRAMES);
            float[] block = new float[BLOCK_FRAMES * info.channels()];
            int n;
            while ((n = reader.read(block, 0, BLOCK_FRAMES)) > 0) {
                processor.process(block, 0, n * info.channels());
            }
            return new AudioInfo(AudioFormatKind.WAV, info.sampleRate(), info.channels(), info.bitsPerSample(),
                    info.floatingPoint(), info.frames());
        }
    }

    /** A number for JSON: rounded to 0.01, null when it is not finite (silence reads -inf). */
    static Double jsonNumber(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }
}
