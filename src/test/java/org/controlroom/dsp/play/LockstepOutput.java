package org.controlroom.dsp.play;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in sound device that lets a test run the real {@link Player} one block at a time: every
 * {@link #write} keeps the 16-bit samples (up to a capacity given up front) and then holds the
 * player's thread until the test {@link #release releases} it. While the thread is held it sits
 * between two blocks, so whatever the test changes then must be in the next block. Nothing here
 * allocates on the player's thread after the first write (the held thread parks).
 */
final class LockstepOutput implements AudioOutput {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final short[] captured;
    private volatile int capturedSamples;
    private volatile long written;
    private volatile long allowed;
    private volatile boolean closed;
    private volatile Thread playerThread;
    private volatile int samplesPerBlock;

    /** @param captureSamples how many interleaved samples to keep (0: keep none) */
    LockstepOutput(int captureSamples) {
        this.captured = new short[captureSamples];
    }

    /** The factory to give {@link Player#open(Playable, int, AudioOutput.Factory)}. */
    AudioOutput.Factory factory() {
        return (rate, channels, frames) -> this;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        if (playerThread == null) {
            playerThread = Thread.currentThread();
        }
        samplesPerBlock = length / 2;
        int at = capturedSamples;
        int n = Math.min(length / 2, captured.length - at);
        for (int i = 0; i < n; i++) {
            int lo = data[offset + 2 * i] & 0xff;
            int hi = data[offset + 2 * i + 1];
            captured[at + i] = (short) (lo | (hi << 8));
        }
        capturedSamples = at + n;
        written = written + 1;
        while (written > allowed && !closed) {
            LockSupport.parkNanos(200_000);
        }
    }

    /** Waits until the player has written {@code blocks} blocks in all (and is held after the last). */
    void awaitBlocks(long blocks) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (written < blocks) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the player wrote only " + written + " of " + blocks + " blocks");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Lets the player render and write {@code blocks} more blocks, and waits until it has. */
    void advance(long blocks) {
        long target = written + blocks;
        allowed = target - 1;
        Thread t = playerThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
        awaitBlocks(target);
    }

    long blocksWritten() {
        return written;
    }

    Thread playerThread() {
        return playerThread;
    }

    /** Interleaved samples captured so far, as full scale 1.0 = 32767. */
    short[] samples() {
        return java.util.Arrays.copyOf(captured, capturedSamples);
    }

    int samplesPerBlock() {
        return samplesPerBlock;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = playerThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
