package org.controlroom.lesson.practice;

import java.util.concurrent.locks.LockSupport;

import org.controlroom.dsp.play.AudioOutput;

/**
 * An output with no device behind it: it takes the audio at the pace a sound card would (real time,
 * a buffer ahead) and drops it. With no sound card the session still plays silently, so the meters,
 * the spectrum and the transport work and the learner can read them.
 */
final class SilentClockOutput implements AudioOutput {
    private final double bytesPerSecond;
    private final long aheadNanos;
    private final long start = System.nanoTime();
    private long bytes;
    private volatile boolean closed;

    SilentClockOutput(double sampleRate, int channels, int bufferFrames) {
        this.bytesPerSecond = sampleRate * channels * 2;
        this.aheadNanos = (long) (bufferFrames / sampleRate * 1e9);
    }

    static AudioOutput.Factory factory() {
        return SilentClockOutput::new;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        bytes += length;
        long due = start + (long) (bytes / bytesPerSecond * 1e9) - aheadNanos;
        long wait;
        while (!closed && (wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
