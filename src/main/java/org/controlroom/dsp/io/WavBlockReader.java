package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads a WAV file block by block, for files too long to hold in memory or for streaming work
 * such as rendering: {@link #open(Path)} checks the header (with the same messages as
 * {@link WavReader}), then {@link #read(float[], int, int)} fills interleaved float frames.
 * A float sample that is NaN or infinite stops the read with an error naming its time.
 */
public final class WavBlockReader implements AutoCloseable {

    /** Bytes converted per file read. */
    private static final int BLOCK_BYTES = 1 << 18;

    private final Path file;
    private final FileChannel channel;
    private final WavReader.Layout layout;
    private final WavInfo info;
    private final int frameBytes;
    private final ByteBuffer buffer;
    private long framesRead;

    private WavBlockReader(Path file, FileChannel channel, WavReader.Layout layout) {
        this.file = file;
        this.channel = channel;
        this.layout = layout;
        this.info = layout.info();
        this.frameBytes = layout.codec().bytes * layout.channels();
        int blockFrames = Math.max(1, BLOCK_BYTES / frameBytes);
        this.buffer = ByteBuffer.allocateDirect(blockFrames * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Opens the file and reads its header. */
    public static WavBlockReader open(Path file) throws AudioFileException {
        FileChannel ch = WavReader.openChannel(file);
        try {
            return new WavBlockReader(file, ch, WavReader.parse(file, ch));
        } catch (AudioFileException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new AudioFileException(file, "could not be read (" + WavReader.describe(e) + ")", e);
        }
    }

    /** Rate, channels, sample format and length, from the header. */
    public WavInfo info() {
        return info;
    }

    /** Frames read so far. */
    public long position() {
        return framesRead;
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dst} starting at frame {@code dstFrame}
     * (sample index {@code dstFrame * channels}).
     *
     * @return frames read; 0 at the end of the audio
     */
    public int read(float[] dst, int dstFrame, int maxFrames) throws AudioFileException {
        int channels = layout.channels();
        int blockFrames = buffer.capacity() / frameBytes;
        int done = 0;
        while (done < maxFrames && framesRead < info.frames()) {
            int n = (int) Math.min(Math.min(blockFrames, maxFrames - done), info.frames() - framesRead);
            buffer.clear().limit(n * frameBytes);
            long pos = layout.dataOffset() + framesRead * frameBytes;
            try {
                while (buffer.hasRemaining()) {
                    int r = channel.read(buffer, pos + buffer.position());
                    if (r < 0) {
                        throw new AudioFileException(file, "the file ends in the middle of its audio data "
                                + "(truncated while reading)");
                    }
                }
            } catch (AudioFileException e) {
                throw e;
            } catch (IOException e) {
                throw new AudioFileException(file, "could not be read (" + WavReader.describe(e) + ")", e);
            }
            int at = (dstFrame + done) * channels;
            layout.codec().decode(buffer, n * channels, dst, at);
            if (layout.codec().floatingPoint) {
                refuseNonFinite(dst, at, n * channels);
            }
            framesRead += n;
            done += n;
        }
        return done;
    }

    /** A float file holding NaN or infinity is damaged: say where, never pass it on as a sound. */
    private void refuseNonFinite(float[] dst, int from, int count) throws AudioFileException {
        int bad = NonFiniteSamples.first(dst, from, from + count);
        if (bad >= 0) {
            int channels = layout.channels();
            long frame = framesRead + (bad - from) / channels;
            throw new AudioFileException(file, "is damaged: the sample at "
                    + NonFiniteSamples.where(frame, (bad - from) % channels, channels, info.sampleRate())
                    + " is " + NonFiniteSamples.name(dst[bad]) + ", not a sound level; "
                    + "export the audio again from the program that made it");
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
