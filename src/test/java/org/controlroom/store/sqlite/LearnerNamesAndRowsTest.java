package org.controlroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.controlroom.cli.CliHarness;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.testing.Backend;
import org.controlroom.store.testing.StoreTest;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Learners' names in any Unicode spelling, and learner rows another program wrote. */
class LearnerNamesAndRowsTest {

    private static final String EMILE_PRECOMPOSED = "\u00C9mile";
    private static final String EMILE_DECOMPOSED = "E\u0301mile";

    @TempDir
    Path dir;

    private static void insertRaw(Backend b, String name, String createdAt) throws SQLException {
        try (Connection c = b.connect();
             PreparedStatement p = c.prepareStatement("INSERT INTO learners (name, created_at) VALUES (?, ?)")) {
            p.setString(1, name);
            p.setString(2, createdAt);
            p.executeUpdate();
        }
    }

    @StoreTest
    void precomposedAndDecomposedEmileAreOneLearner(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            Learner emile = store.learners().add(EMILE_PRECOMPOSED);
            assertThatThrownBy(() -> store.learners().add(EMILE_DECOMPOSED)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already a learner called '" + EMILE_PRECOMPOSED + "'");
            assertThat(store.learners().findByName(EMILE_DECOMPOSED)).contains(emile);
            assertThat(store.learners().list()).singleElement().extracting(Learner::name).isEqualTo(EMILE_PRECOMPOSED);
        }
    }

    @StoreTest
    void aNameTypedDecomposedIsStoredComposed(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            assertThat(store.learners().add(EMILE_DECOMPOSED).name()).isEqualTo(EMILE_PRECOMPOSED);
            assertThat(store.learners().findByName(EMILE_PRECOMPOSED)).isPresent();
            assertThatThrownBy(() -> store.learners().add(EMILE_PRECOMPOSED)).hasMessageContaining("already a learner");
        }
    }

    @StoreTest
    void accentedNamesAreTheSameLearnerWhateverTheirCase(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            store.learners().add(EMILE_PRECOMPOSED);
            assertThat(store.learners().findByName("\u00E9mile")).map(Learner::name).contains(EMILE_PRECOMPOSED);
            assertThat(store.learners().findByName("E\u0301MILE")).map(Learner::name).contains(EMILE_PRECOMPOSED);
            assertThatThrownBy(() -> store.learners().add("\u00E9MILE")).hasMessageContaining("already a learner");
        }
    }

    @StoreTest
    void aNameAnOlderVersionStoredDecomposedIsFoundAndNotAddedTwice(Backend b) throws Exception {
        b.open().close();
        insertRaw(b, EMILE_DECOMPOSED, "2025-01-01T00:00:00Z");
        try (LearnerStore store = b.open()) {
            assertThat(store.learners().findByName(EMILE_PRECOMPOSED)).isPresent();
            assertThatThrownBy(() -> store.learners().add(EMILE_PRECOMPOSED)).hasMessageContaining("already a learner");
            assertThat(store.learners().list()).hasSize(1);
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> invisible() {
        return Backend.onEach("200B", "3164", "2800", "00A0 200D", "FEFF", "115F 1160", "034F", "0301", "2060 2061",
                "E0020 E0041", "180E", "FE0F", "202E 202C", "3000 00AD");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> scripts() {
        return Backend.onEach("李小龍", "محمد", "Zoë", "O'Brien", "🎧", "Ana-María", "ß", "Ἀθηνᾶ");
    }

    @ParameterizedTest(name = "[{0}] U+{1}")
    @org.junit.jupiter.params.provider.MethodSource("invisible")
    void aNameWithNoVisibleCharacterIsRefused(Backend.Kind kind, String codePoints) throws Exception {
        StringBuilder name = new StringBuilder();
        for (String cp : codePoints.split(" ")) {
            name.appendCodePoint(Integer.parseInt(cp, 16));
        }
        try (Backend b = kind.fresh(); LearnerStore store = b.open()) {
            assertThatThrownBy(() -> store.learners().add(name.toString())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("at least one visible character");
            assertThat(store.learners().list()).isEmpty();
        }
    }

    @StoreTest
    void invisibleCharactersAroundANameAreNotPartOfIt(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            assertThat(store.learners().add("\u200BAna\u2060 ").name()).isEqualTo("Ana");
            assertThatThrownBy(() -> store.learners().add("Ana\uFEFF")).hasMessageContaining("already a learner");
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @org.junit.jupiter.params.provider.MethodSource("scripts")
    void namesInAnyScriptWithVisibleCharactersAreAccepted(Backend.Kind kind, String name) throws Exception {
        try (Backend b = kind.fresh(); LearnerStore store = b.open()) {
            assertThat(store.learners().add(name).name()).isEqualTo(java.text.Normalizer.normalize(name,
                    java.text.Normalizer.Form.NFC));
            assertThat(store.learners().findByName(name)).isPresent();
        }
    }

    @StoreTest
    void controlCharactersAndOverlongNamesAreStillRefused(Backend b) throws Exception {
        try (LearnerStore store = b.open()) {
            assertThatThrownBy(() -> store.learners().add("An\u0007a")).hasMessageContaining("control characters");
            assertThatThrownBy(() -> store.learners().add("A".repeat(81))).hasMessageContaining("at most 80");
            assertThat(store.learners().add("A".repeat(80)).name()).hasSize(80);
        }
    }

    @StoreTest
    void learnerRowsWithDatesAnotherProgramWroteAreListedAndReported(Backend b) throws Exception {
        b.open().close();
        insertRaw(b, "Ben", "yesterday");
        insertRaw(b, "Cy", "");
        insertRaw(b, "Dee", "1700000000");
        insertRaw(b, "Eve", "2026-11-25 10:15:30"); // SQLite's own CURRENT_TIMESTAMP form: readable
        insertRaw(b, "Fay", "2026-11-25");
        try (LearnerStore store = b.open()) {
            store.learners().add("Ana");
            List<Learner> all = store.learners().list();
            assertThat(all).extracting(Learner::name).containsExactly("Ana", "Ben", "Cy", "Dee", "Eve", "Fay");
            assertThat(all.stream().filter(l -> l.problem().isPresent())).extracting(Learner::name)
                    .containsExactly("Ben", "Cy", "Dee");
            assertThat(all.get(1).problem().orElseThrow()).contains("'Ben'").contains("'yesterday'")
                    .contains(b.dbArgument()).contains("left as it is");
            assertThat(all.get(4).createdAt()).contains(java.time.Instant.parse("2026-11-25T10:15:30Z"));
            Learner ben = store.learners().findByName("ben").orElseThrow();
            assertThat(store.progress().progress(ben, LessonHashes.none()).xp()).isZero();
        }
    }

    @StoreTest
    void learnerListPrintsEveryLearnerAndReportsTheUnreadableRowOnStandardError(Backend b) throws Exception {
        b.open().close();
        insertRaw(b, "Ana", "2026-01-01T00:00:00Z");
        insertRaw(b, "Ben", "31/12/2025");
        insertRaw(b, "Cy", "2026-02-01T00:00:00Z");
        CliHarness.Result list = CliHarness.run("learner", "list", "--db", b.dbArgument());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).containsExactly("Ana\t(since 2026-01-01)", "Ben", "Cy\t(since 2026-02-01)");
        assertThat(list.err().strip()).startsWith("control-room: learner 'Ben'").contains("'31/12/2025'")
                .doesNotContain("Exception").doesNotContain("\n");
        CliHarness.Result progress = CliHarness.run("progress", "--db", b.dbArgument(), "--lessons",
                Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString());
        assertThat(progress.exitCode()).as(progress.err()).isZero();
        assertThat(progress.out()).contains("Ana").contains("Ben").contains("Cy");
    }
}
