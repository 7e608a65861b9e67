package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.controlroom.analysis.Masking;
import org.controlroom.analysis.MixAnalysis;
import org.controlroom.analysis.MixMeasurement;
import org.controlroom.analysis.SpectrumComparison;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.OfflineRenderer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench mix-score}: renders and measures a submitted mix the way a mix lesson scores it — one
 * render, every track metered as it reaches the master (loudness, range, pan; two tracks' spectra for
 * masking), the mix's loudness, true peak, clipping before and after the limiter, its spectrum against
 * a reference — and prints the seconds it took, JVM warm.
 */
@Command(name = "mix-score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times rendering and scoring a mix session and prints the seconds per pass.",
                "Default: 8 mono tracks of noise, 3 minutes at 44.1 kHz, every strip with a 4-band EQ, a compressor "
                        + "(4:1) and pan; the master limiter on."})
public final class BenchMixScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tracks", defaultValue = "8", paramLabel = "N", description = "Tracks (default ${DEFAULT-VALUE}).")
    int tracks;

    @Option(names = "--seconds", defaultValue = "180", paramLabel = "S", description = "Seconds of audio (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Measured passes after two warm-ups (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--rate", defaultValue = "44100", paramLabel = "HZ", description = "Sample rate (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--threads", paramLabel = "N", description = "Rendering threads (default: one per core; "
            + "1 shows the work itself as CPU time, without the time two threads spend waiting for each other).")
    Integer threads;

    @Override
    public Integer call() {
        if (tracks < 2 || tracks > 256 || !(seconds > 0 && seconds <= 3600) || runs < 1 || rate < 8000 || rate > 384000) {
            throw new UserInputException("bench mix-score: need 2-256 tracks, 0-3600 seconds, 1+ runs, 8000-384000 Hz");
        }
        PrintWriter out = spec.commandLine().getOut();
        Mixer mixer = BenchSession.build(tracks, rate, 1024);
        long frames = Math.round(seconds * rate);
        if (threads != null && (threads < 1 || threads > 64)) {
            throw new UserInputException("bench mix-score: --threads must be 1-64");
        }
        OfflineRenderer renderer = threads == null ? new OfflineRenderer() : new OfflineRenderer(threads);
        MixAnalysis analysis = new MixAnalysis(renderer);
        Set<String> pair = Set.of(mixer.tracks().get(0).name(), mixer.tracks().get(1).name());
        MixMeasurement m = null;
        for (int w = 0; w < 2; w++) {
            m = score(analysis, mixer, Math.min(frames, (long) rate * 30), pair);
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            m = score(analysis, mixer, frames, pair);
            times.add((System.nanoTime() - t0) / 1e9);
            cpu.add((processCpuNanos() - c0) / 1e9);
        }
        List<Double> sorted = times.stream().sorted().toList();
        out.printf(Locale.ROOT, "%d tracks (4-band EQ, compressor, pan) -> master limiter, %d Hz, %.0f s of audio, "
                + "%d rendering thread(s) on %d core(s), Java %s%n", tracks, rate, seconds, renderer.threads(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf(Locale.ROOT, "passes: %s s (mix %.1f LUFS, %.2f dBTP)%n",
                times.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), m.integratedLufs(),
                m.truePeakDbtp());
        out.printf(Locale.ROOT, "%.2f s to render and score (best of %d; median %.2f)%n", sorted.get(0), runs,
                sorted.get(sorted.size() / 2));
        if (cpu.get(0) >= 0) {
            // on a shared machine the wall clock counts other programs' time too; the process's CPU time does not
            List<Double> c = cpu.stream().sorted().toList();
            out.printf(Locale.ROOT, "CPU time of this process per pass: %.2f s (median; %.2f s per core on %d cores)%n",
                    c.get(c.size() / 2), c.get(c.size() / 2) / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
        return ExitCodes.OK;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static MixMeasurement score(MixAnalysis analysis, Mixer mixer, long frames, Set<String> pair) {
        MixMeasurement m = analysis.measure(mixer, frames, pair);
        List<String> names = List.copyOf(m.tracks().keySet());
        Masking.of(m.track(names.get(0)).spectrum(), m.track(names.get(1)).spectrum());
        // against a reference: here the mix's own first track's spectrum stands in for it
        SpectrumComparison.of(m.spectrum(), m.track(names.get(0)).spectrum());
        return m;
    }
}
