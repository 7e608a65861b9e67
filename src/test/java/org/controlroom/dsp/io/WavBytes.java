package org.controlroom.dsp.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds WAV files byte by byte, so tests state exactly what is on disk. */
final class WavBytes {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private String riff = "RIFF";
    private Long riffSize;

    static WavBytes wave() {
        return new WavBytes();
    }

    WavBytes riffId(String id) {
        this.riff = id;
        return this;
    }

    WavBytes riffSize(long size) {
        this.riffSize = size;
        return this;
    }

    /** A plain WAVEFORMATEX fmt chunk (16 bytes; 18 for float, with cbSize 0). */
    WavBytes fmt(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer b = le(tag == 3 ? 18 : 16);
        b.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt chunk with the given sub-format (1 PCM, 3 float). */
    WavBytes fmtExtensible(int subFormat, int channels, int rate, int containerBits, int validBits) {
        int blockAlign = channels * containerBits / 8;
        ByteBuffer b = le(40);
        b.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) containerBits)
                .putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 3 : 4)
                .putShort((short) subFormat)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    /** A chunk with its true size, plus a pad byte when the size is odd. */
    WavBytes chunk(String id, byte[] data) {
        return chunk(id, data.length, data);
    }

    /** A chunk with a declared size that may differ from the bytes that follow (no padding added). */
    WavBytes chunk(String id, long declaredSize, byte[] data) {
        raw(id.getBytes(StandardCharsets.US_ASCII));
        raw(le(4).putInt((int) declaredSize).array());
        raw(data);
        if (declaredSize == data.length && (data.length & 1) == 1) {
            raw(new byte[1]);
        }
        return this;
    }

    WavBytes raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        byte[] b = body.toByteArray();
        ByteBuffer out = le(12 + b.length);
        out.put(riff.getBytes(StandardCharsets.US_ASCII))
                .putInt((int) (riffSize != null ? riffSize : 4 + b.length))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(b);
        return out.array();
    }

    Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] shorts(int... values) {
        ByteBuffer b = le(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static byte[] int24s(int... values) {
        ByteBuffer b = le(values.length * 3);
        for (int v : values) {
            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return b.array();
    }

    static byte[] ints(int... values) {
        ByteBuffer b = le(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] floats(float... values) {
        ByteBuffer b = le(values.length * 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer b = le(values.length * 8);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
