package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.controlroom.dsp.AudioClip;

/**
 * Reads WAV files into {@link AudioClip}s.
 *
 * <p>Understands integer PCM of 8, 16, 24 and 32 bits, 32- and 64-bit IEEE float, the
 * WAVE_FORMAT_EXTENSIBLE header (PCM or float inside), RF64 for files above 4 GiB, any channel
 * count and any sample rate from 1 Hz to 1 MHz. Chunks it does not need (LIST, bext, cue, …) are
 * skipped, odd-sized chunks with their pad byte included. A data chunk whose size is 0 or
 * 0xFFFFFFFF, as streaming writers leave it, is taken to run to the end of the file; a data chunk
 * that claims more bytes than the file holds is reported as truncated.
 *
 * <p>Every problem is an {@link AudioFileException} naming the file and what is wrong.
 */
public final class WavReader {

    private static final int MAX_SAMPLE_RATE = 1_000_000;
    private static final int MAX_CHANNELS = 256;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE GUIDs for PCM and float. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
            0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private WavReader() {
    }

    /** Reads the whole file into memory. */
    public static AudioClip read(Path file) throws AudioFileException {
        try (WavBlockReader in = WavBlockReader.open(file)) {
            WavInfo info = in.info();
            long samples = info.frames() * info.channels();
            if (samples > Integer.MAX_VALUE - 16) {
                throw new AudioFileException(file, String.format("is too long to load (%.0f minutes of %d-channel "
                        + "audio); split it into shorter files", info.seconds() / 60, info.channels()));
            }
            float[] out = new float[(int) samples];
            int frames = (int) info.frames();
            int done = 0;
            while (done < frames) {
                int n = in.read(out, done, frames - done);
                if (n == 0) {
                    break;
                }
                done += n;
            }
            return new AudioClip(info.sampleRate(), info.channels(), out);
        }
    }

    /** Reads only the header: rate, channels, sample format and length. */
    public static WavInfo info(Path file) throws AudioFileException {
        try (WavBlockReader in = WavBlockReader.open(file)) {
            return in.info();
        }
    }

    static FileChannel openChannel(Path file) throws AudioFileException {
        return open(file);
    }

    private static FileChannel open(Path file) throws AudioFileException {
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a folder, not a WAV file");
        }
        java.util.Optional<String> special = RegularFile.notRegular(file);
        if (special.isPresent()) {
            throw new AudioFileException(file, "is " + special.get() + ", not an audio file; give an ordinary file");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "file not found; check the name and folder", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot be opened (" + describe(e) + ")", e);
        }
    }

    /** Where the audio is and how to decode it. */
    record Layout(int sampleRate, int channels, int bitsPerSample, SampleCodec codec,
                          long dataOffset, long dataBytes) {
        long frames() {
            return dataBytes / ((long) codec.bytes * channels);
        }

        WavInfo info() {
            return new WavInfo(sampleRate, channels, bitsPerSample, codec.floatingPoint, frames());
        }
    }

    private record Format(int sampleRate, int channels, int bitsPerSample, SampleCodec codec) {
    }

    static Layout parse(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            throw new AudioFileException(file, "is empty (0 bytes)");
        }
        ByteBuffer head = read(ch, 0, 12);
        String riff = ascii(head, 0, Math.min(4, head.limit()));
        boolean rf64 = riff.equals("RF64") || riff.equals("BW64");
        boolean riffLike = riff.equals("RIFF") || rf64;
        if (head.limit() < 12) {
            if (riffLike || "RIFF".startsWith(riff)) {
                throw new AudioFileException(file, "the file ends inside its header (truncated): only "
                        + size + " bytes");
            }
            throw notWav(file, head);
        }
        if (riff.equals("RIFX")) {
            throw new AudioFileException(file, "is a big-endian WAV (RIFX), which is not supported; "
                    + "convert it to an ordinary little-endian WAV");
        }
        if (!riffLike || !ascii(head, 8, 4).equals("WAVE")) {
            throw notWav(file, head);
        }
        long declaredRiffEnd = 8 + Integer.toUnsignedLong(head.getInt(4));

        Format format = null;
        long dataOffset = -1;
        long dataBytes = -1;
        long ds64Data = -1;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer chunk = read(ch, pos, 8);
            String id = ascii(chunk, 0, 4);
            long chunkSize = Integer.toUnsignedLong(chunk.getInt(4));
            long body = pos + 8;
            long available = size - body;
            if (id.equals("ds64") && rf64) {
                if (chunkSize < 24 || available < 24) {
                    throw truncatedHeader(file, "its RF64 size (ds64) chunk");
                }
                ds64Data = read(ch, body, 24).getLong(8);
            } else if (id.equals("fmt ")) {
                if (chunkSize > available) {
                    throw truncatedHeader(file, "its format (fmt) chunk");
                }
                format = parseFormat(file, read(ch, body, (int) Math.min(chunkSize, 64)), chunkSize);
            } else if (id.equals("data")) {
                dataOffset = body;
                if (rf64 && chunkSize == UNKNOWN_SIZE && ds64Data >= 0) {
                    chunkSize = ds64Data;
                }
                if (chunkSize == UNKNOWN_SIZE || (chunkSize == 0 && available > 0
                        && !looksLikeChunk(ch, body, size))) {
                    // A streaming writer could not go back to fill in the size: the audio runs to the end.
                    dataBytes = available;
                    break;
                }
                if (chunkSize > available) {
                    throw new AudioFileException(file, "the file ends in the middle of its audio data "
                            + "(truncated): expected " + chunkSize + " bytes, found " + available);
                }
                dataBytes = chunkSize;
            }
            long next = body + chunkSize + (chunkSize & 1);
            if (next > size && !id.equals("data")) {
                // A chunk runs past the end: fine if it is trailing metadata after the audio.
                break;
            }
            pos = next;
        }

        if (dataOffset < 0) {
            if (declaredRiffEnd > size || format == null) {
                throw new AudioFileException(file, "the file ends before its audio data begins "
                        + "(truncated header): only " + size + " bytes");
            }
            throw new AudioFileException(file, "contains no audio (no data chunk)");
        }
        if (format == null) {
            throw new AudioFileException(file, "has no format (fmt) chunk before its audio, "
                    + "so the audio cannot be decoded");
        }
        return new Layout(format.sampleRate, format.channels, format.bitsPerSample, format.codec,
                dataOffset, dataBytes);
    }

    private static Format parseFormat(Path file, ByteBuffer fmt, long chunkSize) throws AudioFileException {
        if (chunkSize < 16) {
            throw new AudioFileException(file, "has a damaged format (fmt) chunk: " + chunkSize
                    + " bytes where at least 16 are needed");
        }
        int tag = fmt.getShort(0) & 0xffff;
        int channels = fmt.getShort(2) & 0xffff;
        long rate = Integer.toUnsignedLong(fmt.getInt(4));
        int bits = fmt.getShort(14) & 0xffff;
        if (tag == FORMAT_EXTENSIBLE) {
            if (chunkSize < 40) {
                throw new AudioFileException(file, "has a damaged extensible format (fmt) chunk: "
                        + chunkSize + " bytes where 40 are needed");
            }
            int subTag = fmt.getShort(24) & 0xffff;
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (fmt.get(26 + i) != GUID_TAIL[i]) {
                    throw new AudioFileException(file, "uses an unsupported encoding (extensible format "
                            + "with an unknown sub-format); convert it to PCM or float WAV");
                }
            }
            tag = subTag;
        }
        if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
            throw new AudioFileException(file, "uses an unsupported encoding: " + encodingName(tag)
                    + " inside WAV (format 0x" + String.format("%04X", tag) + "); convert it to PCM or float WAV");
        }
        if (channels == 0 || channels > MAX_CHANNELS) {
            throw new AudioFileException(file, "has a damaged header: it says the audio has " + channels
                    + " channels");
        }
        if (rate == 0 || rate > MAX_SAMPLE_RATE) {
            throw new AudioFileException(file, "has a damaged header: it says the sample rate is " + rate
                    + " Hz");
        }
        SampleCodec codec;
        if (tag == FORMAT_FLOAT) {
            codec = switch (bits) {
                case 32 -> SampleCodec.FLOAT_32;
                case 64 -> SampleCodec.FLOAT_64;
                default -> throw new AudioFileException(file, "uses " + bits
                        + "-bit float samples, which are not supported (only 32- and 64-bit float)");
            };
        } else {
            if (bits == 0 || bits > 32) {
                throw new AudioFileException(file, "uses " + bits
                        + "-bit PCM samples, which are not supported (8 to 32 bits)");
            }
            // Samples narrower than their container (e.g. 20 in 24) are left-justified: scale by the container.
            codec = SampleCodec.forPcmContainer((bits + 7) / 8);
        }
        return new Format((int) rate, channels, codec.bytes * 8, codec);
    }

    /** True when the bytes at {@code pos} read as a plausible chunk header that fits in the file. */
    private static boolean looksLikeChunk(FileChannel ch, long pos, long size) throws IOException {
        if (pos + 8 > size) {
            return false;
        }
        ByteBuffer b = read(ch, pos, 8);
        for (int i = 0; i < 4; i++) {
            int c = b.get(i) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return pos + 8 + Integer.toUnsignedLong(b.getInt(4)) <= size;
    }

    private static AudioFileException notWav(Path file, ByteBuffer head) {
        String magic = ascii(head, 0, Math.min(4, head.limit()));
        int b0 = head.limit() > 0 ? head.get(0) & 0xff : 0;
        int b1 = head.limit() > 1 ? head.get(1) & 0xff : 0;
        String hint = "";
        if (magic.startsWith("ID3") || (b0 == 0xff && (b1 & 0xe0) == 0xe0)) {
            hint = "; it looks like an MP3, convert it to WAV first";
        } else if (magic.equals("fLaC")) {
            hint = "; it looks like a FLAC file, convert it to WAV first";
        } else if (magic.equals("OggS")) {
            hint = "; it looks like an Ogg file, convert it to WAV first";
        } else if (magic.equals("FORM")) {
            hint = "; it looks like an AIFF file, convert it to WAV first";
        }
        return new AudioFileException(file, "not a WAV file (no RIFF/WAVE header)" + hint);
    }

    private static AudioFileException truncatedHeader(Path file, String where) {
        return new AudioFileException(file, "the file ends inside " + where + " (truncated header)");
    }

    static String encodingName(int tag) {
        return switch (tag) {
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG audio";
            case 0x0055 -> "MP3";
            case 0x00FF, 0x1610, 0x1602 -> "AAC";
            case 0x0160, 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0x2000 -> "AC-3";
            case 0xF1AC -> "FLAC";
            default -> "an unknown encoding";
        };
    }

    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static String ascii(ByteBuffer b, int from, int len) {
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            bytes[i] = b.get(from + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
