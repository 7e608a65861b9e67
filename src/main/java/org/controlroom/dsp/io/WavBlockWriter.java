package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Writes a WAV file block by block, atomically: the audio goes to a hidden temporary file in the
 * target's folder; {@link #commit()} fills in the header's sizes and moves it over the target.
 * Closing without committing (or any failure) removes the temporary file and leaves an existing
 * target exactly as it was; so does stopping the program (Ctrl-C, SIGTERM) before the commit,
 * through a shutdown hook that lives as long as the temporary file. A sample that is NaN or infinite is never written: {@link #write}
 * stops with an error naming its time and nothing appears under the target's name.
 *
 * <pre>{@code
 * try (WavBlockWriter out = WavBlockWriter.create(path, 48000, 2, WavSampleFormat.FLOAT_32)) {
 *     out.write(block, 0, frames);   // as often as needed
 *     out.commit();
 * }
 * }</pre>
 */
public final class WavBlockWriter implements AutoCloseable {

    private static final int BLOCK_BYTES = 1 << 18;
    private static final long MAX_RIFF_BYTES = 0xFFFF_FFFFL;

    private final Path file;
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final WritableByteChannel out;
    private final int sampleRate;
    private final int channels;
    private final WavSampleFormat format;
    private final SampleCodec codec;
    private final int headerBytes;
    private final ByteBuffer buffer;
    private long frames;
    private boolean finished;
    /** Removes the temporary file if the program is stopped (Ctrl-C, SIGTERM) before commit or close. */
    private final Thread cleanupOnExit;

    private WavBlockWriter(Path file, Path target, Path temp, FileChannel channel, WritableByteChannel out,
                           int sampleRate, int channels, WavSampleFormat format, Thread cleanupOnExit) {
        this.file = file;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.out = out;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.format = format;
        this.codec = SampleCodec.forWriting(format);
        this.headerBytes = header(sampleRate, channels, 0, format).remaining();
        int perBlock = Math.max(1, BLOCK_BYTES / codec.bytes);
        this.buffer = ByteBuffer.allocateDirect(perBlock * codec.bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.cleanupOnExit = cleanupOnExit;
    }

    /** A shutdown hook that removes {@code temp}; registered before the file exists, so no signal finds it unguarded. */
    private static Thread watchForExit(Path temp) {
        Thread hook = new Thread(() -> {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the program is ending; nothing more can be done
            }
        }, "wav-part-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: close() still removes the file if it runs
        }
        return hook;
    }

    /** Starts a new file; nothing appears under {@code file} until {@link #commit()}. */
    public static WavBlockWriter create(Path file, int sampleRate, int channels, WavSampleFormat format)
            throws AudioFileException {
        return create(file, sampleRate, channels, format, UnaryOperator.identity());
    }

    /** As above; {@code output} wraps the file's channel (tests use it to simulate a full disk). */
    static WavBlockWriter create(Path file, int sampleRate, int channels, WavSampleFormat format,
                                 UnaryOperator<WritableByteChannel> output) throws AudioFileException {
        if (sampleRate < 1) {
            throw new AudioFileException(file, "cannot be written: the sample rate must be positive, not "
                    + sampleRate + " Hz");
        }
        if (channels < 1 || channels > 65535) {
            throw new AudioFileException(file, "cannot be written: " + channels + " channels");
        }
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw new AudioFileException(file, "is a folder; give a file name for the output");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new AudioFileException(file, "cannot be written: the folder " + folder + " does not exist");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new AudioFileException(file, "is read-only, so it was not overwritten");
        }
        // Created like any new file (so the umask applies, unlike createTempFile's owner-only mode).
        Path temp = folder.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
        Thread hook = watchForExit(temp);
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            unwatch(hook);
            throw openFailed(file, folder, e);
        }
        WavBlockWriter w = new WavBlockWriter(file, target, temp, ch, output.apply(ch), sampleRate, channels, format,
                hook);
        try {
            // Placeholder header; commit() writes the real sizes.
            writeFully(w.out, header(sampleRate, channels, 0, format));
        } catch (IOException e) {
            w.close();
            throw w.failed(e);
        }
        return w;
    }

    private static AudioFileException openFailed(Path file, Path folder, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new AudioFileException(file, "cannot be written: permission denied in folder " + folder, e);
        }
        if (e instanceof NoSuchFileException) {
            return new AudioFileException(file, "cannot be written: the folder " + folder + " does not exist", e);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new AudioFileException(file, "cannot be written: another write to it is in progress", e);
        }
        return new AudioFileException(file, "cannot be written (" + e.getMessage() + ")", e);
    }

    /** Appends {@code frames} interleaved frames of {@code samples}, starting at frame {@code fromFrame}. */
    public void write(float[] samples, int fromFrame, int frames) throws AudioFileException {
        if (finished) {
            throw new IllegalStateException("already committed or closed");
        }
        long bytesAfter = headerBytes - 8 + (this.frames + frames) * (long) channels * codec.bytes;
        if (bytesAfter + 1 > MAX_RIFF_BYTES) {
            close();
            throw new AudioFileException(file, String.format("is too long for a WAV file (%.0f minutes would "
                    + "need more than 4 GiB); render a shorter section",
                    (this.frames + frames) / (double) sampleRate / 60));
        }
        int perBlock = buffer.capacity() / codec.bytes;
        int offset = fromFrame * channels;
        int end = offset + frames * channels;
        int bad = NonFiniteSamples.first(samples, offset, end);
        if (bad >= 0) {
            close();
            String existing = Files.exists(target) ? "; the existing file was left unchanged" : "";
            throw new AudioFileException(file, "was not written: the audio at "
                    + NonFiniteSamples.where(this.frames + (bad - offset) / channels, (bad - offset) % channels,
                    channels, sampleRate)
                    + " is " + NonFiniteSamples.name(samples[bad]) + ", not a sound level (a level overflowed "
                    + "or a calculation failed before writing; lower the gain or check the input)" + existing);
        }
        try {
            while (offset < end) {
                int n = Math.min(perBlock, end - offset);
                codec.encode(samples, offset, n, buffer);
                buffer.position(0).limit(n * codec.bytes);
                writeFully(out, buffer);
                buffer.clear();
                offset += n;
            }
        } catch (IOException e) {
            close();
            throw failed(e);
        }
        this.frames += frames;
    }

    /** Frames written so far. */
    public long framesWritten() {
        return frames;
    }

    /** Completes the header and moves the file into place, replacing any file of that name. */
    public void commit() throws AudioFileException {
        if (finished) {
            throw new IllegalStateException("already committed or closed");
        }
        long dataBytes = frames * channels * codec.bytes;
        try {
            if ((dataBytes & 1) != 0) {
                writeFully(out, ByteBuffer.allocate(1));
            }
            ByteBuffer header = header(sampleRate, channels, frames, format);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
            unwatchForExit();
        } catch (IOException e) {
            close();
            throw failed(e);
        }
    }

    private void unwatchForExit() {
        unwatch(cleanupOnExit);
    }

    private static void unwatch(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs and finds nothing to remove
        }
    }

    /** Abandons an uncommitted file (removing the temporary file); does nothing after commit. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // being discarded anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The temporary file is hidden and named after the target; nothing more to do.
        }
        unwatchForExit();
    }

    private AudioFileException failed(IOException e) {
        String existing = Files.exists(target) ? "; the existing file was left unchanged" : "";
        return new AudioFileException(file, "could not be written (" + e.getMessage() + ")" + existing, e);
    }

    static ByteBuffer header(int rate, int channels, long frames, WavSampleFormat format) {
        boolean isFloat = format.floatingPoint();
        boolean extensible = channels > 2 && !isFloat;
        int bytes = format.bytes();
        int blockAlign = channels * bytes;
        long dataBytes = frames * blockAlign;
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        boolean fact = isFloat || extensible;
        int headerBytes = 12 + 8 + fmtSize + (fact ? 12 : 0) + 8;
        ByteBuffer b = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (headerBytes - 8 + dataBytes + (dataBytes & 1))).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtSize);
        b.putShort((short) (extensible ? 0xFFFE : isFloat ? 3 : 1));
        b.putShort((short) channels).putInt(rate).putInt(rate * blockAlign);
        b.putShort((short) blockAlign).putShort((short) format.bits());
        if (extensible) {
            int mask = channels <= 18 ? (1 << channels) - 1 : 0;
            b.putShort((short) 22).putShort((short) format.bits()).putInt(mask);
            b.putShort((short) 1);
            b.put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                    0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        } else if (isFloat) {
            b.putShort((short) 0);
        }
        if (fact) {
            b.put(ascii("fact")).putInt(4).putInt((int) frames);
        }
        b.put(ascii("data")).putInt((int) dataBytes);
        return b.flip();
    }

    private static void writeFully(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
