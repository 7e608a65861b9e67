package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.OfflineRenderer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench mixer}: renders a session offline as fast as possible and reports it as a multiple of
 * real time. Default: 16 stereo tracks of noise, each through a 4-band EQ, a compressor and pan, into
 * a master limiter and a loudness meter, 48 kHz, 3 minutes of audio.
 */
@Command(name = "mixer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times an offline mix render and prints \"<n> x realtime\".",
                "Each track: 4-band EQ (low shelf, two bells, high shelf), compressor (4:1 at -24 dB), pan; "
                        + "master: limiter at -1 dBTP and a BS.1770 loudness meter."})
public final class BenchMixerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tracks", defaultValue = "16", paramLabel = "N", description = "Stereo tracks (default ${DEFAULT-VALUE}).")
    int tracks;

    @Option(names = "--seconds", defaultValue = "180", paramLabel = "S", description = "Seconds of audio per pass (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Measured passes after a warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--rate", defaultValue = "48000", paramLabel = "HZ", description = "Sample rate (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--block", defaultValue = "4096", paramLabel = "FRAMES", description = "Block size (default ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--master-db", defaultValue = "10", paramLabel = "DB", description = "Master fader, driving the limiter (default ${DEFAULT-VALUE}).")
    double masterDb;

    @Override
    public Integer call() {
        int cores = Runtime.getRuntime().availableProcessors();
        int t = threads == null ? cores : threads;
        if (tracks < 1 || tracks > 256 || !(seconds > 0 && seconds <= 3600) || t < 1 || t > 64 || runs < 1
                || block < 16 || block > 65536 || rate < 8000 || rate > 384000) {
            throw new UserInputException("bench mixer: need 1-256 tracks, 0-3600 seconds, 1-64 threads, 1+ runs, "
                    + "16-65536 block frames, 8000-384000 Hz");
        }
        PrintWriter out = spec.commandLine().getOut();
        LoudnessMeter meter = new LoudnessMeter();
        Mixer mixer = session(meter);
        OfflineRenderer renderer = new OfflineRenderer(t);
        long frames = Math.round(seconds * rate);
        long warm = Math.min(frames, (long) rate * 60);
        renderer.render(mixer, warm);
        List<Double> speeds = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            try {
                renderer.render(mixer, frames, (b, n) -> { }, done -> { });
            } catch (org.controlroom.dsp.io.AudioFileException e) {
                throw new IllegalStateException(e);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            speeds.add(seconds / elapsed);
        }
        double best = speeds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double median = speeds.stream().sorted().toList().get(speeds.size() / 2);
        out.printf(Locale.ROOT, "%d stereo tracks (4-band EQ, compressor, pan) -> master limiter + loudness meter, "
                + "%d Hz, %.0f s of audio, block %d, %d thread(s) on %d core(s), Java %s%n",
                tracks, rate, seconds, block, t, cores, System.getProperty("java.version"));
        out.printf(Locale.ROOT, "passes: %s x realtime (master read %.1f LUFS)%n",
                speeds.stream().map(s -> String.format(Locale.ROOT, "%.0f", s)).toList(), meter.integratedLufs());
        out.printf(Locale.ROOT, "%.0f x realtime (best of %d; median %.0f)%n", best, runs, median);
        return ExitCodes.OK;
    }

    private Mixer session(LoudnessMeter meter) {
        Mixer mixer = new Mixer(rate, block);
        BenchSession.addTracks(mixer, tracks, rate, 2);
        // master pushed into the limiter, as a mastered mix would be (about -14 LUFS)
        mixer.setMasterFaderDb(masterDb);
        mixer.addMasterMeter(meter);
        return mixer;
    }
}
