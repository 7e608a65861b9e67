package org.controlroom.dsp.mix;

import java.nio.file.Path;
import java.util.function.LongConsumer;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavBlockWriter;
import org.controlroom.dsp.io.WavSampleFormat;

/**
 * Renders a {@link Mixer}'s session offline, block by block, as fast as the machine allows: to float
 * buffers or to a 32-bit float WAV file. Tracks are spread over {@code threads} threads; the result
 * is the same for any thread count. The limiter's lookahead delay is compensated, so a clip placed at
 * frame N is heard at frame N of the render.
 */
public final class OfflineRenderer {

    private final int threads;

    /** Uses every core. */
    public OfflineRenderer() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public OfflineRenderer(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    /** Receives rendered stereo frames (interleaved, from index 0). */
    @FunctionalInterface
    public interface Sink {
        void accept(float[] stereo, int frames) throws AudioFileException;
    }

    /** Renders {@code frames} frames of the session from its start into a stereo clip. */
    public AudioClip render(Mixer mixer, long frames) {
        if (frames > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too long to render into memory: " + frames + " frames; render to a file");
        }
        float[] all = new float[(int) frames * 2];
        int[] at = {0};
        try {
            render(mixer, frames, (block, n) -> {
                System.arraycopy(block, 0, all, at[0], 2 * n);
                at[0] += 2 * n;
            }, done -> { });
        } catch (AudioFileException e) {
            throw new IllegalStateException(e);
        }
        return new AudioClip((int) mixer.sampleRate(), 2, all);
    }

    /** Renders into a 32-bit float stereo WAV file (replaced only once complete). */
    public void renderToWav(Mixer mixer, long frames, Path file, LongConsumer progress) throws AudioFileException {
        try (WavBlockWriter writer = WavBlockWriter.create(file, (int) Math.round(mixer.sampleRate()), 2,
                WavSampleFormat.FLOAT_32)) {
            render(mixer, frames, (block, n) -> writer.write(block, 0, n), progress);
            writer.commit();
        }
    }

    /**
     * Renders {@code frames} frames into a sink, reporting progress (frames done) after each block.
     */
    public void render(Mixer mixer, long frames, Sink sink, LongConsumer progress) throws AudioFileException {
        int block = mixer.maxBlockFrames();
        float[] buffer = new float[2 * block];
        int latency = mixer.latencyFrames();
        RenderCrew crew = threads > 1 ? new RenderCrew(threads - 1) : null;
        try {
            mixer.reset();
            long blocks = (frames + latency + block - 1) / block;
            long[] delivered = {0};
            long[] toDrop = {latency};
            // Block k's tracks are mixed while the calling thread finishes block k-1's master:
            // both cores stay busy, and the output is the same as rendering one block at a time.
            mixer.mixTracks(0, block, 0, crew, null);
            for (long k = 0; k < blocks; k++) {
                int slot = (int) (k % 2);
                AudioFileException[] failed = new AudioFileException[1];
                Runnable finish = () -> {
                    mixer.finishMaster(block, slot, buffer);
                    try {
                        deliver(buffer, block, frames, delivered, toDrop, sink, progress);
                    } catch (AudioFileException e) {
                        failed[0] = e;
                    }
                };
                if (k + 1 < blocks) {
                    mixer.mixTracks((k + 1) * block, block, 1 - slot, crew, finish);
                } else {
                    finish.run();
                }
                if (failed[0] != null) {
                    throw failed[0];
                }
            }
        } finally {
            if (crew != null) {
                crew.close();
            }
        }
    }

    private static void deliver(float[] buffer, int n, long frames, long[] delivered, long[] toDrop, Sink sink,
                                LongConsumer progress) throws AudioFileException {
        int skip = (int) Math.min(toDrop[0], n);
        toDrop[0] -= skip;
        int usable = (int) Math.min(n - skip, frames - delivered[0]);
        if (usable > 0) {
            if (skip > 0) {
                System.arraycopy(buffer, 2 * skip, buffer, 0, 2 * usable);
            }
            sink.accept(buffer, usable);
            delivered[0] += usable;
            progress.accept(delivered[0]);
        }
    }

}
