package org.controlroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench store}: how long committing one answer takes (each its own transaction, as in a lesson),
 * and how long the progress query takes over a large history. Runs on a temporary database.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Times committing answers one by one and the progress query over many answers.")
public final class BenchStoreCommand implements Callable<Integer> {

    /** The content hash the benchmark's made-up lessons are stored with. */
    private static final String BENCH_HASH = "bench";

    @Spec
    CommandSpec spec;

    @Option(names = "--answers", defaultValue = "2000", paramLabel = "N", description = "Answers committed one by one (default ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--history", defaultValue = "100000", paramLabel = "N", description = "Answers in the history the progress query reads (default ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--queries", defaultValue = "20", paramLabel = "N", description = "Progress queries timed (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the temporary database (default: the system temp folder).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (commits < 1 || history < commits || queries < 1) {
            throw new UserInputException("bench store: --answers and --queries must be at least 1 and --history at least --answers");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = dir == null ? Files.createTempDirectory("control-room-bench") : Files.createTempDirectory(dir, "bench");
        Path db = tmp.resolve("bench.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            Learner learner = store.learners().add("bench");
            long attempt = store.attempts().start(learner.id(), "bench", "bench.yaml", BENCH_HASH, 1,
                    Instant.now());
            for (int i = 0; i < 50; i++) {
                store.attempts().recordAnswer(attempt, answer(i));
            }
            double[] commitMs = new double[commits];
            for (int i = 0; i < commits; i++) {
                long t0 = System.nanoTime();
                store.attempts().recordAnswer(attempt, answer(i));
                commitMs[i] = (System.nanoTime() - t0) / 1e6;
            }
            out.printf(Locale.ROOT, "commit one answer: p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d commits (target p99 <= 5 ms)%n",
                    pct(commitMs, 50), pct(commitMs, 99), pct(commitMs, 100), commits);
            out.flush();

            int have = commits + 50;
            int perAttempt = 20;
            List<AnswerRecord> batch = new ArrayList<>();
            while (have < history) {
                long a = store.attempts().start(learner.id(), "bench-" + (have % 40), "bench.yaml", BENCH_HASH, have,
                        Instant.now());
                batch.clear();
                for (int i = 0; i < perAttempt && have < history; i++, have++) {
                    batch.add(answer(have));
                }
                store.attempts().recordAnswers(a, batch);
                store.attempts().finish(a, have % 100, have % 3 == 0, "[]", 0, Instant.now());
            }
            Map<String, Set<String>> benchLessons = new HashMap<>();
            benchLessons.put("bench", Set.of(BENCH_HASH));
            for (int i = 0; i < 40; i++) {
                benchLessons.put("bench-" + i, Set.of(BENCH_HASH));
            }
            LessonHashes catalogue = new LessonHashes(benchLessons);
            double[] queryMs = new double[queries];
            long answers = 0;
            for (int i = 0; i < queries + 2; i++) {
                long t0 = System.nanoTime();
                answers = store.progress().progress(learner, catalogue).answers();
                if (i >= 2) {
                    queryMs[i - 2] = (System.nanoTime() - t0) / 1e6;
                }
            }
            out.printf(Locale.ROOT, "progress query over %d answers: p50 %.1f ms, p99 %.1f ms over %d queries (target <= 100 ms)%n",
                    answers, pct(queryMs, 50), pct(queryMs, 99), queries);
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
        return ExitCodes.OK;
    }

    private static AnswerRecord answer(int i) {
        boolean right = i % 3 != 0;
        return new AnswerRecord(1 + i % 10, "{\"exercise\":\"eq-frequency\",\"answer\":1000.0,\"gain_db\":12.0}",
                "{\"answer\":" + (right ? 1000.0 : 2000.0) + "}", Optional.of(right), Optional.of(right ? 0.0 : 1.0),
                Optional.of(i % 2 == 0 ? "octaves" : "dB"), 1200 + i % 5000, 1 + i % 3, 1 + i % 4, right ? 10 : 5, 10,
                Instant.now());
    }

    /** The p-th percentile (nearest rank). */
    static double pct(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }
}
