package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes IEEE-float WAV bytes directly, whatever the samples hold (NaN and infinity included), as a
 * damaged file from another program would: the project's own writer refuses such samples.
 */
public final class RawFloatWav {

    private RawFloatWav() {
    }

    /** 32-bit float WAV of interleaved {@code samples}. */
    public static Path write32(Path file, int rate, int channels, float[] samples) throws IOException {
        ByteBuffer b = header(rate, channels, 32, samples.length * 4L);
        for (float v : samples) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
        return file;
    }

    /** 64-bit float WAV of interleaved {@code samples}. */
    public static Path write64(Path file, int rate, int channels, double[] samples) throws IOException {
        ByteBuffer b = header(rate, channels, 64, samples.length * 8L);
        for (double v : samples) {
            b.putDouble(v);
        }
        Files.write(file, b.array());
        return file;
    }

    private static ByteBuffer header(int rate, int channels, int bits, long dataBytes) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate((int) (44 + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes()).putInt((int) dataBytes);
        return b;
    }
}
