package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LessonResult;
import org.controlroom.store.StoreException;
import org.controlroom.store.DataLocation;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.testing.Backend;
import org.controlroom.store.testing.StoreTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerStoreTest {

    @TempDir
    Path dir;

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aNewDatabaseIsAtTheLatestSchemaInWalModeWithForeignKeys() throws Exception {
        Path db = dir.resolve("sub/folder/cr.db");
        try (SqliteStore store = StoreTestSupport.open(db)) {
            assertThat(store.database().schemaVersion()).isEqualTo(org.controlroom.store.jdbc.Schema.latest());
            assertThat(store.notices()).isEmpty();
            String mode = store.database().call("mode", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualTo("wal");
            int fk = store.database().call("fk", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(fk).isEqualTo(1);
        }
    }

    @StoreTest
    void eachAnswerIsOnDiskForOtherConnectionsTheMomentItIsRecorded(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            long attempt = store.attempts().start(ana.id(), "eq-octave-boosts", "ear-training/eq-octave-boosts.yaml", StoreTestSupport.HASH, 42,
                    Instant.parse("2026-11-25T10:00:00Z"));
            for (int i = 1; i <= 3; i++) {
                store.attempts().recordAnswer(attempt, StoreTestSupport.answer(i, i != 2, i == 2 ? 1 : 0));
                assertThat(b.count("SELECT COUNT(*) FROM answers")).isEqualTo(i);
            }
            List<AnswerRecord> back = store.attempts().answers(attempt);
            assertThat(back).hasSize(3);
            assertThat(back.get(1).correct()).contains(false);
            assertThat(back.get(1).error()).contains(1.0);
            assertThat(back.get(1).errorUnit()).contains("octaves");
            assertThat(back.get(1).playsA()).isEqualTo(2);
            assertThat(back.get(1).playsB()).isEqualTo(3);
            assertThat(back.get(1).responseMillis()).isEqualTo(1502);
            assertThat(back.get(1).questionJson()).contains("eq-frequency");
        }
    }

    @StoreTest
    void finishingUpdatesTheLessonResultAndCareerXp(Backend b) {
        try (LearnerStore store = b.open()) {
            Learner ana = store.learners().add("Ana");
            long a1 = store.attempts().start(ana.id(), "drill-1", "d.yaml", StoreTestSupport.HASH, 1, Instant.EPOCH);
            store.attempts().recordAnswer(a1, StoreTestSupport.answer(1, false, 2));
            store.attempts().finish(a1, 40, false, "[]", 0, Instant.EPOCH);
            long a2 = store.attempts().start(ana.id(), "drill-1", "d.yaml", StoreTestSupport.HASH, 2, Instant.EPOCH);
            store.attempts().recordAnswer(a2, StoreTestSupport.answer(1, true, 0));
            store.attempts().finish(a2, 90, true, "[]", 20, Instant.EPOCH);
            long a3 = store.attempts().start(ana.id(), "drill-1", "d.yaml", StoreTestSupport.HASH, 3, Instant.EPOCH);
            store.attempts().finish(a3, 70, false, "[]", 0, Instant.EPOCH);

            LearnerProgress p = store.progress().progress(ana, StoreTestSupport.catalogue("drill-1", "eq-octave-boosts"));
            assertThat(p.xp()).isEqualTo(20);
            assertThat(p.lessons()).containsExactly(new LessonResult("drill-1", 90, true, 3));
            assertThat(p.lessonsPassed()).isEqualTo(1);
            assertThat(p.answers()).isEqualTo(2);
            assertThat(p.accuracy()).isCloseTo(0.5, within(1e-9));
            assertThat(p.meanError()).containsEntry("octaves", 1.0);
        }
    }

    @StoreTest
    void learnerNamesAreUniqueWhateverTheirCase(Backend b) {
        try (LearnerStore store = b.open()) {
            store.learners().add("Ana");
            assertThatThrownBy(() -> store.learners().add(" ana ")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already a learner called 'Ana'");
            assertThatThrownBy(() -> store.learners().add("  ")).hasMessageContaining("needs a name");
            store.learners().add("Ben");
            assertThat(store.learners().list()).extracting(Learner::name).containsExactly("Ana", "Ben");
            assertThat(store.learners().findByName("BEN")).map(Learner::name).contains("Ben");
            assertThat(store.learners().findByName("Cy")).isEmpty();
        }
    }

    @StoreTest
    void sqlInNamesIsStoredAsText(Backend b) {
        try (LearnerStore store = b.open()) {
            store.learners().add("Robert'); DROP TABLE learners;--");
            assertThat(store.learners().list()).extracting(Learner::name)
                    .containsExactly("Robert'); DROP TABLE learners;--");
        }
    }

    @Test
    void theDataFolderFollowsEachOperatingSystemsConvention() {
        Path home = Path.of("/home/ana");
        assertThat(DataLocation.resolve(Optional.empty(), java.util.Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/ana/.local/share/control-room/control-room.db"));
        assertThat(DataLocation.resolve(Optional.empty(), java.util.Map.of("XDG_DATA_HOME", "/data"), "Linux", home))
                .isEqualTo(Path.of("/data/control-room/control-room.db"));
        assertThat(DataLocation.resolve(Optional.empty(), java.util.Map.of("XDG_DATA_HOME", "relative"), "Linux", home))
                .isEqualTo(Path.of("/home/ana/.local/share/control-room/control-room.db"));
        assertThat(DataLocation.resolve(Optional.empty(), java.util.Map.of("APPDATA", "/c/Users/ana/AppData/Roaming"),
                "Windows 11", home)).isEqualTo(Path.of("/c/Users/ana/AppData/Roaming/Control Room/control-room.db"));
        assertThat(DataLocation.resolve(Optional.empty(), java.util.Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Control Room/control-room.db"));
        assertThat(DataLocation.resolve(Optional.empty(), java.util.Map.of(DataLocation.ENV, "/tmp/x.db"), "Linux", home))
                .isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DataLocation.resolve(Optional.of(Path.of("/opt/y.db")), java.util.Map.of(DataLocation.ENV, "/tmp/x.db"),
                "Linux", home)).isEqualTo(Path.of("/opt/y.db"));
    }
}
