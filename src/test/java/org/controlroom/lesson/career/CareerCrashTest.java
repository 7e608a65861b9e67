package org.controlroom.lesson.career;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.controlroom.store.CareerAction;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the app mid-career loses no state: a child JVM advances a career week after week against a
 * database and is killed ({@code destroyForcibly}); reopened, the log holds every week the child said was
 * committed, and the state is the replay of that log, consistent (cash = start + ledger, seq 1..n).
 */
class CareerCrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledProcessLosesNoCommittedWeekAndTheStateIsTheReplayOfTheLog() throws Exception {
        Path db = dir.resolve("cr.db");
        Path lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toAbsolutePath();
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ana");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CareerWeekLoopMain.class.getName(), db.toString(),
                lessons.toString()).redirectErrorStream(true).start();
        int lastSaid = -1;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("week ")) {
                    lastSaid = Integer.parseInt(line.substring(5).trim());
                    if (lastSaid >= 12) {
                        child.destroyForcibly();   // mid-career, with the next week being written
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastSaid).as(seen.toString()).isGreaterThanOrEqualTo(12);

        CareerEconomy economy = SimulatedLearner.ECONOMY;
        try (LearnerStore store = LearnerStore.open(db)) {
            Learner ana = store.learners().findByName("Ana").orElseThrow();
            List<CareerAction> log = store.careers().actions(ana.id());
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.get(i).seq()).isEqualTo(i + 1);
            }
            CareerState replayed = CareerSimulation.replay(economy, CareerService.events(log));
            assertThat(replayed.week()).as("every week said committed is kept").isGreaterThanOrEqualTo(lastSaid)
                    .isLessThanOrEqualTo(lastSaid + 1);
            CareerService careers = new CareerService(store, economy, Clock.systemUTC());
            CareerState reopened = careers.replayed(ana.id()).orElseThrow();
            assertThat(reopened).isEqualTo(replayed);
            long ledger = reopened.ledger().stream().mapToLong(LedgerEntry::amountPence).sum();
            assertThat(reopened.cashPence()).isEqualTo(economy.figures().startCashPence() + ledger);
            assertThat(reopened.jobs()).isNotEmpty();
            // and the career goes on from there
            CareerState next = careers.week(ana.id());
            assertThat(next.week()).isEqualTo(reopened.week() + 1);
        }
    }
}
