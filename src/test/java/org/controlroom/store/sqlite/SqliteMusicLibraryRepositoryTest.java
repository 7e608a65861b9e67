package org.controlroom.store.sqlite;

import org.controlroom.store.testing.StoreTest;
import org.controlroom.store.testing.Backend;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMusicLibraryRepositoryTest {

    @TempDir
    Path dir;

    @StoreTest
    void theLearnersMusicIsThereAfterTheAppIsClosedAndOpenedAgainInTheOrderAdded(Backend b) throws Exception {
        Path songs = dir.resolve("Songs");
        Path one = dir.resolve("elsewhere/one.flac");
        Path two = dir.resolve("elsewhere/Two — ünïcode 'quoted'.mp3");
        long ana;
        try (LearnerStore store = b.open()) {
            ana = store.learners().add("Ana").id();
            assertThat(store.music().add(ana, songs)).isTrue();
            assertThat(store.music().add(ana, two)).isTrue();
            assertThat(store.music().add(ana, one)).isTrue();
            assertThat(b.count("SELECT COUNT(*) FROM music_library"))
                    .as("committed the moment it returns").isEqualTo(3);
        }
        try (LearnerStore store = b.open()) {
            assertThat(store.music().list(ana)).containsExactly(songs, two, one);
        }
    }

    @StoreTest
    void aPathIsKeptAsGivenMadeAbsoluteEvenWhenNothingIsThere(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            long ana = store.learners().add("Ana").id();
            store.music().add(ana, Path.of("relative/song.wav"));
            assertThat(store.music().list(ana)).containsExactly(Path.of("relative/song.wav").toAbsolutePath());
            assertThat(store.music().list(ana)).allSatisfy(p -> assertThat(p).isAbsolute());
        }
    }

    @StoreTest
    void musicIsKeptPerLearner(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            long ana = store.learners().add("Ana").id();
            long ben = store.learners().add("Ben").id();
            store.music().add(ana, dir.resolve("ana.wav"));
            store.music().add(ben, dir.resolve("ben.wav"));
            store.music().add(ben, dir.resolve("ana.wav"));
            assertThat(store.music().list(ana)).containsExactly(dir.resolve("ana.wav"));
            assertThat(store.music().list(ben)).containsExactly(dir.resolve("ben.wav"), dir.resolve("ana.wav"));
            store.music().remove(ben, dir.resolve("ana.wav"));
            assertThat(store.music().list(ana)).as("Ben removing his copy leaves Ana's").containsExactly(dir.resolve("ana.wav"));
            assertThat(store.music().list(999)).isEmpty();
        }
    }

    @StoreTest
    void addingAPathTwiceKeepsOneInItsFirstPlace(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            long ana = store.learners().add("Ana").id();
            store.music().add(ana, dir.resolve("a.wav"));
            store.music().add(ana, dir.resolve("b.wav"));
            assertThat(store.music().add(ana, dir.resolve("a.wav"))).isFalse();
            assertThat(store.music().list(ana)).containsExactly(dir.resolve("a.wav"), dir.resolve("b.wav"));
        }
        assertThat(b.count("SELECT COUNT(*) FROM music_library")).isEqualTo(2);
    }

    @StoreTest
    void removeForgetsOnePathAndRemovingWhatIsNotThereIsNoError(Backend b) throws Exception {
        long ana;
        try (LearnerStore store = b.open()) {
            ana = store.learners().add("Ana").id();
            store.music().add(ana, dir.resolve("a.wav"));
            store.music().add(ana, dir.resolve("Songs"));
            assertThat(store.music().remove(ana, dir.resolve("a.wav"))).isTrue();
            assertThat(store.music().remove(ana, dir.resolve("a.wav"))).isFalse();
            assertThat(store.music().remove(ana, dir.resolve("never-added"))).isFalse();
        }
        try (LearnerStore store = b.open()) {
            assertThat(store.music().list(ana)).containsExactly(dir.resolve("Songs"));
        }
    }

    @Test
    void aDatabaseFromBeforeMyMusicIsUpgradedWithAnEmptyLibrary() throws Exception {
        Path db = dir.resolve("cr.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            SqliteDatabase.migrate(c, 0, 4);
            s.execute("INSERT INTO learners (id, name, created_at) VALUES (1, 'Ana', '2025-01-01T00:00:00Z')");
        }
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.database().schemaVersion()).isEqualTo(org.controlroom.store.jdbc.Schema.latest());
            assertThat(store.music().list(1)).isEmpty();
            store.music().add(1, dir.resolve("a.wav"));
            assertThat(store.music().list(1)).containsExactly(dir.resolve("a.wav"));
        }
    }

    @Test
    void aLearnersMusicGoesWithTheLearner() throws Exception {
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = StoreTestSupport.open(db)) {
            long ana = store.learners().add("Ana").id();
            store.music().add(ana, dir.resolve("a.wav"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("DELETE FROM learners");
        }
        assertThat(StoreFaultsTest.count(db, "SELECT COUNT(*) FROM music_library")).isZero();
    }
}
