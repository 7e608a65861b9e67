package org.controlroom.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.play.MixerPlayback;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench live-mix}: the audio callback of live playback, simulated offline — {@link MixerPlayback#render},
 * the very call the sound device's thread makes (the mixer's real-time path on one thread, the transport,
 * per-track and master peak meters, true peak, live loudness, the scope ring), called back to back for a
 * minute of audio while a second thread does the console's meter work (a meter snapshot and a 1/3-octave
 * spectrum of the scope every 33 ms of audio, as {@code SessionPlayer}'s meter thread does; the spectrum is
 * never computed on the audio thread). The callback is warmed up first (20 s of audio, so the JIT has
 * compiled it), the heap is collected, then each callback is timed. Prints p50, p99, p99.9 and the worst as
 * a share of the buffer's duration, and the garbage collections during the timed run; under 100 % the
 * player keeps up, and the target is p99.9 under 50 %.
 */
@Command(name = "live-mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times the live mixer's audio callback and prints p50/p99/p99.9 as % of the buffer duration.",
                "Default: 24 mono tracks of noise, every strip with a 4-band EQ, a compressor and pan, master limiter "
                        + "and the console's meters, 256-frame buffers at 48 kHz, 60 s of callbacks."})
public final class BenchLiveMixCommand implements Callable<Integer> {

    /** The console's live spectrum: frames analysed and the period between analyses (SessionPlayer's). */
    private static final int SPECTRUM_FRAMES = 16384;
    private static final double METER_PERIOD_S = 0.033;
    private static final double WARM_UP_S = 20;

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
    public Integer call() throws InterruptedException {
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
        AtomicBoolean done = new AtomicBoolean();
        long meterPeriod = Math.max(buffer, Math.round(METER_PERIOD_S * rate));
        Thread meters = new Thread(() -> meterWork(playback, meterPeriod, done), "bench-meters");
        meters.setDaemon(true);
        meters.start();
        double lufs;
        long[] nanos;
        long[] cpuNanos;
        long collections;
        try {
            for (long n = (long) (WARM_UP_S * rate / buffer); n > 0; n--) {
                playback.render(block, buffer);
            }
            System.gc();
            int callbacks = (int) Math.max(1, Math.round(seconds * rate / buffer));
            nanos = new long[callbacks];
            cpuNanos = new long[callbacks];
            ThreadMXBean clock = ManagementFactory.getThreadMXBean();
            boolean cpu = clock.isCurrentThreadCpuTimeSupported();
            long gc0 = collections();
            for (int i = 0; i < callbacks; i++) {
                long c0 = cpu ? clock.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                playback.render(block, buffer);
                nanos[i] = System.nanoTime() - t0;
                cpuNanos[i] = cpu ? clock.getCurrentThreadCpuTime() - c0 : -1;
            }
            collections = collections() - gc0;
            lufs = playback.meters().integratedLufs();
        } finally {
            done.set(true);
            meters.join(5000);
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        double budget = 1e9 * buffer / rate;
        out.printf(Locale.ROOT, "%d tracks (4-band EQ, compressor, pan, peak meter) -> master limiter, peak, true peak, "
                + "loudness, scope; %d-frame buffers at %d Hz (%.2f ms), %d callbacks (%.0f s) after %.0f s of warm-up, "
                + "meters and spectrum on a second thread, %d core(s), Java %s%n",
                tracks, buffer, rate, budget / 1e6, nanos.length, seconds, WARM_UP_S,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "per callback: p50 %.1f %%, p99 %.1f %%, p99.9 %.1f %%, max %.1f %% of the buffer "
                + "(master read %.1f LUFS; %d garbage collection(s) while timing)%n", 100 * pct(nanos, 0.50) / budget,
                100 * pct(nanos, 0.99) / budget, 100 * pct(nanos, 0.999) / budget, 100 * nanos[nanos.length - 1] / budget,
                lufs, collections);
        if (cpuNanos[0] >= 0) {
            // on a busy machine the clock also counts the time the audio thread waited for a core; its
            // CPU time does not (what the callback itself costs)
            out.printf(Locale.ROOT, "CPU time of the audio thread per callback: p50 %.1f %%, p99 %.1f %%, p99.9 %.1f %%, "
                    + "max %.1f %% of the buffer%n", 100 * pct(cpuNanos, 0.50) / budget, 100 * pct(cpuNanos, 0.99) / budget,
                    100 * pct(cpuNanos, 0.999) / budget, 100 * cpuNanos[cpuNanos.length - 1] / budget);
        }
        return ExitCodes.OK;
    }

    /**
     * The console's meter thread, paced by audio time instead of the clock (the callbacks run back to
     * back, many times faster than real time, so this is more meter work per callback than the app does).
     */
    private static void meterWork(MixerPlayback playback, long periodFrames, AtomicBoolean done) {
        float[] frames = new float[SPECTRUM_FRAMES];
        ThirdOctaveSpectrum analysis = new ThirdOctaveSpectrum(SPECTRUM_FRAMES);
        analysis.prepare(playback.sampleRate(), 1, SPECTRUM_FRAMES);
        long last = 0;
        while (!done.get()) {
            long at = playback.position();
            if (at - last < periodFrames) {
                Thread.onSpinWait();
                continue;
            }
            last = at;
            playback.meters();
            playback.scope(frames);
            analysis.reset();
            analysis.process(frames, 0, frames.length);
            analysis.bands();
        }
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
