package org.controlroom.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.controlroom.analysis.take.SungNote;
import org.controlroom.analysis.take.TakeAnalysis;
import org.controlroom.analysis.take.TakeReport;
import org.controlroom.analysis.take.TakeSynth;
import org.controlroom.dsp.AudioClip;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench analyze-take}: times take analysis of a generated mono vocal (a sung line of notes with
 * vibrato and consonants, 3 minutes by default) on one thread and prints how many times faster than
 * real time it runs.
 */
@Command(name = "analyze-take", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times take analysis (pitch, onsets, notes, clipping, noise floor, timing) of a generated mono vocal "
                + "at 44.1 kHz on one thread; prints \"<n> x realtime\": audio seconds per second of the thread's CPU time, "
                + "and the wall-clock figure beside it."})
public final class BenchAnalyzeTakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "180", paramLabel = "S", description = "Length of the vocal (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Measured runs after a warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        if (runs < 1 || runs > 100 || !(seconds >= 5 && seconds <= 1200)) {
            throw new UserInputException("bench analyze-take: need 1-100 runs and 5-1200 seconds");
        }
        double rate = 44100;
        List<SungNote> notes = new ArrayList<>();
        int[] line = {64, 67, 69, 67, 64, 62, 60, 62};
        double beat = 60 / 100.0;
        for (int i = 0; (i + 1) * beat < seconds - 1; i++) {
            if (i % 8 == 7) {
                continue;
            }
            notes.add(new SungNote(0.5 + i * beat, i % 4 == 3 ? 1.4 * beat : 0.85 * beat, line[i % line.length]));
        }
        float[] x = new TakeSynth(rate, 440).render(notes, seconds, TakeSynth.Voice.VOICE, List.of(), 1);
        AudioClip clip = AudioClip.ofChannels(rate, x);
        TakeAnalysis analysis = new TakeAnalysis(new TakeAnalysis.Settings(440, OptionalDouble.of(100), List.of()));
        TakeReport warm = analysis.analyse(clip);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        List<Double> speeds = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            TakeReport rep = analysis.analyse(clip);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuClock ? (threads.getCurrentThreadCpuTime() - c0) / 1e9 : elapsed;
            if (rep.notes().size() != warm.notes().size()) {
                throw new IllegalStateException("take analysis gave different results on the same audio");
            }
            speeds.add(seconds / cpu);
            wall.add(seconds / elapsed);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "analyze take: %.0f s mono vocal at 44.1 kHz (%d notes sung, %d found), 1 thread, Java %s, %d core(s)"
                        + " present%n", seconds, notes.size(), warm.notes().size(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%.0f x realtime on one core (median of %d, CPU time of the thread; passes %s; wall clock median %.0f x)%n",
                median(speeds), runs, speeds.stream().map(s -> String.format(Locale.ROOT, "%.0f", s)).toList(), median(wall));
        return ExitCodes.OK;
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
