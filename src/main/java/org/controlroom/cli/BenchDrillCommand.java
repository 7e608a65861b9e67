package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench drill}: how long the next drill question takes to be ready to play: its excerpt cut
 * from the song (decoded once per attempt, timed apart), B processed (a bell EQ band, a compressor, a
 * level step), both faded, and both measured for loudness matching (BS.1770 integrated loudness of A
 * and B). Prints the median, 95th percentile and worst of many questions, in the thread's CPU time
 * (what one core does, even on a busy machine) and in wall-clock time.
 */
@Command(name = "drill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times making the next drill question ready: excerpt of --seconds from a song, B processed, A and B"
                + " measured for loudness matching. Prints p50, p95 and max in ms; the song's decode (once per"
                + " attempt) is timed apart."})
public final class BenchDrillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--song", defaultValue = "audio-assets/songs/night-bus/mix.ogg", paramLabel = "FILE",
            description = "The song the excerpts come from (default ${DEFAULT-VALUE}).")
    Path song;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S", description = "Excerpt length (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--questions", defaultValue = "60", paramLabel = "N", description = "Questions timed after a warm-up (default ${DEFAULT-VALUE}).")
    int questions;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(song)) {
            throw new UserInputException("bench drill: no song at " + song + " (give one with --song FILE)");
        }
        if (questions < 5 || questions > 10000 || !(seconds >= 1 && seconds <= 30)) {
            throw new UserInputException("bench drill: need 5-10000 questions and an excerpt of 1-30 s");
        }
        PrintWriter out = spec.commandLine().getOut();
        AssetSource source = new AssetSource(song.toString(), song.toAbsolutePath());
        List<DrillSection> drills = List.of(
                drill(DrillExercise.EQ_FREQUENCY, source),
                drill(DrillExercise.COMPRESSION, source),
                drill(DrillExercise.LEVEL, source));
        long t0 = System.nanoTime();
        double songSeconds = DrillAudio.sourceSeconds(drills.get(0));
        List<DrillAudio> audio = new ArrayList<>();
        for (DrillSection d : drills) {
            audio.add(new DrillAudio(d, 1));
        }
        audio.get(0).render(question(drills.get(0), 1, 0, new SplittableRandom(1)));   // decodes the song
        double decodeMs = (System.nanoTime() - t0) / 1e6;
        for (int i = 1; i < audio.size(); i++) {
            audio.get(i).render(question(drills.get(i), 1, 0, new SplittableRandom(1)));
        }
        SplittableRandom random = new SplittableRandom(7);
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = 0;
        // a warm JVM, as in a session after its first questions: 20 warm-up questions of each exercise, so the
        // compressor's path is compiled before timing (with 10 in all, its first questions ran interpreted)
        for (int n = -WARM_UP; n < questions; n++) {
            int k = Math.floorMod(n, drills.size());
            double start = Math.floor(random.nextDouble() * Math.max(0, songSeconds - seconds) * 10) / 10;
            DrillQuestion q = question(drills.get(k), n + 20, start, random);
            long c = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            DrillAudio.Pair p = audio.get(k).render(q);
            sink += LoudnessMeter.integratedLufs(p.a()) + LoudnessMeter.integratedLufs(p.b());
            double took = (System.nanoTime() - a) / 1e6;
            double tookCpu = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            if (n >= 0) {
                ms.add(took);
                cpu.add(tookCpu);
            }
        }
        List<Double> sorted = ms.stream().sorted().toList();
        out.printf(Locale.ROOT, "drill: next question ready (%.0f s excerpt of %s, B processed, A and B loudness-measured),"
                + " %d questions after %d warm-up ones, Java %s, %d core(s) present%n", seconds, song.getFileName(), ms.size(), WARM_UP,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        List<Double> sortedCpu = cpu.stream().sorted().toList();
        out.printf(Locale.ROOT, "  thread CPU: p50 %.1f ms   p95 %.1f ms   max %.1f ms%n", percentile(sortedCpu, 50),
                percentile(sortedCpu, 95), sortedCpu.get(sortedCpu.size() - 1));
        out.printf(Locale.ROOT, "  wall clock: p50 %.1f ms   p95 %.1f ms   max %.1f ms   (song decoded once per attempt: %.0f ms)%n",
                percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), decodeMs);
        if (!Double.isFinite(sink)) {
            out.println("  (a question measured silent)");
        }
        return ExitCodes.OK;
    }

    private static final int WARM_UP = 60;

    private static DrillSection drill(DrillExercise e, AssetSource source) {
        return new DrillSection(e, source, 10, 10, List.of(125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0), 9, 1.4,
                Optional.of(1000.0), -24, 0, 5, 8);
    }

    private DrillQuestion question(DrillSection d, int number, double start, SplittableRandom random) {
        double answer = switch (d.exercise()) {
            case EQ_FREQUENCY -> d.choices().get(random.nextInt(d.choices().size()));
            case COMPRESSION -> 2 + random.nextInt(6);
            default -> -6 + random.nextInt(13);
        };
        return new DrillQuestion(number, d.exercise(), answer, 9, 1.4, 1000, -24, start, seconds);
    }

    static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
