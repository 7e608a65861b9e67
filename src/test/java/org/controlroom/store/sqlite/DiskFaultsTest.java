package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Learner;
import org.controlroom.store.StoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only disk, on a small tmpfs mounted for the test (skipped, with the reason, where
 * the test cannot mount one).
 */
class DiskFaultsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void needsAScratchDisk() {
        String why = ScratchDisk.unavailableReason(dir.resolve("probe"));
        assumeTrue(why.isEmpty(), why);
    }

    private static AnswerRecord bigAnswer(int step) {
        return new AnswerRecord(step, "{\"question\":\"" + "q".repeat(600) + "\"}", "{\"answer\":1000.0}",
                java.util.Optional.of(true), java.util.Optional.of(0.0), java.util.Optional.of("octaves"), 1200, 1, 1, 10,
                10, StoreTestSupport.CLOCK.instant());
    }

    private static void assertDiskFull(Throwable e) {
        assertThat(e).isInstanceOf(StoreException.class);
        assertThat(e.getMessage()).startsWith("the disk is full").contains("free some space")
                .doesNotContain("SQLITE_").doesNotContain("FOREIGN KEY");
    }

    @Test
    void aFullDiskSaysSoAndEveryAnswerConfirmedBeforeIsThereAfterSpaceIsFreed() throws Exception {
        try (ScratchDisk disk = ScratchDisk.mount(dir.resolve("disk"), "512k")) {
            Path db = disk.path().resolve("cr.db");
            List<Integer> confirmed = new ArrayList<>();
            long attempt = -1;
            Path filler = disk.path().resolve("filler");
            Throwable failure = null;
            try (SqliteStore store = StoreTestSupport.open(db)) {
                Learner ana = store.learners().add("Ana");
                attempt = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
                for (int i = 1; i <= 3; i++) {
                    store.attempts().recordAnswer(attempt, bigAnswer(i));
                    confirmed.add(i);
                }
                filler = disk.fill();
                for (int i = 4; i < 5000 && failure == null; i++) {
                    try {
                        store.attempts().recordAnswer(attempt, bigAnswer(i));
                        confirmed.add(i);
                    } catch (StoreException e) {
                        failure = e;
                    }
                }
                assertThat(failure).as("the full disk was noticed").isNotNull();
                assertDiskFull(failure);
                Throwable startFailure = null;
                try {
                    long next = store.attempts().start(ana.id(), "eq-1", "eq-1.yaml", StoreTestSupport.HASH, 2, Instant.EPOCH);
                    // if SQLite still had room in its log, the attempt must really be there: answers go in
                    store.attempts().recordAnswer(next, bigAnswer(1));
                } catch (StoreException e) {
                    startFailure = e;
                }
                if (startFailure != null) {
                    assertDiskFull(startFailure);
                }
            } catch (StoreException closing) {
                assertDiskFull(closing); // the final checkpoint may not fit either: the log keeps the data
            }
            Files.delete(filler);
            try (SqliteStore store = StoreTestSupport.open(db)) {
                assertThat(store.notices()).as("nothing was set aside").isEmpty();
                assertThat(store.attempts().answers(attempt)).extracting(AnswerRecord::step)
                        .containsExactlyElementsOf(confirmed);
                assertThat(store.learners().findByName("Ana")).isPresent();
                store.attempts().recordAnswer(attempt, bigAnswer(9999));
            }
        }
    }

    @Test
    void startingAnAttemptOnAFullDiskFailsBeforeAnyAnswerCanBeGiven() throws Exception {
        try (ScratchDisk disk = ScratchDisk.mount(dir.resolve("disk"), "256k")) {
            Path db = disk.path().resolve("cr.db");
            try (SqliteStore store = StoreTestSupport.open(db)) {
                Learner ana = store.learners().add("Ana");
                disk.fill();
                List<Long> started = new ArrayList<>();
                Throwable failure = null;
                for (int i = 0; i < 5000 && failure == null; i++) {
                    try {
                        started.add(store.attempts().start(ana.id(), "eq-" + i + "-" + "x".repeat(300), "eq.yaml",
                                StoreTestSupport.HASH, i, Instant.EPOCH));
                    } catch (StoreException e) {
                        failure = e;
                    }
                }
                assertThat(failure).isNotNull();
                assertDiskFull(failure);
                // every id handed out is a stored attempt
                long stored = store.database().call("count", c -> {
                    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM attempts")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertThat(stored).isEqualTo(started.size());
            } catch (StoreException closing) {
                assertDiskFull(closing);
            }
        }
    }

    @Test
    void addingALearnerOrOpeningANewDatabaseOnAFullDiskSaysTheDiskIsFull() throws Exception {
        try (ScratchDisk disk = ScratchDisk.mount(dir.resolve("disk"), "256k")) {
            Path filler = disk.fill();
            Path db = disk.path().resolve("new.db");
            assertThatThrownBy(() -> StoreTestSupport.open(db).close()).satisfies(DiskFaultsTest::assertDiskFull);
            Files.delete(filler);
            try (SqliteStore store = StoreTestSupport.open(db)) {
                store.learners().add("Ana");
                disk.fill();
                Throwable failure = null;
                for (int i = 0; i < 2000 && failure == null; i++) {
                    try {
                        store.learners().add("Learner " + i + " " + "x".repeat(60));
                    } catch (StoreException e) {
                        failure = e;
                    }
                }
                assertThat(failure).isNotNull();
                assertDiskFull(failure);
                assertThat(store.learners().findByName("Ana")).isPresent();
            } catch (StoreException closing) {
                assertDiskFull(closing);
            }
        }
    }

    @Test
    void aDatabaseOnAReadOnlyDiskIsRefusedWithoutLeavingFilesBehind() throws Exception {
        try (ScratchDisk disk = ScratchDisk.mount(dir.resolve("disk"), "1m")) {
            Path db = disk.path().resolve("cr.db");
            try (SqliteStore store = StoreTestSupport.open(db)) {
                store.learners().add("Ana");
            }
            disk.remountReadOnly();
            assertThatThrownBy(() -> StoreTestSupport.open(db)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("read-only").hasMessageContaining(db.toString())
                    .hasMessageContaining("Nothing was changed");
            disk.remountWritable();
            try (Stream<Path> files = Files.list(disk.path())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cr.db");
            }
            try (SqliteStore store = StoreTestSupport.open(db)) {
                store.learners().add("Ben");
                assertThat(store.learners().list()).extracting(Learner::name).containsExactly("Ana", "Ben");
            }
        }
    }

    @Test
    void aReadOnlyFolderForANewDatabaseIsReportedAsAFolder() throws Exception {
        try (ScratchDisk disk = ScratchDisk.mount(dir.resolve("disk"), "1m")) {
            Files.createDirectories(disk.path().resolve("data"));
            disk.remountReadOnly();
            Path db = disk.path().resolve("data").resolve("cr.db");
            assertThatThrownBy(() -> StoreTestSupport.open(db)).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("the folder " + db.getParent() + " that holds the learner database is read-only")
                    .hasMessageNotContaining("database file");
            Path deeper = disk.path().resolve("data").resolve("new-folder").resolve("cr.db");
            assertThatThrownBy(() -> StoreTestSupport.open(deeper)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot create the folder " + deeper.getParent())
                    .hasMessageContaining("read-only");
        }
    }
}
