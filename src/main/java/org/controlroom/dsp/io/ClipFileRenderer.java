package org.controlroom.dsp.io;

import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.BlockProcessor;

/**
 * Renders any readable audio file (AIFF, FLAC, MP3, Ogg Vorbis, WAV) through a {@link BlockProcessor}
 * into a 32-bit float WAV at the input's rate and channels. Compressed formats are decoded whole
 * first; WAV input streams through {@link WavFileRenderer} instead.
 */
public final class ClipFileRenderer {

    private ClipFileRenderer() {
    }

    public static WavFileRenderer.Result render(Path input, Path output, BlockProcessor processor)
            throws AudioFileException {
        if (AudioFormatKind.of(input) == AudioFormatKind.WAV) {
            return WavFileRenderer.render(input, output, processor);
        }
        AudioClip clip = AudioFiles.read(input);
        int channels = clip.channels();
        int rate = (int) Math.round(clip.sampleRate());
        int block = WavFileRenderer.BLOCK_FRAMES;
        processor.prepare(rate, channels, block);
        float[] s = clip.samples();
        float peak = 0;
        try (WavBlockWriter out = WavBlockWriter.create(output, rate, channels, WavSampleFormat.FLOAT_32)) {
            for (int f = 0; f < clip.frames(); f += block) {
                int n = Math.min(block, clip.frames() - f);
                processor.process(s, f * channels, n * channels);
                for (int i = f * channels; i < (f + n) * channels; i++) {
                    peak = Math.max(peak, Math.abs(s[i]));
                }
                out.write(s, f, n);
            }
            out.commit();
            return new WavFileRenderer.Result(new WavInfo(rate, channels, 32, true, clip.frames()),
                    out.framesWritten(), peak);
        }
    }
}
