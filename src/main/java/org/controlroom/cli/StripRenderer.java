package org.controlroom.cli;

import java.nio.file.Path;

import org.controlroom.dsp.BlockProcessor;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavFileRenderer;

/** Builds the channel strip that {@link RenderSettings} describe and renders a file through it. */
final class StripRenderer {

    private StripRenderer() {
    }

    static WavFileRenderer.Result render(Path input, Path output, RenderSettings settings) throws AudioFileException {
        return WavFileRenderer.render(input, output, strip(settings));
    }

    static BlockProcessor strip(RenderSettings settings) {
        if (!settings.isEmpty()) {
            // Waiting for the dsp branch's ChannelStrip (EQ, compressor, gain, pan).
            throw new UserInputException("render: processing is not available in this build yet");
        }
        return new BlockProcessor() {
            @Override
            public void prepare(double sampleRate, int channels, int maxBlockFrames) {
            }

            @Override
            public void process(float[] samples, int offset, int length) {
            }
        };
    }
}
