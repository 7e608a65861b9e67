package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.UIManager;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.store.LearnerStore;
import org.controlroom.ui.shell.LearnersPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import org.controlroom.ui.text.Texts;

/** The app's shell as a learner uses it: leaving and resuming, the theme, learners, the lesson list, home. */
@Tag("gui")
class ShellGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;
    private MainWindow frame;
    private final Path project = Path.of(System.getProperty("controlroom.project.dir", "."));

    @BeforeEach
    void open() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        AppConfig config = new AppConfig(project.resolve("lessons"), project.resolve("audio-assets"), dir.resolve("cr.db"));
        assertThat(config.settingsFile()).isEqualTo(dir.resolve("settings.properties").toAbsolutePath());
        frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(960, 640));
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
        GuiActionRunner.execute(() -> ControlRoomApp.installLookAndFeel());
    }

    private void waitFor(String what, java.util.function.BooleanSupplier ok) {
        GuiSupport.waitFor(what, 20, ok);
    }

    private Component named(String name) {
        Component c = GuiSupport.find(window.target(), name, false);
        if (c == null) {
            throw new AssertionError("no component named " + name);
        }
        return c;
    }

    private String text(String name) {
        return GuiActionRunner.execute(() -> {
            Component c = named(name);
            return c instanceof JLabel l ? l.getText() : ((JButton) c).getText();
        });
    }

    private boolean ready(String name) {
        return GuiActionRunner.execute(() -> named(name).isEnabled() && named(name).isShowing());
    }

    private void addLearner(String name) {
        window.button("startTraining").click();
        waitFor("the lesson list", () -> text("lessonsStatus").startsWith("No learners yet"));
        window.textBox("learnerName").enterText(name);
        window.button("addLearner").click();
        waitFor(name + "'s career line", () -> text("careerLine").startsWith(name + ": Runner, 0 XP"));
    }

    private List<String> column(int c) {
        return GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("lessonsTable");
            List<String> out = new ArrayList<>();
            for (int r = 0; r < t.getRowCount(); r++) {
                out.add(String.valueOf(t.getValueAt(r, c)));
            }
            return out;
        });
    }

    private void selectLesson(String title) {
        int row = column(0).indexOf(title);
        assertThat(row).as(title + " in the list").isNotNegative();
        window.table("lessonsTable").selectRows(row);
    }

    /** Answers a drill question on the drill screen, after listening to A and B. */
    private void answerStep(int step, int of) {
        waitForQuestion(step, of);
        window.button("drillA").click();
        window.button("drillB").click();
        window.button("target" + (1 + step % 7)).click();
        waitFor("feedback " + step, () -> ready("drillNext"));
    }

    private void waitForQuestion(int step, int of) {
        waitFor("question " + step, () -> text("drillCounter").startsWith("Question " + step + " of " + of)
                && ready("target1"));
    }

    @Test
    void aDrillLeftWithEscapeResumesWhereTheLearnerWas() throws Exception {
        addLearner("Ana");
        selectLesson("Octave boosts on pink noise");
        window.button("playLesson").click();
        waitFor("the brief", () -> ready("startAttempt"));
        window.button("startAttempt").click();
        answerStep(1, 10);
        window.button("drillNext").click();
        answerStep(2, 10);
        window.button("drillNext").click();
        waitForQuestion(3, 10);

        frame.leaveWith(() -> MainWindow.Leave.RESUME_LATER);
        window.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitFor("the lesson list", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("lessons")));
        waitFor("the paused status", () -> column(3).get(column(0).indexOf("Octave boosts on pink noise")).startsWith("Paused"));

        selectLesson("Octave boosts on pink noise");
        window.table("lessonsTable").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitForQuestion(3, 10);
        for (int q = 3; q <= 10; q++) {
            answerStep(q, 10);
            window.button("drillNext").click();
        }
        waitFor("the score", () -> text("resultScore").startsWith("Score "));

        // one attempt, all ten answers in it: resuming continued the attempt, it did not start another
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            long id = store.learners().findByName("Ana").orElseThrow().id();
            var attempts = store.attempts().history(id, 10);
            assertThat(attempts).hasSize(1);
            assertThat(attempts.get(0).finishedAt()).isPresent();
            assertThat(store.attempts().answers(attempts.get(0).id())).hasSize(10);
        }

        // quitting instead leaves the lesson at once and the attempt unfinished
        window.button("tryAgain").click();
        waitFor("the brief again", () -> ready("startAttempt"));
        window.button("startAttempt").click();
        answerStep(1, 10);
        frame.leaveWith(() -> MainWindow.Leave.QUIT);
        window.button("leaveDrill").click();
        waitFor("the lesson list", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("lessons")));
        waitFor("not paused", () -> !column(3).get(column(0).indexOf("Octave boosts on pink noise")).startsWith("Paused"));
    }

    @Test
    void theNextLessonsFirstStepSaysNextNotSeeTheScore() {
        addLearner("Ben");
        selectLesson("Octave boosts on pink noise");
        window.button("playLesson").click();
        waitFor("the brief", () -> ready("startAttempt"));
        window.button("startAttempt").click();
        for (int q = 1; q <= 10; q++) {
            answerStep(q, 10);
            if (q == 10) {
                assertThat(text("drillNext")).isEqualTo(Texts.get("drill.score"));
            }
            window.button("drillNext").click();
        }
        waitFor("the score", () -> text("resultScore").startsWith("Score "));
        window.button("nextLesson").click();
        waitFor("another brief", () -> ready("startAttempt"));
        window.button("startAttempt").click();
        // the next lesson is a drill (drill screen) or a question lesson (the practice card): either way its
        // first step's button says Next
        waitFor("its first step", () -> (GuiSupport.find(window.target(), "drillCounter", true) != null
                && text("drillCounter").startsWith("Question 1 of "))
                || (GuiSupport.find(window.target(), "stepCounter", true) != null
                && text("stepCounter").startsWith("Step 1 of ")));
        String nextButton = GuiSupport.find(window.target(), "drillCounter", true) != null ? "drillNext" : "nextStep";
        assertThat(text(nextButton)).isIn("Next \u21B5", Texts.get("drill.next"));

        // home: the finished lesson is a recent result, today counts for the streak, a lesson is suggested
        frame.leaveWith(() -> MainWindow.Leave.QUIT);
        window.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitFor("the lesson list", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("lessons")));
        window.button("lessonsBack").click();
        waitFor("home's recent results", () -> GuiActionRunner.execute(() -> GuiSupport.find(window.target(), "recent-0", true) != null));
        assertThat(text("recent-0")).contains("left unfinished");    // the next lesson, quit at its first step
        assertThat(text("recent-1")).contains("Octave boosts on pink noise").containsPattern("passed|not passed yet");
        assertThat(text("homeStreak")).contains("1 day in a row").contains("Practised today");
        assertThat(text("homeAssignments")).contains("No assignments");
        assertThat(text("homeSuggestion")).contains("Suggested next").contains("Open");
    }

    @Test
    void choosingTheLightThemeAppliesItAndItIsRemembered() throws Exception {
        window.menuItem("shell.menu.settings").click();
        waitFor("settings", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("settings")));
        assertThat(GuiActionRunner.execute(() -> UIManager.getLookAndFeel().getClass())).isEqualTo(FlatDarkLaf.class);
        double before = GuiActionRunner.execute(() -> brightness(named("settingsScreen").getBackground()));
        assertThat(before).isLessThan(0.4);

        window.comboBox("themeBox").selectItem("Light");
        waitFor("the light theme", () -> GuiActionRunner.execute(() -> UIManager.getLookAndFeel() instanceof FlatLightLaf));
        waitFor("a light background", () -> GuiActionRunner.execute(() -> brightness(named("settingsScreen").getBackground()) > 0.8));
        assertThat(Files.readString(dir.resolve("settings.properties"))).contains("theme=LIGHT");

        window.button("settingsBack").click();
        waitFor("home", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("home")));
        // quitting keeps the window's size and place; the next start opens there, light
        GuiActionRunner.execute(() -> frame.setBounds(60, 50, 1000, 700));
        waitFor("the new size", () -> GuiActionRunner.execute(() -> frame.getWidth() == 1000));
        window.menuItem("shell.menu.quit").click();
        waitFor("closed", () -> GuiActionRunner.execute(() -> !frame.isDisplayable()));
        window.cleanUp();
        window = null;
        var again = org.controlroom.ui.shell.Settings.load(dir.resolve("settings.properties"));
        assertThat(again.theme()).isEqualTo(org.controlroom.ui.shell.Settings.Theme.LIGHT);
        AppConfig config = new AppConfig(project.resolve("lessons"), project.resolve("audio-assets"), dir.resolve("cr.db"));
        MainWindow second = GuiActionRunner.execute(() -> new MainWindow(config));
        window = new FrameFixture(second);
        assertThat(GuiActionRunner.execute(() -> second.getBounds())).isEqualTo(new java.awt.Rectangle(60, 50, 1000, 700));
    }

    private static double brightness(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    @Test
    void aLearnerIsRenamedAndRemovedWithTheirAttemptsExportedFirst() throws Exception {
        addLearner("Cleo");
        window.textBox("learnerName").enterText("Dev");
        window.button("addLearner").click();
        waitFor("Dev", () -> text("careerLine").startsWith("Dev:"));
        Path export = dir.resolve("cleo.json");
        GuiActionRunner.execute(() -> frame.learnersPanel().confirmWith(new LearnersPanel.Confirm() {
            @Override
            public int removal(String name) {
                return 0;
            }

            @Override
            public Path exportFile(String name) {
                return export;
            }

            @Override
            public String newName(String name) {
                return "Cleopatra";
            }
        }));
        window.menuItem("shell.menu.learners").click();
        waitFor("the learners", () -> window.list("learnersList").contents().length == 2);
        window.list("learnersList").selectItem("Cleo");
        window.button("learnersRename").click();
        waitFor("renamed", () -> List.of(window.list("learnersList").contents()).contains("Cleopatra"));
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            assertThat(store.learners().findByName("Cleo")).isEmpty();
            assertThat(store.learners().findByName("Cleopatra")).isPresent();
        }
        window.list("learnersList").selectItem("Cleopatra");
        window.button("learnersRemove").click();
        GuiSupport.waitFor("removed", 20, () -> window.list("learnersList").contents().length == 1
                || !text("learnersStatus").isBlank() && !text("learnersStatus").startsWith("Renamed"));
        assertThat(window.list("learnersList").contents()).as(text("learnersStatus")).hasSize(1);
        assertThat(text("learnersStatus")).contains("Removed Cleopatra").contains("cleo.json");
        assertThat(Files.readString(export)).contains("\"learner\" : \"Cleopatra\"");
        try (LearnerStore store = LearnerStore.open(dir.resolve("cr.db"))) {
            assertThat(store.learners().list()).extracting(l -> l.name()).containsExactly("Dev");
        }
    }

    @Test
    void theLessonListFiltersSortsAndSaysWhyALessonIsLocked() {
        addLearner("Eve");
        List<String> ranks = column(2);
        List<String> ladder = List.of("Runner", "Assistant Engineer", "Engineer", "Producer", "Executive Producer");
        for (int i = 1; i < ranks.size(); i++) {
            assertThat(ladder.indexOf(ranks.get(i))).as("rank order at row " + i).isGreaterThanOrEqualTo(ladder.indexOf(ranks.get(i - 1)));
        }
        window.comboBox("kindFilter").selectItem("mix");
        waitFor("only mix lessons", () -> !column(1).isEmpty() && column(1).stream().allMatch("mix"::equals));
        window.comboBox("kindFilter").selectItem("All");
        window.comboBox("statusFilter").selectItem("Locked");
        waitFor("only locked lessons", () -> !column(3).isEmpty() && column(3).stream().allMatch(s -> s.startsWith("Locked")));
        window.table("lessonsTable").selectRows(0);
        waitFor("why it is locked", () -> text("lessonsStatus").contains("needs the rank") && text("lessonsStatus").contains("XP to go"));
        assertThat(GuiActionRunner.execute(() -> named("playLesson").isEnabled())).isFalse();
        window.comboBox("statusFilter").selectItem("All");
        window.comboBox("lessonSort").selectItem("Title");
        waitFor("by title", () -> {
            List<String> t = column(0);
            List<String> sorted = new ArrayList<>(t);
            sorted.sort(String.CASE_INSENSITIVE_ORDER);
            return t.equals(sorted) && t.size() == ranks.size();
        });
        // keyboard: the table takes arrows; Enter on an open lesson opens its brief
        window.comboBox("lessonSort").selectItem("Rank, track, title");
        window.table("lessonsTable").selectRows(0).pressAndReleaseKeys(KeyEvent.VK_DOWN);
        assertThat(window.table("lessonsTable").target().getSelectedRow()).isEqualTo(1);
        window.table("lessonsTable").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the brief", () -> ready("startAttempt"));
        window.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitFor("back to the list", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("lessons")));
        window.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitFor("home", () -> GuiActionRunner.execute(() -> frame.currentScreen().equals("home")));
    }
}
