package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.JTextArea;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.lesson.pack.PackFixture;
import org.controlroom.lesson.pack.PackManifest;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the lesson list: a pack is imported (its lessons marked with the pack), lessons are exported into a
 * pack; the authoring window marks each problem at its line, jumps to it from the list, undoes an edit,
 * previews a lesson through the practice screen without recording anything, and saves it into the
 * tutor's lessons, where the list shows it.
 */
@Tag("gui")
class PackAuthorGuiTest {

    @TempDir
    Path dir;

    private FrameFixture window;
    private MainWindow frame;

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier ok) {
        GuiSupport.waitFor(what, 30, ok);
    }

    private String label(java.awt.Component root, String name) {
        return GuiActionRunner.execute(() -> {
            java.awt.Component c = GuiSupport.find(root, name, false);
            return c == null ? null : ((JLabel) c).getText();
        });
    }

    private List<String> titles() {
        return GuiActionRunner.execute(() -> {
            JTable t = (JTable) GuiSupport.find(frame, "lessonsTable", false);
            List<String> out = new ArrayList<>();
            for (int r = 0; r < t.getRowCount(); r++) {
                out.add(String.valueOf(t.getValueAt(r, 0)));
            }
            return out;
        });
    }

    private int row(String title) {
        return titles().indexOf(title);
    }

    /** The track column of the row titled {@code title} (where a pack lesson shows its pack). */
    private String track(String title) {
        int r = row(title);
        return r < 0 ? null : GuiActionRunner.execute(() -> String.valueOf(
                ((JTable) GuiSupport.find(frame, "lessonsTable", false)).getValueAt(r, 4)));
    }

    @Test
    void importExportAndAuthorFromTheLessonList() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb");
        Path zip = PackFixture.export(PackFixture.tutorData(dir.resolve("tutor"), "pack-tone-a", "pack-tone-b"),
                "week-one", dir.resolve("week-one.zip"), "pack-tone-a", "pack-tone-b").zip();
        Path data = dir.resolve("class");
        Files.createDirectories(data);
        Path db = data.resolve("learners.db");
        AppConfig config = new AppConfig(PackFixture.SHIPPED, PackFixture.ASSETS, db);
        frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 700));
        window.button("startTraining").click();
        waitFor("the empty state", () -> String.valueOf(label(frame, "lessonsStatus")).startsWith("No learners yet"));
        window.textBox("learnerName").enterText("Ana");
        window.button("addLearner").click();
        waitFor("Ana", () -> String.valueOf(label(frame, "careerLine")).startsWith("Ana: Runner, 0 XP"));

        Path exported = dir.resolve("out/two.zip");
        GuiActionRunner.execute(() -> frame.packs().choosers(() -> Optional.of(zip), suggested -> Optional.of(exported)));
        window.button("importPack").click();
        waitFor("the import", () -> String.valueOf(label(frame, "lessonsStatus")).startsWith("Imported pack \u201Cweek-one\u201D: 2 lessons"));
        assertThat(label(frame, "lessonsStatus")).as("open to all until a PIN exists, and it says so")
                .contains("No tutor PIN is set yet, so anyone may do this");
        String marked = "Level steps on a tone (pack-tone-a)";
        waitFor("the pack's lessons in the list, marked with the pack", () -> "pack: week-one".equals(track(marked)));
        assertThat(track("Octave boosts on pink noise")).isEqualTo("ear-training");
        assertThat(data.resolve("packs/week-one/lessons/tutor/pack-tone-a.yaml")).exists();

        int a = row(marked);
        int b = row("Octave boosts on pink noise");
        GuiActionRunner.execute(() -> {
            JTable t = (JTable) GuiSupport.find(frame, "lessonsTable", false);
            t.setRowSelectionInterval(a, a);
            t.addRowSelectionInterval(b, b);
        });
        window.button("exportPack").click();
        waitFor("the export", () -> String.valueOf(label(frame, "lessonsStatus")).startsWith("Wrote "));
        PackManifest m = PackManifest.parse(PackFixture.entries(exported).get("manifest.json"), "m");
        assertThat(m.name()).isEqualTo("two");
        assertThat(m.lessons()).extracting(PackManifest.LessonEntry::id).containsExactlyInAnyOrder("pack-tone-a", "eq-octave-boosts");

        // authoring
        window.button("authorLesson").click();
        org.assertj.swing.fixture.DialogFixture author = org.assertj.swing.finder.WindowFinder.findDialog("authorWindow")
                .withTimeout(10_000).using(window.robot());
        java.awt.Window authorWindow = author.target();
        JTextArea editor = (JTextArea) GuiSupport.find(authorWindow, "authorEditor", false);
        @SuppressWarnings("unchecked")
        JList<org.controlroom.lesson.script.ScriptProblem> problems =
                (JList<org.controlroom.lesson.script.ScriptProblem>) GuiSupport.find(authorWindow, "authorProblems", false);
        waitFor("the template checked", () -> String.valueOf(label(authorWindow, "authorState")).startsWith("Valid: my-lesson"));

        String bad = PackFixture.toneDrill("new-tutor-lesson").replace("sounds/tone.wav", "loops/drums.wav")
                .replace("rank: runner", "rank: runer").replace("questions: 5", "questions: many");
        GuiActionRunner.execute(() -> editor.setText(bad));
        waitFor("two problems", () -> GuiActionRunner.execute(() -> problems.getModel().getSize()) == 2);
        int questionsLine = (int) bad.lines().takeWhile(l -> !l.contains("questions:")).count() + 1;
        assertThat(GuiActionRunner.execute(() -> ((org.controlroom.ui.author.AuthorWindow) authorWindow).markedLines()))
                .containsExactlyInAnyOrder(4, questionsLine);
        assertThat(label(authorWindow, "authorState")).isEqualTo("2 problems: each is marked at its line");
        GuiActionRunner.execute(() -> problems.setSelectedIndex(1));
        waitFor("the caret on the problem's line", () -> GuiActionRunner.execute(() -> {
            try {
                return editor.getLineOfOffset(editor.getCaretPosition()) + 1 == questionsLine;
            } catch (javax.swing.text.BadLocationException e) {
                return false;
            }
        }));

        // fix both by typing, then undo the last fix and redo it
        GuiActionRunner.execute(() -> editor.setText(bad.replace("rank: runer", "rank: runner")));
        String fixed = bad.replace("rank: runer", "rank: runner").replace("questions: many", "questions: 5");
        GuiActionRunner.execute(() -> {
            int at = editor.getText().indexOf("questions: many") + "questions: ".length();
            editor.select(at, at + 4);
            editor.replaceSelection("5");
        });
        waitFor("valid", () -> String.valueOf(label(authorWindow, "authorState")).startsWith("Valid: new-tutor-lesson"));
        assertThat(GuiActionRunner.execute(() -> editor.getText())).isEqualTo(fixed);
        javax.swing.JButton undo = author.button("authorUndo").target();
        javax.swing.JButton redo = author.button("authorRedo").target();
        GuiActionRunner.execute(() -> undo.doClick(0));   // the typed 5
        GuiActionRunner.execute(() -> undo.doClick(0));   // the removed "many"
        assertThat(GuiActionRunner.execute(() -> editor.getText())).contains("questions: many");
        GuiActionRunner.execute(() -> redo.doClick(0));
        GuiActionRunner.execute(() -> redo.doClick(0));
        assertThat(GuiActionRunner.execute(() -> editor.getText())).isEqualTo(fixed);
        waitFor("valid again", () -> String.valueOf(label(authorWindow, "authorState")).startsWith("Valid: new-tutor-lesson"));

        // preview: the practice screen plays it, and nothing is recorded
        author.button("authorPreview").click();
        waitFor("the brief", () -> "Level steps on a tone (new-tutor-lesson)".equals(label(frame, "briefTitle")));
        window.button("startAttempt").click();
        for (int q = 1; q <= 5; q++) {
            int step = q;
            waitFor("question " + q, () -> String.valueOf(label(frame, "drillCounter")).startsWith("Question " + step + " of 5")
                    && GuiActionRunner.execute(() -> GuiSupport.find(frame, "target1", true) != null
                    && GuiSupport.find(frame, "target1", true).isEnabled()));
            window.button("drillA").click();
            window.button("drillB").click();
            window.button("target1").click();
            waitFor("feedback " + q, () -> GuiActionRunner.execute(() -> GuiSupport.find(frame, "drillNext", true) != null
                    && GuiSupport.find(frame, "drillNext", true).isEnabled()));
            window.button("drillNext").click();
        }
        waitFor("the score", () -> String.valueOf(label(frame, "resultScore")).startsWith("Score "));
        assertThat(label(frame, "resultCareer")).contains("Preview: nothing was recorded and no XP was earned.");

        // save into the tutor's lessons: it joins the list
        GuiActionRunner.execute(() -> ((org.controlroom.ui.author.AuthorWindow) authorWindow).save("new-tutor-lesson.yaml"));
        waitFor("saved", () -> String.valueOf(label(authorWindow, "authorState")).startsWith("Saved 'new-tutor-lesson'"));
        assertThat(Files.readString(data.resolve("lessons/new-tutor-lesson.yaml"))).isEqualTo(fixed);
        author.close();
        try (LearnerStore store = LearnerStore.open(db)) {
            long ana = store.learners().findByName("Ana").orElseThrow().id();
            assertThat(store.attempts().history(ana, 100)).as("the preview stored no attempt").isEmpty();
        }
        window.button("backToLessons").click();
        waitFor("the saved lesson in the list", () -> row("Level steps on a tone (new-tutor-lesson)") >= 0);
    }

    @Test
    void onceATutorPinIsSetImportingAsksForIt() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb");
        Path zip = PackFixture.export(PackFixture.tutorData(dir.resolve("tutor"), "pack-tone-a"), "week-one",
                dir.resolve("week-one.zip"), "pack-tone-a").zip();
        Path data = dir.resolve("class");
        Files.createDirectories(data);
        Path db = data.resolve("learners.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ana");
            new org.controlroom.lesson.tutor.TutorAuth(store.tutor()).setFirstPin("4821".toCharArray());
        }
        AppConfig config = new AppConfig(PackFixture.SHIPPED, PackFixture.ASSETS, db);
        frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 700));
        GuiActionRunner.execute(() -> frame.packs().choosers(() -> Optional.of(zip), suggested -> Optional.empty()));
        window.button("startTraining").click();
        waitFor("the list", () -> String.valueOf(label(frame, "careerLine")).startsWith("Ana:"));

        window.button("importPack").click();
        org.assertj.swing.fixture.DialogFixture gate = org.assertj.swing.finder.WindowFinder.findDialog("tutor.gate")
                .withTimeout(10_000).using(window.robot());
        gate.button("tutor.gate.cancel").click();
        waitFor("refused", () -> String.valueOf(label(frame, "lessonsStatus")).startsWith("Importing packs is for the tutor"));
        assertThat(data.resolve("packs/week-one")).doesNotExist();

        window.button("importPack").click();
        gate = org.assertj.swing.finder.WindowFinder.findDialog("tutor.gate").withTimeout(10_000).using(window.robot());
        gate.textBox("tutor.gate.pin").enterText("4821");
        gate.button("tutor.gate.ok").click();
        waitFor("the import", () -> String.valueOf(label(frame, "lessonsStatus")).startsWith("Imported pack \u201Cweek-one\u201D: 1 lesson"));
        assertThat(label(frame, "lessonsStatus")).doesNotContain("No tutor PIN");
        assertThat(data.resolve("packs/week-one/lessons/tutor/pack-tone-a.yaml")).exists();
    }
}
