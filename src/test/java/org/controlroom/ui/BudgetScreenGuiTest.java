package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.EventResponse;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget screen at the default window size (960 × 640): every option of the lesson (each studio,
 * each person, each mix and mastering engineer, each response to an event that struck) is on screen
 * and inside the window, and the keys do what the screen says (N runs a day, 1–9 answer an event,
 * Ctrl+Z undoes, Enter delivers).
 */
@Tag("gui")
class BudgetScreenGuiTest {

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
        return GuiSupport.find(window.target(), name, true);
    }

    private String text(String name) {
        return GuiActionRunner.execute(() -> {
            Component c = named(name);
            return c instanceof JLabel l ? l.getText() : c instanceof JTextArea a ? a.getText()
                    : c instanceof javax.swing.AbstractButton b ? b.getText() : null;
        });
    }

    private void waitFor(String what, java.util.function.BooleanSupplier ok) {
        GuiSupport.waitFor(what, 30, ok);
    }

    /** The shipped budget lessons at runner rank; every event certain to strike. */
    private Path lessons() throws Exception {
        Path lessons = dir.resolve("lessons");
        Files.createDirectories(lessons);
        Files.copy(Path.of("lessons/career.yaml"), lessons.resolve("career.yaml"));
        try (var files = Files.list(Path.of("lessons/scenarios/budget"))) {
            for (Path f : files.toList()) {
                String yaml = Files.readString(f).replaceFirst("(?m)^rank: .*$", "rank: runner")
                        .replaceAll("probability: 0\\.\\d+", "probability: 1.0");
                Files.writeString(lessons.resolve(f.getFileName()), yaml);
            }
        }
        Files.createDirectories(dir.resolve("audio-assets"));
        return lessons;
    }

    private BudgetSection section(Path lessons, String id) {
        return (BudgetSection) new LessonLoader().load(lessons, dir.resolve("audio-assets")).lesson(id).orElseThrow().section();
    }

    private void open(Path lessons, String title) throws Exception {
        Path db = dir.resolve("cr.db");
        if (!Files.exists(db)) {
            try (LearnerStore store = LearnerStore.open(db)) {
                store.learners().add("Ana");
            }
        }
        AppConfig config = new AppConfig(lessons, dir.resolve("audio-assets"), db);
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new Dimension(960, 640));
        window.button("startTraining").click();
        waitFor("Ana", () -> text("careerLine") != null && text("careerLine").startsWith("Ana:"));
        int row = GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("lessonsTable");
            for (int r = 0; r < t.getRowCount(); r++) {
                if (title.equals(t.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").requireEnabled().click();
        waitFor("the brief", () -> title.equals(text("briefTitle")));
        assertThat(text("briefText")).doesNotContain("A / B listen");
        window.button("startAttempt").click();
        waitFor("the budget screen", () -> named("budgetScreen") != null);
        assertThat(GuiActionRunner.execute(() -> window.target().getSize())).isEqualTo(new Dimension(960, 640));
    }

    /** Each named component is showing and lies wholly inside the window's content. */
    private void assertShowingInside(List<String> names) {
        List<String> problems = GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            javax.swing.JRootPane root = ((javax.swing.JFrame) window.target()).getRootPane();
            Rectangle inside = new Rectangle(0, 0, root.getWidth(), root.getHeight());
            for (String name : names) {
                Component c = GuiSupport.find(window.target(), name, false);
                if (c == null || !c.isShowing()) {
                    out.add(name + " is not showing");
                    continue;
                }
                Rectangle r = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), root);
                // and not scrolled out of its viewport
                Rectangle visible = c instanceof javax.swing.JComponent j ? j.getVisibleRect() : new Rectangle(c.getSize());
                if (!inside.contains(r) || visible.width < c.getWidth() || visible.height < c.getHeight()) {
                    out.add(name + " at " + r + " is not wholly inside the window " + inside);
                }
            }
            return out;
        });
        assertThat(problems).isEmpty();
    }

    private static List<String> options(BudgetSection s) {
        List<String> names = new ArrayList<>();
        s.studios().stream().map(Studio::id).forEach(id -> names.add("option-studio-" + id));
        s.musicians().stream().map(Musician::id).forEach(id -> names.add("option-person-" + id));
        s.mixing().stream().map(MixEngineer::id).forEach(id -> names.add("option-mixing-" + id));
        s.mastering().stream().map(MasteringEngineer::id).forEach(id -> names.add("option-mastering-" + id));
        return names;
    }

    @Test
    void theAlbumsEveryOptionFitsTheDefaultWindow() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb (xvfb-run -a mvn test)");
        Path lessons = lessons();
        BudgetSection album = section(lessons, "budget-album-and-team");
        open(lessons, "An album's budget and team");
        assertShowingInside(options(album));
        assertShowingInside(List.of("runDay", "deliver", "budgetUndo", "budgetRedo", "ledgerCommitted", "ledgerSpent",
                "ledgerLeft", "ledgerDay", "ledgerDelivery", "budgetKeys"));
    }

    @Test
    void theEpFitsRunsDayByDayAndAnswersItsEventsWithTheKeysTheScreenNames() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb (xvfb-run -a mvn test)");
        Path lessons = lessons();
        BudgetSection ep = section(lessons, "budget-four-song-ep");
        open(lessons, "A four-song EP on \u00A36,000");
        assertShowingInside(options(ep));
        assertThat(text("budgetKeys")).contains("N next day").contains("1\u20139 answer an event")
                .contains("Ctrl+Z").contains("Enter deliver");

        // book the project studio on days 1-4 with the drummer; the freelance mixer and the mastering house
        for (int d = 1; d <= 4; d++) {
            window.toggleButton("cell-project-studio-" + d).click();
            window.toggleButton("cell-session-drummer-" + d).click();
        }
        window.radioButton("option-mixing-freelance-mix").click();
        window.radioButton("option-mastering-mastering-house").click();
        waitFor("the ledger", () -> text("ledgerCommitted").equals("Committed \u00A34,800"));
        assertThat(text("ledgerDelivery")).isEqualTo("Delivery: day 11");

        // key 1 with no event waiting does nothing
        window.robot().pressAndReleaseKey(KeyEvent.VK_1);
        window.robot().waitForIdle();
        assertThat(text("ledgerCommitted")).isEqualTo("Committed \u00A34,800");
        assertThat(text("ledgerDay")).isEqualTo("Day 0 of 20");

        // N runs days until the singer loses her voice on day 3 (every event strikes in this copy)
        for (int i = 0; i < 3; i++) {
            window.robot().pressAndReleaseKey(KeyEvent.VK_N);
            window.robot().waitForIdle();
        }
        waitFor("day 3", () -> text("ledgerDay").equals("Day 3 of 20"));
        BudgetEvent singer = ep.event("singer-ill");
        List<String> responses = singer.responses().stream().map(r -> "response-" + r.id()).toList();
        waitFor("the responses", () -> named(responses.get(0)) != null);
        assertShowingInside(responses);
        assertShowingInside(options(ep));
        assertThat(GuiActionRunner.execute(() -> named("runDay").isEnabled())).isFalse();

        // 2 answers with the second response: +£520, +1 day, as the lesson states
        EventResponse overtime = singer.responses().get(1);
        window.robot().pressAndReleaseKey(KeyEvent.VK_2);
        window.robot().waitForIdle();
        waitFor("the answer", () -> text("ledgerCommitted").equals("Committed \u00A35,320"));
        assertThat(text("ledgerDelivery")).isEqualTo("Delivery: day 12");
        assertThat(text("eventsLog")).contains(overtime.name());
        // Undo takes it back: the event waits again
        assertThat(GuiActionRunner.execute(() -> named("budgetUndo").isEnabled())).as("undo enabled").isTrue();
        window.robot().pressAndReleaseKey(KeyEvent.VK_Z, java.awt.Event.CTRL_MASK); // Ctrl+Z, as the screen says
        window.robot().waitForIdle();
        waitFor("undone", () -> text("ledgerCommitted").equals("Committed \u00A34,800"));
        assertThat(named(responses.get(0))).isNotNull();
        window.robot().pressAndReleaseKey(KeyEvent.VK_1);
        window.robot().waitForIdle();
        waitFor("rescheduled", () -> text("ledgerDelivery").equals("Delivery: day 14"));

        // run on, answering whatever else strikes with 1, until the project is over; Enter delivers
        for (int guard = 0; guard < 40 && !GuiActionRunner.execute(() -> named("deliver").isEnabled()); guard++) {
            boolean waiting = GuiActionRunner.execute(() -> !named("runDay").isEnabled());
            window.robot().pressAndReleaseKey(waiting ? KeyEvent.VK_1 : KeyEvent.VK_N);
            window.robot().waitForIdle();
        }
        assertThat(GuiActionRunner.execute(() -> named("deliver").isEnabled())).isTrue();
        window.robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
        waitFor("the score", () -> text("resultScore") != null && text("resultScore").startsWith("Score "));
        assertThat(text("criterion-plan")).contains("your plan").contains("the best plan the engine found");
        assertThat(text("criterion-limits")).isNotNull();
    }
}
