package org.controlroom.dsp.meter;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-channel peak values (linear) written by the processing thread and read by any thread.
 * A reset requested from another thread is applied by the writer at its next block, and the
 * published values read zero at once.
 */
final class PeakReadings {

    private AtomicLongArray published = new AtomicLongArray(0);
    private double[] held = new double[0];
    private volatile boolean resetRequested;

    /** Sizes for {@code channels} and clears; call from the processing thread (prepare). */
    synchronized void prepare(int channels) {
        held = new double[channels];
        published = new AtomicLongArray(channels);
        resetRequested = false;
    }

    int channels() {
        return held.length;
    }

    /** Writer side: the held maxima, cleared first if a reset was requested. */
    double[] heldForWriting() {
        if (resetRequested) {
            resetRequested = false;
            java.util.Arrays.fill(held, 0);
        }
        return held;
    }

    /** Writer side: publishes the held maxima. */
    void publish() {
        AtomicLongArray p = published;
        for (int c = 0; c < held.length && c < p.length(); c++) {
            p.set(c, Double.doubleToRawLongBits(held[c]));
        }
    }

    /** Any thread: asks the writer to start over and shows zero meanwhile. */
    void requestReset() {
        resetRequested = true;
        AtomicLongArray p = published;
        for (int c = 0; c < p.length(); c++) {
            p.set(c, 0L);
        }
    }

    /** Any thread: peak of one channel, linear. */
    double peak(int channel) {
        AtomicLongArray p = published;
        if (channel < 0 || channel >= p.length()) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + p.length());
        }
        return Double.longBitsToDouble(p.get(channel));
    }

    /** Any thread: largest peak over all channels, linear. */
    double peak() {
        AtomicLongArray p = published;
        double max = 0;
        for (int c = 0; c < p.length(); c++) {
            max = Math.max(max, Double.longBitsToDouble(p.get(c)));
        }
        return max;
    }
}
