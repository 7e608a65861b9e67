package org.controlroom.dsp.io;

import java.util.Locale;

/**
 * Finds samples that are not finite numbers (NaN, +infinity, -infinity). Such a sample is never a
 * sound: read from a file it means the file is damaged, about to be written it means a calculation
 * overflowed. Either way the work stops with a message naming the file and the sample's time.
 */
final class NonFiniteSamples {

    private NonFiniteSamples() {
    }

    /** Index of the first non-finite sample in {@code s[from, to)}, or -1. */
    static int first(float[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = s[i];
            // v - v is 0 for every finite value and NaN for NaN and both infinities
            if (v - v != 0) {
                return i;
            }
        }
        return -1;
    }

    /** Words for a non-finite value. */
    static String name(float v) {
        return Float.isNaN(v) ? "NaN (not a number)" : v > 0 ? "+infinity" : "-infinity";
    }

    /** Where a sample is, for a person: {@code 1.234 s (channel 2)}; the channel only when there are several. */
    static String where(long frame, int channel, int channels, double sampleRate) {
        String time = String.format(Locale.ROOT, "%.3f s", frame / sampleRate);
        if (frame / sampleRate >= 60) {
            long ms = Math.round(frame * 1000 / sampleRate);
            time += String.format(Locale.ROOT, " (%d:%02d.%03d)", ms / 60000, ms / 1000 % 60, ms % 1000);
        }
        return channels > 1 ? time + ", channel " + (channel + 1) : time;
    }
}
