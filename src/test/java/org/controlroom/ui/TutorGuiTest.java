package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import javax.swing.JLabel;
import javax.swing.JTable;

import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.lesson.tutor.AssignmentState;
import org.controlroom.lesson.tutor.GradeCell;
import org.controlroom.lesson.tutor.TutorAuth;
import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.TutorClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tutor mode in the window: the PIN door, the gradebook and a cell's attempts, classes and assignments. */
@Tag("gui")
class TutorGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;
    private MainWindow frame;
    private final Path project = Path.of(System.getProperty("controlroom.project.dir", "."));
    private String hash;

    /** Ana with one mix attempt scored 42.5 (its criteria measured), Ben with none, a tutor PIN "4711". */
    private void prepare() {
        var catalog = new org.controlroom.lesson.script.LessonLoader(
                org.controlroom.lesson.run.LessonKinds.builtIn().formats())
                .load(project.resolve("lessons"), project.resolve("audio-assets"));
        hash = catalog.lesson("eq-octave-boosts").orElseThrow().contentHash();
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            Learner ana = store.learners().add("Ana");
            store.learners().add("Ben");
            new TutorAuth(store.tutor()).setFirstPin("4711".toCharArray());
            Instant t = Instant.now().minus(1, ChronoUnit.HOURS);
            long id = store.attempts().start(ana.id(), "eq-octave-boosts", "ear-training/eq-octave-boosts.yaml", hash, 7, t);
            store.attempts().recordAnswer(id, new AnswerRecord(1, "{\"exercise\":\"eq-frequency\",\"answer\":1000.0}",
                    "{\"answer\":2000.0}", Optional.of(false), Optional.of(1.0), Optional.of("octaves"), 2300, 2, 1, 0, 10,
                    t.plusSeconds(20)));
            store.attempts().finish(id, 42.5, false, "[{\"name\":\"accuracy\",\"score\":42.5,\"weight\":0.8,"
                    + "\"detail\":\"4 of 10 right\",\"measured\":{\"right\":4,\"mean_error_octaves\":0.75}}]", 10,
                    t.plusSeconds(300));
            TutorClass k = store.classes().add("Year 10");
            store.classes().addLearner(k.id(), ana.id());
            store.classes().addLearner(k.id(), store.learners().findByName("Ben").orElseThrow().id());
            store.assignments().assignToClass(k.id(), List.of("eq-octave-boosts"), Instant.now().plus(3, ChronoUnit.DAYS),
                    java.util.OptionalDouble.of(60), Instant.now());
        }
    }

    private void open() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        AppConfig config = new AppConfig(project.resolve("lessons"), project.resolve("audio-assets"), dir.resolve("cr.db"));
        frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 700));
        waitFor("home", () -> text("homeLearner").startsWith("Ana"));
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
    }

    private void waitFor(String what, java.util.function.BooleanSupplier ok) {
        GuiSupport.waitFor(what, 30, ok);
    }

    private Component named(String name) {
        return GuiSupport.named(window.target(), name);
    }

    private String text(String name) {
        return GuiSupport.text(window.target(), name);
    }

    /**
     * Puts text in a field on the event thread (after the modal PIN dialog, Xvfb without a window manager
     * gives the frame no keyboard focus back for the robot to type into).
     */
    private void type(String name, String value) {
        GuiActionRunner.execute(() -> ((javax.swing.text.JTextComponent) named(name)).setText(value));
    }

    private String screen() {
        return GuiActionRunner.execute(() -> frame.currentScreen());
    }

    private DialogFixture gate() {
        return window.dialog("tutor.gate");
    }

    /** The showing PIN dialog (waited for). */
    private javax.swing.JDialog gateDialog() {
        javax.swing.JDialog[] found = new javax.swing.JDialog[1];
        waitFor("the PIN dialog", () -> GuiActionRunner.execute(() -> {
            for (java.awt.Window w : java.awt.Window.getWindows()) {
                if (w instanceof javax.swing.JDialog d && "tutor.gate".equals(d.getName()) && d.isShowing()) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        }));
        return found[0];
    }

    /** Types a PIN into the showing PIN dialog and presses its OK (on the event thread, as a click does). */
    private void enterPin(String pin) {
        javax.swing.JDialog d = gateDialog();
        waitFor("OK enabled", () -> GuiActionRunner.execute(() -> GuiSupport.find(d, "tutor.gate.ok", false).isEnabled()));
        GuiActionRunner.execute(() -> ((javax.swing.JPasswordField) GuiSupport.find(d, "tutor.gate.pin", false)).setText(pin));
        javax.swing.SwingUtilities.invokeLater(() -> ((javax.swing.JButton) GuiSupport.find(d, "tutor.gate.ok", false)).doClick());
    }

    /** Presses Cancel on the showing PIN dialog and waits for it to close. */
    private void cancelPin() {
        javax.swing.JDialog d = gateDialog();
        javax.swing.SwingUtilities.invokeLater(() -> ((javax.swing.JButton) GuiSupport.find(d, "tutor.gate.cancel", false)).doClick());
        waitFor("the PIN dialog closed", () -> GuiActionRunner.execute(() -> !d.isShowing()));
    }

    private int failures() {
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            return store.tutor().failures().count();
        }
    }

    @Test
    void theGradebookNeedsThePinAndOpensACellsAttemptsAndAnswers() {
        prepare();
        open();
        window.menuItem("tutor.menu.gradebook").click();
        DialogFixture pin = gate();
        pin.textBox("tutor.gate.pin").enterText("1234");
        pin.button("tutor.gate.ok").click();
        waitFor("wrong PIN said", () -> GuiActionRunner.execute(() ->
                ((JLabel) GuiSupport.find(pin.target(), "tutor.gate.status", false)).getText()).contains("Wrong PIN"));
        assertThat(screen()).as("still home").isEqualTo(MainWindow.HOME);
        assertThat(failures()).as("the wrong PIN is counted in the database").isEqualTo(1);
        waitFor("the slowdown to pass", () -> pin.button("tutor.gate.ok").target().isEnabled());
        pin.textBox("tutor.gate.pin").enterText("4711");
        pin.button("tutor.gate.ok").click();
        waitFor("the gradebook", () -> MainWindow.TUTOR_GRADEBOOK.equals(screen()));
        assertThat(failures()).isZero();
        waitFor("the gradebook's rows", () -> window.table("tutor.book.table").rowCount() == 2);
        GradeCell ana = GuiActionRunner.execute(() -> (GradeCell) ((JTable) named("tutor.book.table")).getValueAt(0, 1));
        assertThat(ana.learner().name()).isEqualTo("Ana");
        assertThat(ana.best()).contains(42.5);
        assertThat(ana.state()).isEqualTo(AssignmentState.IN_PROGRESS);
        assertThat(window.table("tutor.book.table").valueAt(org.assertj.swing.data.TableCell.row(0).column(1)))
                .contains("in progress").contains("42.5");
        GradeCell ben = GuiActionRunner.execute(() -> (GradeCell) ((JTable) named("tutor.book.table")).getValueAt(1, 1));
        assertThat(ben.state()).isEqualTo(AssignmentState.NOT_STARTED);

        window.table("tutor.book.table").selectCell(org.assertj.swing.data.TableCell.row(0).column(1));
        window.table("tutor.book.table").pressAndReleaseKey(KeyPressInfo.keyCode(java.awt.event.KeyEvent.VK_ENTER));
        waitFor("the cell's attempts", () -> window.table("tutor.book.attempts").rowCount() == 1);
        waitFor("the attempt's answers", () -> text("tutor.book.detail").contains("Step 1"));
        assertThat(text("tutor.book.detail")).contains("wrong").contains("off by 1 octaves")
                .contains("accuracy: 42.5 (weight 0.8)").contains("measured: right 4, mean_error_octaves 0.75");

        window.pressAndReleaseKey(KeyPressInfo.keyCode(java.awt.event.KeyEvent.VK_ESCAPE));
        waitFor("back home", () -> MainWindow.HOME.equals(screen()));
        window.menuItem("tutor.menu.assignments").click();
        waitFor("the assignments, no PIN asked again", () -> MainWindow.TUTOR_ASSIGNMENTS.equals(screen()));
        window.menuItem("tutor.menu.lock").click();
        waitFor("locked and back", () -> MainWindow.HOME.equals(screen()));
        window.menuItem("tutor.menu.classes").click();
        cancelPin();
        assertThat(screen()).as("locked: the PIN is asked again, and cancelling stays out").isEqualTo(MainWindow.HOME);
    }

    @Test
    void aClassIsMadeAndGivenWorkThatTheLearnersHomeThenLists() {
        prepare();
        open();
        window.menuItem("tutor.menu.classes").click();
        enterPin("4711");
        waitFor("the classes", () -> MainWindow.TUTOR_CLASSES.equals(screen())
                && window.list("tutor.classes.list").contents().length == 1);
        type("tutor.classes.name", "Beats");
        window.button("tutor.classes.create").click();
        waitFor("the new class", () -> window.list("tutor.classes.list").contents().length == 2);
        window.list("tutor.classes.list").selectItem(0);
        waitFor("Beats chosen", () -> window.list("tutor.classes.members").contents().length == 0);
        window.comboBox("tutor.classes.learner").selectItem("Ana");
        window.button("tutor.classes.addLearner").click();
        waitFor("Ana in Beats", () -> List.of(window.list("tutor.classes.members").contents()).contains("Ana"));
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            TutorClass beats = store.classes().findByName("beats").orElseThrow();
            assertThat(store.classes().members(beats.id())).extracting(Learner::name).containsExactly("Ana");
        }

        window.pressAndReleaseKey(KeyPressInfo.keyCode(java.awt.event.KeyEvent.VK_ESCAPE));
        waitFor("home", () -> MainWindow.HOME.equals(screen()));
        window.menuItem("tutor.menu.assignments").click();
        waitFor("the assignment form", () -> MainWindow.TUTOR_ASSIGNMENTS.equals(screen())
                && window.comboBox("tutor.assign.target").contents().length > 0
                && window.list("tutor.assign.lessons").contents().length > 10);
        String[] lessons = window.list("tutor.assign.lessons").contents();
        int pan = List.of(lessons).indexOf(List.of(lessons).stream().filter(s -> s.endsWith("(pan-positions)"))
                .findFirst().orElseThrow());
        window.list("tutor.assign.lessons").selectItem(pan);
        window.comboBox("tutor.assign.target").selectItem("Class: Beats");
        type("tutor.assign.due", "2030-06-30");
        type("tutor.assign.passMark", "80");
        window.button("tutor.assign.add").click();
        waitFor("the new assignment", () -> window.table("tutor.assign.table").rowCount() == 2);
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            var given = store.assignments().list().get(1);
            assertThat(given.lessonIds()).containsExactly("pan-positions");
            assertThat(given.passMark().getAsDouble()).isEqualTo(80);
            assertThat(given.classId()).contains(store.classes().findByName("Beats").orElseThrow().id());
        }
        type("tutor.assign.passMark", "eighty");
        window.list("tutor.assign.lessons").selectItem(pan);
        window.button("tutor.assign.add").click();
        waitFor("a bad pass mark said", () -> GuiActionRunner.execute(() -> ((JLabel) GuiSupport.find(window.target(), "tutor.status", true)).getText()).contains("not a number"));

        window.button("tutor.back").click();
        waitFor("home with Ana's assignments", () -> MainWindow.HOME.equals(screen())
                && text("homeAssignments").contains("Where is the voice panned?")
                && text("homeAssignments").contains("not started")
                && text("homeAssignments").contains("in progress"));
    }

    @Test
    void onceATutorExistsRenamingALearnerInTheWindowNeedsThePin() {
        prepare();
        open();
        GuiActionRunner.execute(() -> frame.learnersPanel().confirmWith(new org.controlroom.ui.shell.LearnersPanel.Confirm() {
            @Override
            public int removal(String name) {
                return 0;
            }

            @Override
            public Path exportFile(String name) {
                return dir.resolve(name + ".json");
            }

            @Override
            public String newName(String name) {
                return "Benny";
            }
        }));
        window.menuItem("shell.menu.learners").click();
        waitFor("the learners", () -> window.list("learnersList").contents().length == 2);
        window.list("learnersList").selectItem("Ben");
        window.button("learnersRename").click();
        cancelPin();
        try { waitFor("refused", () -> text("learnersStatus").contains("need the tutor PIN")); } catch (Error e) { throw new AssertionError("status: " + text("learnersStatus") + " screen " + screen(), e); }
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            assertThat(store.learners().findByName("Ben")).as("not renamed").isPresent();
        }
        window.button("learnersRemove").click();
        cancelPin();
        waitFor("refused again", () -> text("learnersStatus").contains("need the tutor PIN"));
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            assertThat(store.learners().list()).extracting(Learner::name).containsExactly("Ana", "Ben");
        }
        window.button("learnersRename").click();
        enterPin("4711");
        waitFor("renamed with the PIN", () -> List.of(window.list("learnersList").contents()).contains("Benny"));
    }
}
