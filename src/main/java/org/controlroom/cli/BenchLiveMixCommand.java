package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.dsp.meter.TruePeakMeter;
import org.controlroom.dsp.mix.Mixer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench live-mix}: the audio callback of live playback, simulated offline — the mixer's real-time
 * path (one thread, as the audio thread runs it) called once per buffer for a minute of audio, with the
 * console's meters on (per-track peaks; master loudness, true peak, 1/3-octave spectrum). Prints the time
 * per callback at p50, p99 and p99.9 as a share of the buffer's duration; under 100 % the player keeps up,
 * and the target is p99.9 under 50 %.
 */
@Command(name = "live-mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times the live mixer's audio callback and prints p50/p99/p99.9 as % of the buffer duration.",
                "Default: 24 mono tracks of noise, every strip with a 4-band EQ, a compressor and pan, master limiter "
                        + "and meters, 256-frame buffers at 48 kHz, 60 s of callbacks."})
public final class BenchLiveMixCommand implements Callable<Integer> {

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
        LoudnessMeter loudness = new LoudnessMeter();
        mixer.addMasterMeter(loudness);
        mixer.addMasterMeter(new TruePeakMeter());
        mixer.addMasterMeter(new ThirdOctaveSpectrum());
        mixer.setTrackMetering(true);
        float[] block = new float[2 * buffer];
        // warm-up: ten seconds of callbacks, so the JIT has compiled the path
        long at = 0;
        for (long n = (long) (10.0 * rate / buffer); n > 0; n--, at += buffer) {
            mixer.render(at, block, buffer);
        }
        int callbacks = (int) Math.max(1, Math.round(seconds * rate / buffer));
        long[] nanos = new long[callbacks];
        for (int i = 0; i < callbacks; i++, at += buffer) {
            long t0 = System.nanoTime();
            mixer.render(at, block, buffer);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double budget = 1e9 * buffer / rate;
        out.printf(Locale.ROOT, "%d tracks (4-band EQ, compressor, pan, peak meter) -> master limiter, loudness, true peak, "
                + "spectrum; %d-frame buffers at %d Hz (%.2f ms), %d callbacks (%.0f s), %d core(s), Java %s%n",
                tracks, buffer, rate, budget / 1e6, callbacks, seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf(Locale.ROOT, "per callback: p50 %.1f %%, p99 %.1f %%, p99.9 %.1f %%, max %.1f %% of the buffer "
                + "(master read %.1f LUFS)%n", 100 * pct(nanos, 0.50) / budget, 100 * pct(nanos, 0.99) / budget,
                100 * pct(nanos, 0.999) / budget, 100 * nanos[nanos.length - 1] / budget, loudness.integratedLufs());
        return ExitCodes.OK;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
