package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.controlroom.dsp.AudioClip;

/**
 * Writes {@link AudioClip}s as WAV files: 32-bit float by default (lossless for the engine's
 * samples), or 16/24-bit PCM without dither.
 *
 * <p>Writing is atomic: the audio goes to a hidden temporary file in the same folder, which is then
 * moved over the target. If anything fails, the temporary file is removed and an existing file of
 * the same name is left exactly as it was.
 *
 * <p>Float files use the plain IEEE-float header with a {@code fact} chunk (as SoX writes them);
 * PCM uses the plain PCM header for mono and stereo and WAVE_FORMAT_EXTENSIBLE, with the standard
 * speaker order, for more channels.
 */
public final class WavWriter {

    private static final int BLOCK_BYTES = 1 << 20;
    private static final long MAX_RIFF_BYTES = 0xFFFF_FFFFL;

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
        SampleCodec codec = SampleCodec.forWriting(format);
        ByteBuffer header = header(rate, clip.channels(), clip.frames(), format);
        long dataBytes = (long) clip.samples().length * codec.bytes;
        if (header.remaining() - 8 + dataBytes + (dataBytes & 1) > MAX_RIFF_BYTES) {
            throw new AudioFileException(file, String.format("is too long for a WAV file (%.0f minutes would "
                    + "need more than 4 GiB); render a shorter section", clip.seconds() / 60));
        }
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        checkTarget(file, target, folder);

        // Created like any new file (so the umask applies, unlike createTempFile's owner-only mode).
        Path temp = folder.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "cannot be written: permission denied in folder " + folder, e);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "cannot be written: the folder " + folder + " does not exist", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot be written (" + e.getMessage() + ")", e);
        }
        boolean moved = false;
        try {
            try (ch) {
                WritableByteChannel out = output.apply(ch);
                writeFully(out, header);
                writeSamples(out, clip.samples(), codec);
                if ((dataBytes & 1) != 0) {
                    writeFully(out, ByteBuffer.allocate(1));
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            String existing = Files.exists(target) ? "; the existing file was left unchanged" : "";
            throw new AudioFileException(file, "could not be written (" + e.getMessage() + ")" + existing, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named after the target; nothing more to do.
                }
            }
        }
    }

    private static void checkTarget(Path file, Path target, Path folder) throws AudioFileException {
        if (Files.isDirectory(target)) {
            throw new AudioFileException(file, "is a folder; give a file name for the output");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new AudioFileException(file, "cannot be written: the folder " + folder + " does not exist");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new AudioFileException(file, "is read-only, so it was not overwritten");
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

    private static void writeSamples(WritableByteChannel ch, float[] samples, SampleCodec codec) throws IOException {
        int perBlock = BLOCK_BYTES / codec.bytes;
        ByteBuffer buf = ByteBuffer.allocate(perBlock * codec.bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < samples.length; ) {
            int n = Math.min(perBlock, samples.length - done);
            buf.clear();
            codec.encode(samples, done, n, buf);
            buf.position(0).limit(n * codec.bytes);
            writeFully(ch, buf);
            done += n;
        }
    }

    private static void writeFully(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
