package org.controlroom.dsp.io;

/**
 * How {@link WavWriter} stores samples. PCM formats are written without dither: each sample is
 * rounded to the nearest step and clipped at full scale. 32-bit float keeps every value exactly,
 * including peaks above full scale.
 */
public enum WavSampleFormat {
    /** 16-bit integer PCM (CD quality). */
    PCM_16(16, false),
    /** 24-bit integer PCM. */
    PCM_24(24, false),
    /** 32-bit IEEE float: lossless for the engine's float samples. */
    FLOAT_32(32, true);

    private final int bits;
    private final boolean floatingPoint;

    WavSampleFormat(int bits, boolean floatingPoint) {
        this.bits = bits;
        this.floatingPoint = floatingPoint;
    }

    /** Bits per sample in the file. */
    public int bits() {
        return bits;
    }

    /** Bytes per sample in the file. */
    public int bytes() {
        return bits / 8;
    }

    /** True for IEEE float. */
    public boolean floatingPoint() {
        return floatingPoint;
    }
}
