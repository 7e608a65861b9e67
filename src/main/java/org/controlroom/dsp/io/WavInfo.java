package org.controlroom.dsp.io;

/**
 * What a WAV file holds, read from its header: rate, channels, how samples are stored and how many
 * frames there are.
 *
 * @param sampleRate    samples per second per channel
 * @param channels      channel count (1 mono, 2 stereo, …)
 * @param bitsPerSample bits each sample occupies in the file (8, 16, 24, 32 or 64)
 * @param floatingPoint true for IEEE float samples, false for integer PCM
 * @param frames        number of frames (samples per channel) of audio present
 */
public record WavInfo(int sampleRate, int channels, int bitsPerSample, boolean floatingPoint, long frames) {

    /** Length in seconds. */
    public double seconds() {
        return frames / (double) sampleRate;
    }

    /** For people: {@code 48000 Hz, stereo, 24-bit PCM}. */
    public String describe() {
        String layout = switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " channels";
        };
        return sampleRate + " Hz, " + layout + ", " + bitsPerSample + "-bit " + (floatingPoint ? "float" : "PCM");
    }
}
