package org.controlroom.dsp.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bulk conversion between little-endian WAV sample bytes and floats (full scale ±1.0).
 * Integer PCM of n bits maps -2^(n-1) to -1.0 exactly; 8-bit PCM is unsigned, as WAV stores it.
 * Buffers are little-endian (heap or direct); whole blocks are converted at a time.
 */
enum SampleCodec {
    PCM_U8(1, false),
    PCM_16(2, false),
    PCM_24(3, false),
    PCM_32(4, false),
    FLOAT_32(4, true),
    FLOAT_64(8, true);

    private static final float SCALE_8 = 1f / 128f;
    private static final float SCALE_16 = 1f / 32768f;
    private static final float SCALE_24 = 1f / 8388608f;
    private static final double SCALE_32 = 1.0 / 2147483648.0;

    final int bytes;
    final boolean floatingPoint;

    SampleCodec(int bytes, boolean floatingPoint) {
        this.bytes = bytes;
        this.floatingPoint = floatingPoint;
    }

    static SampleCodec forPcmContainer(int bytes) {
        return switch (bytes) {
            case 1 -> PCM_U8;
            case 2 -> PCM_16;
            case 3 -> PCM_24;
            case 4 -> PCM_32;
            default -> throw new IllegalArgumentException("no PCM container of " + bytes + " bytes");
        };
    }

    static SampleCodec forWriting(WavSampleFormat format) {
        return switch (format) {
            case PCM_16 -> PCM_16;
            case PCM_24 -> PCM_24;
            case FLOAT_32 -> FLOAT_32;
        };
    }

    /**
     * Decodes {@code count} samples from {@code src} (from index 0, little-endian, heap or direct)
     * into {@code dst} from {@code dstOffset}.
     */
    void decode(ByteBuffer src, int count, float[] dst, int dstOffset) {
        switch (this) {
            case PCM_U8 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = ((src.get(i) & 0xff) - 128) * SCALE_8;
                }
            }
            case PCM_16 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = src.getShort(i << 1) * SCALE_16;
                }
            }
            case PCM_24 -> {
                // Read 4 bytes, keep the low 3 (sign-extended); the last sample may have no 4th byte.
                int fast = src.limit() >= count * 3 + 1 ? count : count - 1;
                for (int i = 0, j = 0; i < fast; i++, j += 3) {
                    dst[dstOffset + i] = (src.getInt(j) << 8 >> 8) * SCALE_24;
                }
                for (int i = Math.max(0, fast), j = i * 3; i < count; i++, j += 3) {
                    int v = (src.get(j) & 0xff) | (src.get(j + 1) & 0xff) << 8 | src.get(j + 2) << 16;
                    dst[dstOffset + i] = v * SCALE_24;
                }
            }
            case PCM_32 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = (float) (src.getInt(i << 2) * SCALE_32);
                }
            }
            case FLOAT_32 -> src.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asFloatBuffer()
                    .get(dst, dstOffset, count);
            case FLOAT_64 -> {
                for (int i = 0; i < count; i++) {
                    dst[dstOffset + i] = (float) src.getDouble(i << 3);
                }
            }
        }
    }

    /**
     * Encodes {@code count} samples of {@code src} from {@code srcOffset} into {@code dst}
     * (from index 0, little-endian, heap or direct). PCM is rounded to the nearest step and
     * clipped at full scale (no dither); NaN becomes 0.
     */
    void encode(float[] src, int srcOffset, int count, ByteBuffer dst) {
        switch (this) {
            case PCM_U8 -> {
                for (int i = 0; i < count; i++) {
                    dst.put(i, (byte) (quantise(src[srcOffset + i], 128f, 127) + 128));
                }
            }
            case PCM_16 -> {
                for (int i = 0; i < count; i++) {
                    dst.putShort(i << 1, (short) quantise(src[srcOffset + i], 32768f, 32767));
                }
            }
            case PCM_24 -> {
                for (int i = 0, j = 0; i < count; i++, j += 3) {
                    int v = quantise(src[srcOffset + i], 8388608f, 8388607);
                    dst.put(j, (byte) v);
                    dst.put(j + 1, (byte) (v >> 8));
                    dst.put(j + 2, (byte) (v >> 16));
                }
            }
            case PCM_32 -> {
                for (int i = 0; i < count; i++) {
                    double v = Math.rint(src[srcOffset + i] * 2147483648.0);
                    dst.putInt(i << 2, (int) Math.max(-2147483648.0, Math.min(2147483647.0, v)));
                }
            }
            case FLOAT_32 -> dst.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asFloatBuffer()
                    .put(src, srcOffset, count);
            case FLOAT_64 -> {
                for (int i = 0; i < count; i++) {
                    dst.putDouble(i << 3, src[srcOffset + i]);
                }
            }
        }
    }

    private static int quantise(float x, float scale, int max) {
        // (int) of NaN is 0; Math.round saturates, the clamp keeps the negative full scale exact.
        int v = Math.round(x * scale);
        return Math.max(-max - 1, Math.min(max, v));
    }
}
