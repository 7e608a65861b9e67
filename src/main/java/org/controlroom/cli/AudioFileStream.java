package org.controlroom.cli;

import java.nio.file.Path;

import org.controlroom.dsp.BlockProcessor;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavBlockReader;
import org.controlroom.dsp.io.WavInfo;

/** Streams a WAV file block by block through a processor (no whole-file array). */
final class AudioFileStream {

    private static final int BLOCK_FRAMES = 8192;

    private AudioFileStream() {
    }

    /** Prepares {@code processor} for the file's format, feeds it every frame and returns the format. */
    static WavInfo feed(Path file, BlockProcessor processor) throws AudioFileException {
        try (WavBlockReader reader = WavBlockReader.open(file)) {
            WavInfo info = reader.info();
            processor.prepare(info.sampleRate(), info.channels(), BLOCK_FRAMES);
            float[] block = new float[BLOCK_FRAMES * info.channels()];
            int n;
            while ((n = reader.read(block, 0, BLOCK_FRAMES)) > 0) {
                processor.process(block, 0, n * info.channels());
            }
            return info;
        }
    }

    /** A number for JSON: rounded to 0.01, null when it is not finite (silence reads -inf). */
    static Double jsonNumber(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }
}
