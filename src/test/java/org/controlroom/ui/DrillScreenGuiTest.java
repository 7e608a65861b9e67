package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Path;

import javax.swing.JLabel;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.store.AnswerRecord;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner answers a whole drill from the keyboard alone (A, B, a digit, Enter), and after each answer
 * the EQ picture of the truth and the answer appears; the listens typed are stored with the answers.
 */
@Tag("gui")
class DrillScreenGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
    }

    private Component named(String name) {
        Component c = GuiSupport.find(window.target(), name, false);
        if (c == null) {
            throw new AssertionError("no component named " + name);
        }
        return c;
    }

    private boolean showing(String name) {
        return GuiActionRunner.execute(() -> {
            Component c = GuiSupport.find(window.target(), name, true);
            return c != null && c.isShowing();
        });
    }

    private String labelText(String name) {
        return GuiActionRunner.execute(() -> ((JLabel) named(name)).getText());
    }

    private void keys(int... codes) {
        for (int c : codes) {
            window.robot().pressAndReleaseKey(c);
        }
        window.robot().waitForIdle();
    }

    @Test
    void aDrillIsAnsweredByKeysAloneAndTheEqPictureAppearsAfterEachAnswer() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb (xvfb-run -a mvn test)");
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        AppConfig config = new AppConfig(root.resolve("lessons"), root.resolve("audio-assets"), dir.resolve("cr.db"));
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 720));
        window.button("startTraining").click();
        GuiSupport.waitFor("the empty state", 20, () -> labelText("lessonsStatus").startsWith("No learners yet"));
        window.textBox("learnerName").enterText("Ana");
        window.button("addLearner").click();
        GuiSupport.waitFor("Ana", 20, () -> labelText("careerLine").startsWith("Ana: Runner"));
        int row = -1;
        for (int r = 0; r < window.table("lessonsTable").rowCount(); r++) {
            if (window.table("lessonsTable").valueAt(org.assertj.swing.data.TableCell.row(r).column(0))
                    .equals("Octave boosts on pink noise")) {
                row = r;
            }
        }
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").click();
        GuiSupport.waitFor("the brief", 20, () -> "Octave boosts on pink noise".equals(labelText("briefTitle")));
        keys(KeyEvent.VK_ENTER);

        for (int q = 1; q <= 10; q++) {
            int step = q;
            GuiSupport.waitFor("question " + q, 20, () -> labelText("drillCounter").startsWith("Question " + step + " of")
                    && showing("target1"));
            assertThat(showing("eqPicture")).as("no picture before the answer").isFalse();
            keys(KeyEvent.VK_A, KeyEvent.VK_TAB);    // A, then Tab switches to B
            GuiSupport.waitFor("listens counted", 10, () -> labelText("drillListens").contains("A 1")
                    && labelText("drillListens").contains("B 1"));
            if (q % 2 == 0) {
                keys(KeyEvent.VK_1 + (q % 7));       // a digit answers at once
            } else {
                keys(KeyEvent.VK_RIGHT, KeyEvent.VK_RIGHT, KeyEvent.VK_ENTER);   // arrows mark a target, Enter answers
            }
            GuiSupport.waitFor("feedback " + q, 20, () -> labelText("drillFeedback").matches(".*(Right|It was).*"));
            GuiSupport.waitFor("the EQ picture " + q, 20, () -> showing("eqPicture"));
            keys(KeyEvent.VK_ENTER);
        }
        GuiSupport.waitFor("the score", 30, () -> labelText("resultScore").startsWith("Score "));
        window.cleanUp();
        window = null;
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            long learner = store.learners().findByName("Ana").orElseThrow().id();
            var trials = store.attempts().drillTrials(learner);
            assertThat(trials).hasSize(10);
            long attempt = trials.get(0).attemptId();
            assertThat(store.attempts().answers(attempt)).hasSize(10).allSatisfy((AnswerRecord a) -> {
                assertThat(a.playsA()).isEqualTo(1);
                assertThat(a.playsB()).isEqualTo(1);
            });
            // q odd: two steps right of nothing marked is the second target (250 Hz)
            assertThat(trials.get(0).response()).isEqualTo(250);
            assertThat(trials.get(1).response()).isEqualTo(new double[] {125, 250, 500, 1000, 2000, 4000, 8000}[2]);
        }
    }
}
