package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextField;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner mixes in the console: types a fader value, undoes and redoes it, leaves and comes back to
 * the same session (saved as they worked), then submits and sees the mix measured.
 */
@Tag("gui")
class MixConsoleGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
    }

    private void waitFor(String what, java.util.function.BooleanSupplier ok) {
        GuiSupport.waitFor(what, 30, ok);
    }

    private java.awt.Component named(String name) {
        return GuiSupport.find(window.target(), name, true);
    }

    private String text(String name) {
        return GuiActionRunner.execute(() -> {
            java.awt.Component c = named(name);
            return c instanceof JLabel l ? l.getText() : c instanceof JTextField f ? f.getText() : null;
        });
    }

    private MainWindow open(AppConfig config) {
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 720));
        return frame;
    }

    private void openTheMixLesson() {
        window.button("startTraining").click();
        waitFor("Ana", () -> text("careerLine") != null && text("careerLine").startsWith("Ana:"));
        int row = GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("lessonsTable");
            for (int r = 0; r < t.getRowCount(); r++) {
                if ("A first static balance".equals(t.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").requireEnabled().click();
        waitFor("the brief", () -> "A first static balance".equals(text("briefTitle")));
        window.button("startAttempt").click();
        waitFor("the console", () -> named("mixConsole") != null && text("faderValue-bass") != null);
    }

    @Test
    void aLearnerMixesLeavesComesBackAndSubmits() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        Path lessons = org.controlroom.fixtures.RunnerRankMixLesson.in(dir);
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ana");
        }
        AppConfig config = new AppConfig(lessons, dir.resolve("audio-assets"), db);

        open(config);
        openTheMixLesson();
        assertThat(text("faderValue-bass")).isEqualTo("+4.0");
        window.textBox("faderValue-bass").deleteText().enterText("-3\n");
        waitFor("the typed value", () -> "-3.0".equals(text("faderValue-bass")));
        window.button("undo").click();
        waitFor("undone", () -> "+4.0".equals(text("faderValue-bass")));
        window.button("redo").click();
        waitFor("redone", () -> "-3.0".equals(text("faderValue-bass")));
        window.toggleButton("mute-pad").click();
        // no sound device here: playing says so, and the console goes on
        window.button("transportPlay").click();
        waitFor("the no-sound message", () -> text("consoleStatus").startsWith("No sound"));

        // leave the window altogether; the session was saved as the learner worked
        window.cleanUp();
        window = null;
        open(config);
        openTheMixLesson();
        assertThat(text("faderValue-bass")).isEqualTo("-3.0");
        assertThat(GuiActionRunner.execute(() -> ((javax.swing.JToggleButton) named("mute-pad")).isSelected())).isTrue();

        window.button("submitMix").click();
        waitFor("the score", () -> text("resultScore") != null && text("resultScore").startsWith("Score "));
        try (LearnerStore store = LearnerStore.open(db)) {
            long ana = store.learners().findByName("Ana").orElseThrow().id();
            assertThat(store.sessions().find(ana, "mix-first-balance")).as("a submitted session is not resumed").isEmpty();
            // the first attempt was left unsubmitted; the second stored the mix as its answer
            assertThat(store.attempts().answers(1)).isEmpty();
            assertThat(store.attempts().answers(2)).singleElement().satisfies(a ->
                    assertThat(a.responseJson()).contains("\"gain_db\":-3.0").contains("\"mute\":true"));
        }
    }
}
