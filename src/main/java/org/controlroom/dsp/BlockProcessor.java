package org.controlroom.dsp;

/**
 * Something that processes audio in blocks, in place. Samples are interleaved frames
 * (L R L R … for stereo); {@code length} counts samples, a whole number of frames.
 *
 * <p>Prepare once with the sample rate, channel count and largest block, then call
 * {@link #process(float[], int, int)} from the audio or render thread. Parameter setters on
 * implementations are safe to call from another thread while processing runs, and are smoothed.
 */
public interface BlockProcessor {

    /** Prepares for processing; clears any state. */
    void prepare(double sampleRate, int channels, int maxBlockFrames);

    /** Processes {@code length} interleaved samples of {@code samples} from {@code offset}, in place. */
    void process(float[] samples, int offset, int length);

    /** Clears the processor's memory (filter state, envelopes) without changing its parameters. */
    default void reset() {
    }
}
