package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner comps a verse from two takes on the takes screen (a drag across a lane) and submits; the attempt is stored. */
@Tag("gui")
class TakesGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
    }

    private java.awt.Component named(String name) {
        return GuiSupport.find(window.target(), name, true);
    }

    private String text(String name) {
        return GuiActionRunner.execute(() -> named(name) instanceof JLabel l ? l.getText() : null);
    }

    static Path lessons(Path dir) throws Exception {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.copy(root.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        Files.writeString(lessons.resolve("verse.yaml"), Files.readString(root.resolve("lessons/scenarios/takes/comp-the-verse.yaml"))
                .replaceFirst("(?m)^rank: .*$", "rank: runner"));
        Path song = Files.createDirectories(dir.resolve("audio-assets/songs/paper-lanterns"));
        try (Stream<Path> files = Files.list(root.resolve("audio-assets/songs/paper-lanterns"))) {
            for (Path f : files.toList()) {
                Files.copy(f, song.resolve(f.getFileName()));
            }
        }
        return lessons;
    }

    @Test
    void aLearnerCompsAPhraseFromTwoTakesAndSubmits() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb");
        Path lessons = lessons(dir);
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ana");
        }
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(new AppConfig(lessons, dir.resolve("audio-assets"), db));
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 720));
        window.button("startTraining").click();
        GuiSupport.waitFor("Ana", 30, () -> text("careerLine") != null && text("careerLine").startsWith("Ana:"));
        int row = GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("lessonsTable");
            for (int r = 0; r < t.getRowCount(); r++) {
                if ("Comp a verse from three takes".equals(t.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").requireEnabled().click();
        GuiSupport.waitFor("the brief", 30, () -> "Comp a verse from three takes".equals(text("briefTitle")));
        window.button("startAttempt").click();
        GuiSupport.waitFor("the takes screen", 60, () -> text("takesStatus") != null);
        GuiSupport.waitFor("the analysis", 60, () -> text("takesStatus").startsWith("Pitch traces"));
        // drag across take-2's lane (the third lane: comp, take-1, take-2) from 3.6 s to the end
        GuiActionRunner.execute(() -> {
            JComponent lanes = (JComponent) named("takeLanes");
            double phrase = 7.6;
            int x0 = (int) Math.round(3.6 / phrase * lanes.getWidth());
            int x1 = lanes.getWidth() - 1;
            int y = 2 * 86 + 40;
            long now = System.currentTimeMillis();
            lanes.dispatchEvent(new MouseEvent(lanes, MouseEvent.MOUSE_PRESSED, now, InputEvent.BUTTON1_DOWN_MASK, x0, y, 1, false, MouseEvent.BUTTON1));
            lanes.dispatchEvent(new MouseEvent(lanes, MouseEvent.MOUSE_DRAGGED, now + 10, InputEvent.BUTTON1_DOWN_MASK, (x0 + x1) / 2, y, 1, false, MouseEvent.BUTTON1));
            lanes.dispatchEvent(new MouseEvent(lanes, MouseEvent.MOUSE_RELEASED, now + 20, 0, x1, y, 1, false, MouseEvent.BUTTON1));
            return null;
        });
        GuiSupport.waitFor("the comp", 10, () -> text("takesStatus").contains("take-1 to 3.6") && text("takesStatus").contains("| take-2"));
        GuiActionRunner.execute(() -> ((javax.swing.JButton) named("submitTakes")).doClick());
        GuiSupport.waitFor("the score", 120, () -> text("resultScore") != null && text("resultScore").startsWith("Score "));
        try (LearnerStore store = LearnerStore.open(db)) {
            assertThat(store.attempts().answers(1)).singleElement().satisfies(a ->
                    assertThat(a.responseJson()).contains("\"take\":\"take-1\"").contains("\"take\":\"take-2\"")
                            .containsPattern("\\{\"take\":\"take-1\",\"until_s\":3\\.(59|6)\\d*\\},\\{\"take\":\"take-2\"\\}\\]"));
        }
    }

    /** Clicks the answer button whose label contains {@code label}, on the question card. */
    private void choose(String label) {
        javax.swing.JButton b = GuiActionRunner.execute(() -> {
            for (int i = 1; i < 10; i++) {
                if (named("choice" + i) instanceof javax.swing.JButton c && c.isShowing() && c.getText().contains(label)) {
                    return c;
                }
            }
            return null;
        });
        assertThat(b).as("an answer \"" + label + "\"").isNotNull();
        GuiActionRunner.execute(() -> {
            b.doClick();
            return null;
        });
    }

    @Test
    void aLearnerAnswersTheDirectionQuestionsAfterTheTakesAndSubmits() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb");
        Path lessons = lessons(dir);
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        Files.writeString(lessons.resolve("flat.yaml"), Files.readString(root.resolve(
                "lessons/scenarios/takes/find-the-flat-note.yaml")).replaceFirst("(?m)^rank: .*$", "rank: runner"));
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ana");
        }
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(new AppConfig(lessons, dir.resolve("audio-assets"), db));
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 720));
        window.button("startTraining").click();
        GuiSupport.waitFor("Ana", 30, () -> text("careerLine") != null && text("careerLine").startsWith("Ana:"));
        String title = Files.readString(lessons.resolve("flat.yaml")).lines().filter(l -> l.startsWith("title:"))
                .findFirst().orElseThrow().substring(6).trim().replaceAll("^\"|\"$", "");
        int row = GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("lessonsTable");
            for (int r = 0; r < t.getRowCount(); r++) {
                if (title.equals(t.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        assertThat(row).as(title).isNotNegative();
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").requireEnabled().click();
        GuiSupport.waitFor("the brief", 30, () -> title.equals(text("briefTitle")));
        window.button("startAttempt").click();
        GuiSupport.waitFor("the takes screen", 60, () -> text("takesStatus") != null);
        GuiSupport.waitFor("the analysis", 60, () -> text("takesStatus").startsWith("Pitch traces"));
        GuiActionRunner.execute(() -> ((javax.swing.JButton) named("submitTakes")).doClick());

        // the lesson's questions follow the takes: which note, then what to tell the singer
        GuiSupport.waitFor("the first question", 60, () -> text("prompt") != null && text("prompt").contains("sags flat"));
        choose("held C");
        GuiSupport.waitFor("its feedback", 10, () -> GuiActionRunner.execute(() -> named("nextStep").isEnabled()));
        GuiActionRunner.execute(() -> ((javax.swing.JButton) named("nextStep")).doClick());
        GuiSupport.waitFor("the direction question", 30, () -> text("prompt").contains("What do you tell the singer"));
        choose("keep the breath under it");
        GuiSupport.waitFor("its feedback", 10, () -> GuiActionRunner.execute(() -> named("nextStep").isEnabled()));
        GuiActionRunner.execute(() -> ((javax.swing.JButton) named("nextStep")).doClick());
        GuiSupport.waitFor("the score", 120, () -> text("resultScore") != null && text("resultScore").startsWith("Score "));
        assertThat(text("criterion-direction")).as("the direction criterion on the result").isNotNull();
        try (LearnerStore store = LearnerStore.open(db)) {
            long id = 1;
            assertThat(store.attempts().answers(id)).as("the takes and both answers are stored")
                    .anySatisfy(a -> assertThat(a.responseJson()).contains("held-c"))
                    .anySatisfy(a -> assertThat(a.responseJson()).contains("support-the-last-c"));
        }
    }
}
