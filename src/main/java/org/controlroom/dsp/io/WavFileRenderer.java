package org.controlroom.dsp.io;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.controlroom.dsp.BlockProcessor;

/**
 * Renders a WAV file through a {@link BlockProcessor} into a new WAV file (32-bit float, same rate
 * and channels), streaming block by block. Reading and decoding, processing, and encoding and
 * writing run on three threads, so on a multi-core machine the file work hides behind the DSP.
 * The output appears only when complete (see {@link WavBlockWriter}); on any failure an existing
 * output file is left as it was. An output that is the input itself (under any spelling or
 * through a link) is refused before anything is read.
 */
public final class WavFileRenderer {

    /** Frames per block handed to the processor. */
    public static final int BLOCK_FRAMES = 8192;
    private static final int BLOCKS_IN_FLIGHT = 4;

    /** What a render produced. */
    public record Result(WavInfo input, long frames, float peak) {
        /** Sample peak of the output in dBFS (negative infinity for silence). */
        public double peakDbfs() {
            return 20 * Math.log10(peak);
        }

        public double seconds() {
            return frames / (double) input.sampleRate();
        }
    }

    private WavFileRenderer() {
    }

    /**
     * Reads {@code input}, runs it through {@code processor} (prepared here with the input's rate,
     * channels and {@link #BLOCK_FRAMES}) and writes {@code output} as 32-bit float WAV.
     */
    public static Result render(Path input, Path output, BlockProcessor processor) throws AudioFileException {
        SameFile.refuseOverwritingInput(input, output);
        try (WavBlockReader in = WavBlockReader.open(input)) {
            WavInfo info = in.info();
            int channels = info.channels();
            processor.prepare(info.sampleRate(), channels, BLOCK_FRAMES);
            try (WavBlockWriter out = WavBlockWriter.create(output, info.sampleRate(), channels,
                    WavSampleFormat.FLOAT_32)) {
                Pipeline p = new Pipeline(in, out, channels);
                float peak = p.run(processor);
                out.commit();
                return new Result(info, out.framesWritten(), peak);
            }
        }
    }

    /** Three stages joined by queues of reusable blocks. */
    private static final class Pipeline {
        private final WavBlockReader in;
        private final WavBlockWriter out;
        private final BlockingQueue<float[]> free = new ArrayBlockingQueue<>(BLOCKS_IN_FLIGHT);
        private final BlockingQueue<Block> read = new ArrayBlockingQueue<>(BLOCKS_IN_FLIGHT + 1);
        private final BlockingQueue<Block> processed = new ArrayBlockingQueue<>(BLOCKS_IN_FLIGHT + 1);
        private volatile AudioFileException failure;
        private volatile Throwable crash;
        private volatile boolean aborted;

        private record Block(float[] samples, int frames) {
        }

        Pipeline(WavBlockReader in, WavBlockWriter out, int channels) {
            this.in = in;
            this.out = out;
            for (int i = 0; i < BLOCKS_IN_FLIGHT; i++) {
                free.add(new float[BLOCK_FRAMES * channels]);
            }
        }

        float run(BlockProcessor processor) throws AudioFileException {
            Thread reader = new Thread(this::readAll, "render-read");
            Thread writer = new Thread(this::writeAll, "render-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
            float peak = 0;
            boolean completed = false;
            try {
                while (true) {
                    Block b = take(read);
                    if (b == null || b.frames == 0) {
                        put(processed, b == null ? new Block(null, 0) : b);
                        break;
                    }
                    int n = b.frames * in.info().channels();
                    processor.process(b.samples, 0, n);
                    float[] s = b.samples;
                    for (int i = 0; i < n; i++) {
                        peak = Math.max(peak, Math.abs(s[i]));
                    }
                    put(processed, b);
                }
                completed = true;
            } finally {
                if (!completed) {
                    aborted = true;
                }
                join(reader);
                join(writer);
            }
            if (failure != null) {
                throw failure;
            }
            if (crash instanceof RuntimeException r) {
                throw r;
            }
            if (crash instanceof Error e) {
                throw e;
            }
            return peak;
        }

        private void readAll() {
            try {
                while (!aborted) {
                    float[] buf = take(free);
                    if (buf == null) {
                        return;
                    }
                    int n = in.read(buf, 0, BLOCK_FRAMES);
                    put(read, new Block(buf, n));
                    if (n == 0) {
                        return;
                    }
                }
            } catch (AudioFileException e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                crash = e;
                aborted = true;
            }
        }

        private void writeAll() {
            try {
                while (!aborted) {
                    Block b = take(processed);
                    if (b == null || b.frames == 0) {
                        return;
                    }
                    out.write(b.samples, 0, b.frames);
                    put(free, b.samples);
                }
            } catch (AudioFileException e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                crash = e;
                aborted = true;
            }
        }

        private void fail(AudioFileException e) {
            if (failure == null) {
                failure = e;
            }
            aborted = true;
        }

        /** Waits for an item; null once the pipeline has been aborted. */
        private <T> T take(BlockingQueue<T> q) {
            try {
                while (!aborted) {
                    T t = q.poll(50, TimeUnit.MILLISECONDS);
                    if (t != null) {
                        return t;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                aborted = true;
            }
            return null;
        }

        private <T> void put(BlockingQueue<T> q, T item) {
            // Queues hold more than the blocks in circulation, so this never waits.
            if (!q.offer(item)) {
                throw new IllegalStateException("render pipeline queue overflow");
            }
        }

        private void join(Thread t) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                aborted = true;
            }
        }
    }
}
