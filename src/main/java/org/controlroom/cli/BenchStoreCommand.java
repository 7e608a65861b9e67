package org.controlroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.controlroom.lesson.tutor.Gradebook;
import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.AnswerRecord;
import org.controlroom.store.DataLocation;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.StoreLocation;
import org.controlroom.store.TutorClass;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench store}: how long committing one answer takes (each its own transaction, as in a lesson),
 * the progress query over a large history, and the tutor's gradebook of a class (learners × assignments)
 * over many answers. Runs on a temporary SQLite file, or on the database {@code --db} names (a new file,
 * or an empty database or schema on a PostgreSQL server: it writes hundreds of thousands of rows).
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Times committing answers one by one, the progress query and the gradebook over many answers.")
public final class BenchStoreCommand implements Callable<Integer> {

    /** The content hash the benchmark's made-up lessons are stored with. */
    private static final String BENCH_HASH = "bench";

    @Spec
    CommandSpec spec;

    @Option(names = "--answers", defaultValue = "2000", paramLabel = "N", description = "Answers committed one by one (default ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--history", defaultValue = "100000", paramLabel = "N", description = "Answers in the history the progress query reads (default ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--queries", defaultValue = "20", paramLabel = "N", description = "Progress and gradebook queries timed (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--learners", defaultValue = "30", paramLabel = "N", description = "Learners in the gradebook's class (default ${DEFAULT-VALUE}).")
    int learners;

    @Option(names = "--assignments", defaultValue = "20", paramLabel = "N", description = "Assignments in the gradebook (default ${DEFAULT-VALUE}).")
    int assignments;

    @Option(names = "--gradebook-answers", defaultValue = "200000", paramLabel = "N", description = "Answers behind the gradebook (default ${DEFAULT-VALUE}; 0 skips it).")
    int gradebookAnswers;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the temporary database (default: the system temp folder).")
    Path dir;

    @Option(names = "--db", paramLabel = "PATH|URL", description = "Benchmark this database instead: a new file, or an empty"
            + " PostgreSQL database or schema (postgresql://ROLE@HOST:PORT/DATABASE[?currentSchema=S]; password from"
            + " PGPASSWORD or ~/.pgpass).")
    String db;

    @Override
    public Integer call() throws IOException {
        if (commits < 1 || history < commits || queries < 1 || learners < 1 || assignments < 1 || gradebookAnswers < 0) {
            throw new UserInputException("bench store: --answers, --queries, --learners and --assignments must be at least 1,"
                    + " --history at least --answers, --gradebook-answers at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = null;
        StoreLocation location;
        if (db == null) {
            tmp = dir == null ? Files.createTempDirectory("control-room-bench") : Files.createTempDirectory(dir, "bench");
            location = new StoreLocation.File(tmp.resolve("bench.db"));
        } else {
            location = DataLocation.locate(Optional.of(db));
        }
        try (LearnerStore store = LearnerStore.open(location)) {
            if (!store.learners().list().isEmpty()) {
                throw new UserInputException("bench store: " + store.where() + " has learners; the benchmark writes"
                        + " hundreds of thousands of rows, so give it a new file or an empty database or schema");
            }
            out.printf(Locale.ROOT, "bench store on %s (%s)%n", store.where(),
                    location instanceof StoreLocation.Server ? "PostgreSQL server" : "SQLite file");
            commitsAndProgress(store, out);
            if (gradebookAnswers > 0) {
                gradebook(store, out);
            }
        } finally {
            if (tmp != null) {
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(tmp);
            }
        }
        return ExitCodes.OK;
    }

    private void commitsAndProgress(LearnerStore store, PrintWriter out) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Learner learner = store.learners().add("bench");
        long attempt = store.attempts().start(learner.id(), "bench", "bench.yaml", BENCH_HASH, 1, Instant.now());
        for (int i = 0; i < 50; i++) {
            store.attempts().recordAnswer(attempt, answer(i));
        }
        double[] commitMs = new double[commits];
        long cpu0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < commits; i++) {
            long t0 = System.nanoTime();
            store.attempts().recordAnswer(attempt, answer(i));
            commitMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpuPerCommit = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6 / commits;
        out.printf(Locale.ROOT, "commit one answer: p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d commits"
                        + " (this process's CPU %.3f ms each; target p99 <= 10 ms)%n",
                pct(commitMs, 50), pct(commitMs, 99), pct(commitMs, 100), commits, cpuPerCommit);
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
        out.flush();
    }

    /**
     * A class of {@code learners} with {@code assignments} assignments (a lesson each), and
     * {@code gradebookAnswers} answers spread over 10 attempts per learner and lesson; then the gradebook of
     * the class as the tutor's screen and {@code gradebook} compute it.
     */
    private void gradebook(LearnerStore store, PrintWriter out) {
        Instant t0 = Instant.parse("2026-09-01T08:00:00Z");
        TutorClass k = store.classes().add("bench class");
        List<Learner> members = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            Learner l = store.learners().add("bench learner " + (i + 1));
            store.classes().addLearner(k.id(), l.id());
            members.add(l);
        }
        Map<String, Set<String>> lessons = new HashMap<>();
        for (int j = 0; j < assignments; j++) {
            String lesson = "grade-" + j;
            lessons.put(lesson, Set.of(BENCH_HASH));
            store.assignments().assignToClass(k.id(), List.of(lesson), t0.plusSeconds(86_400L * (j + 7)),
                    OptionalDouble.of(60), t0);
        }
        int attemptsPerCell = 10;
        int cells = learners * assignments;
        long written = 0;
        List<AnswerRecord> batch = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            Learner l = members.get(c % learners);
            String lesson = "grade-" + (c / learners);
            for (int n = 0; n < attemptsPerCell; n++) {
                long target = (long) gradebookAnswers * (c * attemptsPerCell + n + 1) / ((long) cells * attemptsPerCell);
                Instant start = t0.plusSeconds(3600L * (c % 97) + 60L * n);
                long a = store.attempts().start(l.id(), lesson, lesson + ".yaml", BENCH_HASH, n, start);
                batch.clear();
                while (written < target) {
                    batch.add(answer((int) written++));
                }
                if (!batch.isEmpty()) {
                    store.attempts().recordAnswers(a, batch);
                }
                store.attempts().finish(a, (c * 7 + n * 13) % 100, (c * 7 + n * 13) % 100 >= 60, "[]", 0,
                        start.plusSeconds(300));
            }
        }
        TutorDesk desk = new TutorDesk(store, Clock.fixed(t0.plusSeconds(86_400L * 60), java.time.ZoneOffset.UTC));
        LessonHashes catalogue = new LessonHashes(lessons);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] ms = new double[queries];
        double[] cpuMs = new double[queries];
        Gradebook g = null;
        for (int i = 0; i < queries + 2; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            g = desk.gradebook(Optional.of(k.name()), catalogue);
            if (i >= 2) {
                ms[i - 2] = (System.nanoTime() - w0) / 1e6;
                cpuMs[i - 2] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        long attempts = g.cells().stream().mapToLong(cell -> cell.attempts()).sum();
        out.printf(Locale.ROOT, "gradebook of %d learners x %d assignments (%d cells, %d attempts) over %d answers:"
                        + " p50 %.1f ms, p99 %.1f ms over %d queries (this process's CPU p50 %.1f ms; target <= 300 ms)%n",
                g.learners().size(), g.assignments().size(), g.cells().size(), attempts, written, pct(ms, 50),
                pct(ms, 99), queries, pct(cpuMs, 50));
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
