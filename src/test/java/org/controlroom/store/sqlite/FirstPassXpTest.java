package org.controlroom.store.sqlite;

import org.controlroom.store.testing.StoreTest;
import org.controlroom.store.testing.Backend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "The first pass earns the XP" holds when several processes pass at the same moment. */
class FirstPassXpTest {

    @TempDir
    Path dir;

    /** One child JVM per {learner, lesson}; all wait at the go file, then finish their pass at once. */
    private List<String> passAtOnce(Backend b, List<String[]> learnerAndLesson, int xp) throws Exception {
        Path go = dir.resolve("go");
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        try {
            for (String[] ll : learnerAndLesson) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), FirstPassMain.class.getName(), b.dbArgument(), ll[0], ll[1],
                        Integer.toString(xp), go.toString()).redirectErrorStream(true).start();
                children.add(p);
                outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader out : outs) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null && !line.equals("ready")) {
                    seen.append(line).append('\n');
                }
                assertThat(line).as("child started its attempt: " + seen).isEqualTo("ready");
            }
            Files.createFile(go);
            List<String> results = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                StringBuilder rest = new StringBuilder();
                String line;
                while ((line = outs.get(i).readLine()) != null) {
                    rest.append(line).append('\n');
                }
                assertThat(children.get(i).exitValue()).as(rest.toString()).isZero();
                results.add(rest.toString().strip());
            }
            return results;
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    @StoreTest
    void threeProcessesPassingALessonForTheFirstTimeAtOnceEarnItsXpOnce(Backend b) throws Exception {
        Learner ana;
        try (LearnerStore store = b.open()) {
            ana = store.learners().add("Ana");
        }
        List<String> results = passAtOnce(b, List.of(new String[] {"Ana", "eq-1"}, new String[] {"Ana", "eq-1"},
                new String[] {"Ana", "eq-1"}), 25);
        assertThat(results).containsExactlyInAnyOrder("awarded 25", "awarded 0", "awarded 0");
        try (LearnerStore store = b.open()) {
            var p = store.progress().progress(ana, StoreTestSupport.catalogue("eq-1"));
            assertThat(p.xp()).isEqualTo(25);
            assertThat(p.lessons()).singleElement().satisfies(r -> {
                assertThat(r.passed()).isTrue();
                assertThat(r.attempts()).as("every attempt is still counted").isEqualTo(3);
            });
        }
    }

    @StoreTest
    void differentLessonsOrLearnersPassedAtOnceEachEarnTheirXp(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            store.learners().add("Ana");
            store.learners().add("Ben");
        }
        List<String> results = passAtOnce(b, List.of(new String[] {"Ana", "eq-1"}, new String[] {"Ana", "eq-2"},
                new String[] {"Ben", "eq-1"}), 25);
        assertThat(results).containsOnly("awarded 25");
        try (LearnerStore store = b.open()) {
            var catalogue = StoreTestSupport.catalogue("eq-1", "eq-2");
            assertThat(store.progress().progress(store.learners().findByName("Ana").orElseThrow(), catalogue).xp())
                    .isEqualTo(50);
            assertThat(store.progress().progress(store.learners().findByName("Ben").orElseThrow(), catalogue).xp())
                    .isEqualTo(25);
        }
    }

    @StoreTest
    void passingAgainLaterEarnsNothingMore(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            long first = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            assertThat(store.attempts().finish(first, 80, true, "[]", 25, Instant.EPOCH)).isEqualTo(25);
            long failed = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 2, Instant.EPOCH);
            assertThat(store.attempts().finish(failed, 10, false, "[]", 25, Instant.EPOCH)).isZero();
            long again = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 3, Instant.EPOCH);
            // even a caller that offers the XP again (it read the progress before the first pass) gets none
            assertThat(store.attempts().finish(again, 95, true, "[]", 25, Instant.EPOCH)).isZero();
            var p = store.progress().progress(ana, StoreTestSupport.catalogue("eq-1"));
            assertThat(p.xp()).isEqualTo(25);
            assertThat(p.lessons()).singleElement().satisfies(r -> assertThat(r.bestScore()).isEqualTo(95));
        }
    }

    @StoreTest
    void theSchemaItselfRefusesASecondAwardForTheSameLessonContent(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            long a = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            store.attempts().finish(a, 80, true, "[]", 25, Instant.EPOCH);
        }
        try (Connection c = b.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO xp_awards (learner_id, lesson_id, lesson_hash, xp, awarded_at)"
                    + " VALUES (1, 'eq-1', '" + StoreTestSupport.HASH + "', 25, 'x')"))
                    .isInstanceOf(SQLException.class).satisfies(e -> assertThat(e.getMessage())
                            .containsAnyOf("UNIQUE", "duplicate key"));
        }
    }
}
