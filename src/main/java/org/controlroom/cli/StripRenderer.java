package org.controlroom.cli;

import java.nio.file.Path;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavBlockReader;
import org.controlroom.dsp.io.WavBlockWriter;
import org.controlroom.dsp.io.WavInfo;
import org.controlroom.dsp.io.WavSampleFormat;

/**
 * Streams a WAV file through the channel strip that {@link RenderSettings} describe and writes the
 * result as 32-bit float at the input's rate and channels, block by block (a five-minute file is
 * never held in memory whole).
 */
final class StripRenderer {

    /** Frames processed per block. */
    static final int BLOCK_FRAMES = 8192;

    private StripRenderer() {
    }

    static RenderResult render(Path input, Path output, WavInfo info, RenderSettings settings)
            throws AudioFileException {
        if (!settings.isEmpty()) {
            // Waiting for the dsp branch's ChannelStrip (EQ, compressor, gain, pan).
            throw new UserInputException("render: processing is not available in this build yet");
        }
        int channels = info.channels();
        float[] block = new float[BLOCK_FRAMES * channels];
        float peak = 0;
        try (WavBlockReader in = WavBlockReader.open(input);
             WavBlockWriter out = WavBlockWriter.create(output, info.sampleRate(), channels, WavSampleFormat.FLOAT_32)) {
            int n;
            while ((n = in.read(block, 0, BLOCK_FRAMES)) > 0) {
                int samples = n * channels;
                for (int i = 0; i < samples; i++) {
                    peak = Math.max(peak, Math.abs(block[i]));
                }
                out.write(block, 0, n);
            }
            out.commit();
            return new RenderResult(out.framesWritten(), out.framesWritten() / (double) info.sampleRate(),
                    20 * Math.log10(peak));
        }
    }
}
