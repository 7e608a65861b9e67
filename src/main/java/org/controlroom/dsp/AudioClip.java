package org.controlroom.dsp;

import java.util.Objects;

/**
 * A piece of audio held in memory: interleaved float samples (full scale ±1.0) with their
 * sample rate and channel count. The array is shared, not copied: treat a clip as a value unless
 * you made it.
 */
public record AudioClip(double sampleRate, int channels, float[] samples) {

    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException("sample count " + samples.length
                    + " is not a whole number of " + channels + "-channel frames");
        }
    }

    /** A silent clip of the given length in frames. */
    public static AudioClip silence(double sampleRate, int channels, int frames) {
        return new AudioClip(sampleRate, channels, new float[Math.multiplyExact(frames, channels)]);
    }

    /** Number of frames (samples per channel). */
    public int frames() {
        return samples.length / channels;
    }

    /** Length in seconds. */
    public double seconds() {
        return frames() / sampleRate;
    }

    /** One channel's samples, copied out. */
    public float[] channel(int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + channels);
        }
        float[] out = new float[frames()];
        for (int i = 0, j = channel; i < out.length; i++, j += channels) {
            out[i] = samples[j];
        }
        return out;
    }

    /** A clip built from separate channel arrays of equal length. */
    public static AudioClip ofChannels(double sampleRate, float[]... channelData) {
        int ch = channelData.length;
        if (ch == 0) {
            throw new IllegalArgumentException("at least one channel is needed");
        }
        int frames = channelData[0].length;
        float[] out = new float[frames * ch];
        for (int c = 0; c < ch; c++) {
            if (channelData[c].length != frames) {
                throw new IllegalArgumentException("channels differ in length");
            }
            for (int i = 0; i < frames; i++) {
                out[i * ch + c] = channelData[c][i];
            }
        }
        return new AudioClip(sampleRate, ch, out);
    }

    /** A deep copy. */
    public AudioClip copy() {
        return new AudioClip(sampleRate, channels, samples.clone());
    }
}
