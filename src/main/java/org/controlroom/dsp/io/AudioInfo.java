package org.controlroom.dsp.io;

/**
 * What an audio file holds: its container/codec, rate, channels and length.
 *
 * @param format        how it is stored (WAV, AIFF, FLAC, MP3, Ogg Vorbis)
 * @param sampleRate    samples per second per channel
 * @param channels      channel count (1 mono, 2 stereo, …)
 * @param bitsPerSample bits per sample for PCM formats (WAV, AIFF, FLAC); 0 for lossy formats
 * @param floatingPoint true for IEEE float samples (WAV, AIFF-C), false otherwise
 * @param frames        number of frames (samples per channel) the file decodes to
 */
public record AudioInfo(AudioFormatKind format, int sampleRate, int channels, int bitsPerSample, boolean floatingPoint,
                        long frames) {

    /** Length in seconds. */
    public double seconds() {
        return frames / (double) sampleRate;
    }

    /** For people: {@code FLAC, 44100 Hz, stereo, 16-bit}. */
    public String describe() {
        String layout = switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " channels";
        };
        if (format == AudioFormatKind.WAV) {
            return sampleRate + " Hz, " + layout + ", " + bitsPerSample + "-bit " + (floatingPoint ? "float" : "PCM");
        }
        return format.label() + ", " + sampleRate + " Hz, " + layout + (bitsPerSample > 0 ? ", " + bitsPerSample + "-bit" : "");
    }
}
