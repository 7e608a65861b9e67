package org.controlroom.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench decode FILE...}: decodes each file to float and resamples it to the session rate,
 * on the calling thread only (one core), and prints how many times faster than real time that was.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times decoding audio files to float, resampled to --rate, on one thread; prints "
                + "\"<n> x realtime\" per file: audio seconds per second of the decoding thread's CPU time (what one "
                + "core does, even on a busy machine), and the wall-clock figure beside it.",
                "Any readable format: WAV, AIFF, FLAC, MP3, Ogg Vorbis. The README's figure uses a 3-minute "
                        + "stereo FLAC and MP3 made from a song's reference mix (audio-assets/README.md says how)."})
public final class BenchDecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to decode.")
    List<Path> files;

    @Option(names = "--rate", defaultValue = "48000", paramLabel = "HZ", description = "Resample to this rate (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Measured decodes per file after a warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100 || rate < 8000 || rate > 384000) {
            throw new UserInputException("bench decode: need 1-100 runs and a rate of 8000-384000 Hz");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "decode to float and resample to %d Hz, 1 thread, Java %s, %d core(s) present%n",
                rate, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (Path file : files) {
            AudioInfo info = AudioFiles.info(file);
            AudioClip warm = AudioFiles.read(file, rate);
            double seconds = warm.seconds();
            List<Double> speeds = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
            for (int r = 0; r < runs; r++) {
                long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                AudioClip clip = AudioFiles.read(file, rate);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                double cpu = cpuClock ? (threads.getCurrentThreadCpuTime() - c0) / 1e9 : elapsed;
                if (clip.frames() != warm.frames()) {
                    throw new IllegalStateException("decoding " + file + " gave different lengths");
                }
                speeds.add(seconds / cpu);
                wall.add(seconds / elapsed);
            }
            double median = median(speeds);
            out.printf(Locale.ROOT, "%s (%s, %.1f s): %.0f x realtime on one core (median of %d, CPU time of the "
                            + "decoding thread; passes %s; wall clock median %.0f x)%n", file,
                    info.describe(), info.seconds(), median, runs,
                    speeds.stream().map(s -> String.format(Locale.ROOT, "%.0f", s)).toList(), median(wall));
        }
        return ExitCodes.OK;
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
