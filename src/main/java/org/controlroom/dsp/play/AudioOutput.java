package org.controlroom.dsp.play;

/**
 * Where a {@link Player} sends its audio: the sound card (see {@link JavaSoundOutput}) or anything
 * else that accepts interleaved 16-bit little-endian PCM at the player's rate.
 */
public interface AudioOutput extends AutoCloseable {

    /** Writes whole frames of 16-bit little-endian PCM, blocking until the device has room. */
    void write(byte[] data, int offset, int length);

    /** Stops the device and releases it; a blocked {@link #write} returns. */
    @Override
    void close();

    /** Opens an output for the given format. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param sampleRate   frames per second
         * @param channels     interleaved channels
         * @param bufferFrames the device buffer to ask for, in frames
         */
        AudioOutput open(double sampleRate, int channels, int bufferFrames) throws PlaybackUnavailableException;
    }
}
