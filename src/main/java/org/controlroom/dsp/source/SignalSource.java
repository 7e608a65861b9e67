package org.controlroom.dsp.source;

import org.controlroom.dsp.AudioClip;

/**
 * A test-signal generator producing one (mono) signal. {@link #start(double)} rewinds it to its
 * beginning at a sample rate; {@link #fill(float[], int, int)} then writes the next samples.
 * Random sources are seeded, so every start replays exactly the same samples.
 */
public interface SignalSource {

    /** Rewinds to the beginning and sets the sample rate. */
    void start(double sampleRate);

    /** Writes the next {@code frames} samples into {@code out} from {@code offset}. */
    void fill(float[] out, int offset, int frames);

    /** Renders {@code seconds} of the signal from its beginning, the same on every channel. */
    default AudioClip render(double seconds, double sampleRate, int channels) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("length must be zero or more seconds, was " + seconds);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        int frames = Math.toIntExact(Math.round(seconds * sampleRate));
        start(sampleRate);
        float[] mono = new float[frames];
        fill(mono, 0, frames);
        if (channels == 1) {
            return new AudioClip(sampleRate, 1, mono);
        }
        float[] out = new float[Math.multiplyExact(frames, channels)];
        for (int i = 0, j = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[j++] = mono[i];
            }
        }
        return new AudioClip(sampleRate, channels, out);
    }
}
