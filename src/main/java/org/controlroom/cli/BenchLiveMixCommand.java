package org.controlroom.cli;

import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.play.MixerPlayback;
import org.controlroom.dsp.play.Player;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench live-mix}: the audio callback of live playback, simulated offline — what the player's
 * audio thread does per buffer ({@code Player}): {@link MixerPlayback#render} (the mixer's real-time path
 * on one thread, the transport, per-track and master peak meters, true peak, live loudness, the scope
 * ring) and the conversion to 16-bit PCM for the device, called back to back for a minute of audio.
 *
 * <p>Only the callback is timed, and nothing of the bench competes with it: the console's meter work (a
 * meter snapshot and a 1/3-octave spectrum of the scope every 33 ms of audio, {@code SessionPlayer}'s
 * meter thread; never on the audio thread in the app) runs on the same thread between callbacks, outside
 * the timing. Before timing, the very same timed loop runs in passes of 10 s of audio until a pass sees
 * no JIT compilation and no allocation in its callbacks (at least two passes), and the heap is
 * collected. Prints the wall-clock p50, p99, p99.9 and worst as a share of the buffer's duration, the
 * audio thread's CPU time per callback, and the garbage collections, JIT compilation and bytes allocated
 * during the timed callbacks; under 100 % the player keeps up, and the target is p99.9 under 50 %.
 */
@Command(name = "live-mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times the live mixer's audio callback and prints p50/p99/p99.9 as % of the buffer duration.",
                "Default: 24 mono tracks of noise, every strip with a 4-band EQ, a compressor and pan, master limiter "
                        + "and the console's meters, 256-frame buffers at 48 kHz, 60 s of callbacks."})
public final class BenchLiveMixCommand implements Callable<Integer> {

    /** The console's live spectrum: frames analysed and the period between analyses (SessionPlayer's). */
    private static final int SPECTRUM_FRAMES = 16384;
    private static final double METER_PERIOD_S = 0.033;
    /** Audio per warm-up pass; warm-up ends after a pass without JIT compilation or allocation. */
    private static final double WARM_PASS_S = 10;
    private static final int MIN_WARM_PASSES = 2;
    private static final int MAX_WARM_PASSES = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--tracks", defaultValue = "24", paramLabel = "N", description = "Tracks (default ${DEFAULT-VALUE}).")
    int tracks;

    @Option(names = "--buffer", defaultValue = "256", paramLabel = "FRAMES", description = "Frames per callback (default ${DEFAULT-VALUE}).")
    int buffer;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S", description = "Seconds of callbacks (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rate", defaultValue = "48000", paramLabel = "HZ", description = "Sample rate (default ${DEFAULT-VALUE}).")
    int rate;

    @Override
    public Integer call() {
        if (tracks < 1 || tracks > 256 || buffer < 16 || buffer > 16384 || !(seconds > 0 && seconds <= 3600)
                || rate < 8000 || rate > 384000) {
            throw new UserInputException("bench live-mix: need 1-256 tracks, a 16-16384 frame buffer, 0-3600 seconds, "
                    + "8000-384000 Hz");
        }
        PrintWriter out = spec.commandLine().getOut();
        Mixer mixer = BenchSession.build(tracks, rate, buffer);
        MixerPlayback playback = new MixerPlayback(mixer);
        playback.play();
        float[] block = new float[2 * buffer];
        byte[] pcm = new byte[2 * block.length];
        MeterWork meters = new MeterWork(playback, Math.max(buffer, Math.round(METER_PERIOD_S * rate)));
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = clock instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled() ? sun : null;

        // warm-up: the very loop that is timed below, in passes of WARM_PASS_S of audio, until a pass
        // runs without any JIT compilation and without its callbacks allocating (HotSpot's switch to
        // optimised code allocates a little on the thread that runs into it)
        int passCallbacks = (int) Math.max(1, Math.round(WARM_PASS_S * rate / buffer));
        Timing warm = new Timing(passCallbacks);
        int passes = 0;
        long jitBefore;
        do {
            jitBefore = jitTimed ? jit.getTotalCompilationTime() : 0;
            timeCallbacks(playback, block, pcm, buffer, meters, warm, clock, allocation);
            passes++;
        } while (passes < MAX_WARM_PASSES && (passes < MIN_WARM_PASSES
                || (jitTimed && jit.getTotalCompilationTime() != jitBefore) || warm.allocated > 0));
        System.gc();

        int callbacks = (int) Math.max(1, Math.round(seconds * rate / buffer));
        Timing timed = new Timing(callbacks);
        long gc0 = collections();
        long jit0 = jitTimed ? jit.getTotalCompilationTime() : 0;
        timeCallbacks(playback, block, pcm, buffer, meters, timed, clock, allocation);
        long[] nanos = timed.nanos;
        long[] cpuNanos = timed.cpuNanos;
        long allocated = timed.allocated;
        long warmCallbacks = (long) passes * passCallbacks;
        long collections = collections() - gc0;
        long jitMs = jitTimed ? jit.getTotalCompilationTime() - jit0 : -1;
        double lufs = playback.meters().integratedLufs();
        long[] sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
        Arrays.sort(cpuNanos);
        double budget = 1e9 * buffer / rate;
        out.printf(Locale.ROOT, "%d tracks (4-band EQ, compressor, pan, peak meter) -> master limiter, peak, true peak, "
                + "loudness, scope, 16-bit PCM; %d-frame buffers at %d Hz (%.2f ms), %d callbacks (%.0f s) after %.1f s "
                + "of warm-up; meter work and spectrum between callbacks on the same thread, untimed; %d core(s), Java %s%n",
                tracks, buffer, rate, budget / 1e6, nanos.length, seconds, warmCallbacks * (double) buffer / rate,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "wall clock per callback: p50 %.1f %%, p99 %.1f %%, p99.9 %.1f %%, max %.1f %% of the "
                + "buffer; %d callback(s) over 50 %%, %d over 100 %% (master read %.1f LUFS)%n",
                100 * pct(sortedNanos, 0.50) / budget, 100 * pct(sortedNanos, 0.99) / budget,
                100 * pct(sortedNanos, 0.999) / budget, 100 * sortedNanos[sortedNanos.length - 1] / budget,
                over(nanos, budget / 2), over(nanos, budget), lufs);
        if (cpuNanos[0] >= 0) {
            // on a busy machine the clock also counts the time the audio thread waited for a core; its
            // CPU time does not (what the callback itself costs)
            out.printf(Locale.ROOT, "CPU time of the audio thread per callback: p50 %.1f %%, p99 %.1f %%, p99.9 %.1f %%, "
                    + "max %.1f %% of the buffer%n", 100 * pct(cpuNanos, 0.50) / budget, 100 * pct(cpuNanos, 0.99) / budget,
                    100 * pct(cpuNanos, 0.999) / budget, 100 * cpuNanos[cpuNanos.length - 1] / budget);
        }
        out.printf(Locale.ROOT, "while timing: %d garbage collection(s), %s of JIT compilation, %s allocated by the "
                + "callbacks%n", collections, jitMs < 0 ? "unknown" : jitMs + " ms",
                allocation == null ? "unknown" : allocated + " bytes");
        return ExitCodes.OK;
    }

    /** Per-callback wall-clock and CPU nanoseconds of one timed pass, and the bytes its callbacks allocated. */
    private static final class Timing {
        final long[] nanos;
        final long[] cpuNanos;
        long allocated;

        Timing(int callbacks) {
            nanos = new long[callbacks];
            cpuNanos = new long[callbacks];
        }
    }

    /**
     * Times {@code t.nanos.length} callbacks back to back; between them, untimed, the console's meter
     * work on this same thread, so no thread of the bench competes with the callback.
     */
    private static void timeCallbacks(MixerPlayback playback, float[] block, byte[] pcm, int frames, MeterWork meters,
                                      Timing t, ThreadMXBean clock, com.sun.management.ThreadMXBean allocation) {
        boolean cpu = clock.isCurrentThreadCpuTimeSupported();
        long allocated = 0;
        for (int i = 0; i < t.nanos.length; i++) {
            long a0 = allocation != null ? allocation.getCurrentThreadAllocatedBytes() : 0;
            long c0 = cpu ? clock.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            callback(playback, block, pcm, frames);
            t.nanos[i] = System.nanoTime() - t0;
            t.cpuNanos[i] = cpu ? clock.getCurrentThreadCpuTime() - c0 : -1;
            if (allocation != null) {
                allocated += allocation.getCurrentThreadAllocatedBytes() - a0;
            }
            meters.maybeRun();
        }
        t.allocated = allocated;
    }

    /** One audio callback: what the player's thread does per buffer before the device write. */
    private static void callback(MixerPlayback playback, float[] block, byte[] pcm, int frames) {
        playback.render(block, frames);
        Player.toPcm16(block, pcm);
    }

    /**
     * The console's meter work, paced by audio time instead of the clock (the callbacks run back to
     * back, many times faster than real time, so this is more meter work per callback than the app does).
     */
    private static final class MeterWork {
        final MixerPlayback playback;
        final long periodFrames;
        final float[] frames = new float[SPECTRUM_FRAMES];
        final ThirdOctaveSpectrum analysis = new ThirdOctaveSpectrum(SPECTRUM_FRAMES);
        long last;

        MeterWork(MixerPlayback playback, long periodFrames) {
            this.playback = playback;
            this.periodFrames = periodFrames;
            analysis.prepare(playback.sampleRate(), 1, SPECTRUM_FRAMES);
        }

        void maybeRun() {
            long at = playback.position();
            if (at - last < periodFrames) {
                return;
            }
            last = at;
            playback.meters();
            playback.scope(frames);
            analysis.reset();
            analysis.process(frames, 0, frames.length);
            analysis.bands();
        }
    }

    private static int over(long[] nanos, double limit) {
        int n = 0;
        for (long v : nanos) {
            if (v > limit) {
                n++;
            }
        }
        return n;
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
