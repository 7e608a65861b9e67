package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JSlider;
import javax.swing.JTable;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.store.DrillTrial;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the window: a compression lesson opens on its explore step (knobs, a gain-reduction meter that
 * moves while B plays, deeper thresholds taking more off) before its first question; a several-band
 * question is answered by picking each band with its key; the drill's result shows the session
 * summary whose confusion matrix counts the answers stored.
 */
@Tag("gui")
class DrillExploreGuiTest {

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

    /** Copies of shipped lessons, opened to runners and shortened to {@code questions}, beside the real assets. */
    private Path lessons(int questions, String... ids) throws Exception {
        Path project = Path.of(System.getProperty("controlroom.project.dir", "."));
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.copy(project.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        for (String id : ids) {
            String text = Files.readString(project.resolve("lessons/ear-training/" + id + ".yaml"));
            Files.writeString(lessons.resolve(id + ".yaml"), text.replaceFirst("(?m)^rank: .*$", "rank: runner")
                    .replaceFirst("(?m)^  questions: .*$", "  questions: " + questions));
        }
        Files.createSymbolicLink(dir.resolve("audio-assets"), project.resolve("audio-assets").toAbsolutePath());
        return lessons;
    }

    private void open(String title) {
        int row = -1;
        for (int r = 0; r < window.table("lessonsTable").rowCount(); r++) {
            if (window.table("lessonsTable").valueAt(org.assertj.swing.data.TableCell.row(r).column(0)).equals(title)) {
                row = r;
            }
        }
        assertThat(row).as(title).isNotNegative();
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").click();
        GuiSupport.waitFor("the brief", 30, () -> title.equals(labelText("briefTitle")));
        keys(KeyEvent.VK_ENTER);
    }

    private double meter() {
        return GuiActionRunner.execute(() -> ((JProgressBar) named("exploreMeter")).getValue() / 10.0);
    }

    private double drop() {
        String t = labelText("exploreDrop");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("down (-?[0-9.]+) dB").matcher(t);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void aCompressionLessonExploresFirstAndTheDrillEndsWithItsConfusionMatrix() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb (xvfb-run -a mvn test)");
        Path lessons = lessons(3, "compression-depth-on-drums", "eq-two-bands");
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        AppConfig config = new AppConfig(lessons, dir.resolve("audio-assets"), dir.resolve("cr.db"));
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

        open("How deep does it dig? (snare)");
        GuiSupport.waitFor("the explore step", 30, () -> showing("drillExplore"));
        assertThat(showing("target1")).as("no answer targets while exploring").isFalse();
        GuiSupport.waitFor("the knobs rendered", 30, () -> !Double.isNaN(drop()));
        keys(KeyEvent.VK_1);   // a digit does not answer while exploring
        assertThat(showing("drillExplore")).isTrue();
        window.button("explorePlayB").click();
        GuiSupport.waitFor("the meter moves while B plays", 20, () -> meter() > 0.5);
        double before = drop();
        GuiActionRunner.execute(() -> {
            JSlider t = (JSlider) named("exploreThreshold");
            t.setValue(t.getValue() - 12);
        });
        GuiSupport.waitFor("a deeper threshold takes more off", 30, () -> drop() > before + 2);
        window.button("exploreStop").click();
        window.button("exploreStart").click();
        for (int q = 1; q <= 3; q++) {
            int step = q;
            GuiSupport.waitFor("question " + q, 30, () -> labelText("drillCounter").startsWith("Question " + step + " of")
                    && showing("target1"));
            keys(KeyEvent.VK_A, KeyEvent.VK_B, KeyEvent.VK_1 + (q % 3));
            GuiSupport.waitFor("feedback " + q, 20, () -> labelText("drillFeedback").matches(".*(Right|It was).*"));
            keys(KeyEvent.VK_ENTER);
        }
        GuiSupport.waitFor("the summary", 30, () -> showing("drillConfusion"));
        Map<String, Integer> shown = GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("drillConfusion");
            Map<String, Integer> m = new HashMap<>();
            for (int r = 0; r < t.getRowCount(); r++) {
                for (int c = 1; c < t.getColumnCount(); c++) {
                    String v = t.getValueAt(r, c).toString();
                    if (!v.isEmpty()) {
                        m.put(t.getValueAt(r, 0) + " > " + t.getColumnName(c), Integer.parseInt(v));
                    }
                }
            }
            return m;
        });
        assertThat(labelText("drillSummaryLine")).contains("best streak");

        window.button("backToLessons").click();
        open("Two bands at once");
        GuiSupport.waitFor("a two-band question", 30, () -> labelText("drillCounter").startsWith("Question 1 of")
                && showing("target1"));
        assertThat(labelText("drillPick")).contains("Pick 2 bands: 0 chosen");
        keys(KeyEvent.VK_A, KeyEvent.VK_B, KeyEvent.VK_2);
        assertThat(labelText("drillPick")).contains("1 chosen");
        assertThat(labelText("drillFeedback").trim()).isEmpty();
        keys(KeyEvent.VK_5);
        GuiSupport.waitFor("two-band feedback", 20, () -> labelText("drillFeedback").matches(".*(Right|It was).*\\+.*"));
        window.cleanUp();
        window = null;

        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            long learner = store.learners().findByName("Ana").orElseThrow().id();
            List<DrillTrial> trials = store.attempts().drillTrials(learner);
            Map<String, Integer> stored = new HashMap<>();
            for (DrillTrial t : trials.subList(0, 3)) {
                stored.merge(trim(t.truth()) + " dB > " + trim(t.response()) + " dB", 1, Integer::sum);
            }
            assertThat(shown).isEqualTo(stored);
            DrillTrial two = trials.get(3);
            String response = store.attempts().answers(two.attemptId()).get(0).responseJson();
            // keys 2 and 5: the second and fifth of the seven octave bands
            assertThat(response).contains("\"answers\":[250.0,2000.0]");
        }
        assertThat(root).exists();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
