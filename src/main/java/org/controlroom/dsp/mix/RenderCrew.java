package org.controlroom.dsp.mix;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Helper threads for the offline renderer. Blocks come every few hundred microseconds, so between
 * jobs a helper spins briefly instead of sleeping (waking a parked thread costs about as much as a
 * track's work); after a while without work it parks. Only for offline rendering, where using the
 * cores flat out is the point.
 */
final class RenderCrew implements AutoCloseable {

    private static final long SPIN_NANOS = 500_000;
    /** Spins of the waiting caller before it yields its core each time round (a few tens of microseconds). */
    private static final long YIELD_AFTER_SPINS = 2_000;

    private final Thread[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Runnable job;
    private volatile long jobNumber;
    private volatile boolean closed;
    private volatile Throwable failure;

    RenderCrew(int helperCount) {
        helpers = new Thread[helperCount];
        for (int i = 0; i < helperCount; i++) {
            helpers[i] = new Thread(this::work, "control-room-render-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    int size() {
        return helpers.length;
    }

    /** Hands {@code task} to every helper (each runs it once); returns at once. */
    void start(Runnable task) {
        pending.set(helpers.length);
        job = task;
        jobNumber++;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }

    /** Waits until every helper has finished the task handed out last. */
    void await() {
        long spins = 0;
        while (pending.get() > 0) {
            // a helper normally finishes within microseconds; on a busy machine it may have lost its
            // core, and spinning on would only keep it from getting one back
            if (++spins > YIELD_AFTER_SPINS) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a track failed to render: " + t, t);
        }
    }

    private void work() {
        long seen = 0;
        long idleSince = System.nanoTime();
        while (!closed) {
            long n = jobNumber;
            if (n != seen) {
                seen = n;
                try {
                    job.run();
                } catch (Throwable t) {
                    failure = t;
                }
                pending.decrementAndGet();
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 1_000_000);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
