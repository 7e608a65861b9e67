package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.swing.JLabel;
import javax.swing.JTable;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.timing.Timeout;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner adds a folder (a good, a damaged and a silent file) to My music through the panel's file
 * chooser, sees each file's state (and a file that moved), and plays a drill that allows it to the
 * score: the drill says which of the learner's files it plays, and every answer is stored.
 */
@Tag("gui")
class MyMusicGuiTest {

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
        java.awt.Component c = GuiSupport.find(window.target(), name, false);
        if (c == null) {
            throw new AssertionError("no component named " + name);
        }
        return c;
    }

    private String labelText(String name) {
        return GuiActionRunner.execute(() -> ((JLabel) named(name)).getText());
    }

    private boolean enabled(String name) {
        return GuiActionRunner.execute(() -> named(name).isEnabled() && named(name).isShowing());
    }

    /** Column {@code column} of the music table, row by row. */
    private java.util.List<String> musicColumn(int column) {
        return GuiActionRunner.execute(() -> {
            JTable t = (JTable) named("musicTable");
            java.util.List<String> out = new java.util.ArrayList<>();
            for (int r = 0; r < t.getRowCount(); r++) {
                out.add(String.valueOf(t.getValueAt(r, column)).strip());
            }
            return out;
        });
    }

    static AudioClip chord(int rate, int seconds) {
        float[] s = new float[seconds * rate];
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) rate;
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 196 * t) + 0.2 * Math.sin(2 * Math.PI * 293.7 * t));
        }
        return new AudioClip(rate, 1, s);
    }

    @Test
    void aLearnerAddsAFolderSeesEachFilesStateAndPlaysADrillOnTheirMusicToTheScore() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        Path folder = Files.createDirectories(dir.resolve("Songs"));
        WavWriter.write(folder.resolve("a-good.wav"), chord(48000, 60), WavSampleFormat.PCM_24);
        Files.writeString(folder.resolve("b-damaged.mp3"), "ID3 and then nothing that decodes");
        WavWriter.write(folder.resolve("c-silent.wav"), AudioClip.silence(48000, 1, 50 * 48000), WavSampleFormat.PCM_16);
        Path db = dir.resolve("cr.db");
        Path gone = dir.resolve("gone.flac");
        try (LearnerStore store = LearnerStore.open(db)) {
            long ana = store.learners().add("Ana").id();
            store.music().add(ana, gone); // added once, since moved away
        }

        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        AppConfig config = new AppConfig(root.resolve("lessons"), root.resolve("audio-assets"), db);
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(config);
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(960, 640));

        window.button("startTraining").click();
        waitFor("Ana's career line", () -> labelText("careerLine").startsWith("Ana: Runner, 0 XP"));
        window.button("myMusic").requireEnabled().click();
        waitFor("the moved file", () -> musicColumn(1).equals(java.util.List.of("Moved")));
        assertThat(labelText("musicTitle")).isEqualTo("My music \u2014 Ana");
        assertThat(labelText("musicStatus")).contains("0 of 1 file can be played").contains("1 moved or damaged");

        window.button("addMusicFolder").click();
        JFileChooserFixture chooser = window.fileChooser(Timeout.timeout(10, TimeUnit.SECONDS));
        chooser.setCurrentDirectory(dir.toFile());
        chooser.selectFile(folder.toFile());
        chooser.approve();

        // the status said "… can be played in drills" before the folder was added too: wait for the folder's rows
        waitFor("every file checked", () -> musicColumn(0).size() == 5
                && labelText("musicStatus").contains("of 4 files can be played in drills"));
        assertThat(musicColumn(0)).containsExactly("gone.flac", "Songs/", "a-good.wav", "b-damaged.mp3", "c-silent.wav");
        assertThat(musicColumn(1)).containsExactly("Moved", "Folder", "OK", "Damaged", "Silent");
        assertThat(musicColumn(2).get(2)).isEqualTo("1:00");
        assertThat(labelText("musicStatus")).contains("1 of 4 files can be played in drills")
                .contains("2 moved or damaged");

        // the moved file is forgotten; a file inside the folder cannot be removed on its own
        window.table("musicTable").selectRows(3);
        window.button("removeMusic").requireDisabled();
        window.table("musicTable").selectRows(0);
        window.button("removeMusic").requireEnabled().click();
        waitFor("the moved file removed", () -> musicColumn(0).equals(
                java.util.List.of("Songs/", "a-good.wav", "b-damaged.mp3", "c-silent.wav"))
                && labelText("musicStatus").contains("1 of 3 files can be played"));

        window.button("musicBack").click();
        waitFor("the lessons", () -> enabled("playLesson") || enabled("lessonsTable"));
        int row = -1;
        for (int r = 0; r < window.table("lessonsTable").rowCount(); r++) {
            if (window.table("lessonsTable").valueAt(org.assertj.swing.data.TableCell.row(r).column(0))
                    .equals("Level steps on a full mix")) {
                row = r;
            }
        }
        assertThat(row).isNotNegative();
        window.table("lessonsTable").selectRows(row);
        window.button("playLesson").requireEnabled().click();
        waitFor("the brief", () -> "Level steps on a full mix".equals(labelText("briefTitle")));
        waitFor("the file it plays", () -> labelText("briefMyMusic").contains("Plays on your music: a-good.wav from 0:"));
        window.button("startAttempt").click();

        for (int q = 1; q <= 10; q++) {
            int step = q;
            waitFor("step " + q, () -> labelText("drillCounter").startsWith("Question " + step + " of 10")
                    && enabled("target1"));
            assertThat(labelText("drillMyMusic")).contains("a-good.wav");
            window.button("target" + (1 + q % 6)).click();
            waitFor("feedback " + q, () -> enabled("drillNext"));
            window.button("drillNext").click();
        }
        waitFor("the score", () -> labelText("resultScore").startsWith("Score "));
        window.cleanUp();
        window = null;

        var catalog = new org.controlroom.lesson.script.LessonLoader().load(root.resolve("lessons"),
                root.resolve("audio-assets"));
        try (LearnerStore store = LearnerStore.open(db)) {
            var ana = store.learners().findByName("Ana").orElseThrow();
            assertThat(store.music().list(ana.id())).containsExactly(folder.toAbsolutePath().normalize());
            var p = store.progress().progress(ana, org.controlroom.lesson.practice.Practice.lessonHashes(catalog));
            assertThat(p.answers()).isEqualTo(10);
            assertThat(p.lessons()).singleElement().satisfies(r -> assertThat(r.lessonId()).isEqualTo("level-steps"));
        }
    }

    @Test
    void aLearnerWithNoMusicIsToldWhatMyMusicIsFor() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "no display: GUI tests run under Xvfb (xvfb-run -a mvn test), as .ci/run does");
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ben");
        }
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        MainWindow frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new MainWindow(new AppConfig(root.resolve("lessons"), root.resolve("audio-assets"), db));
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(960, 640));
        window.button("startTraining").click();
        waitFor("Ben's career line", () -> labelText("careerLine").startsWith("Ben: Runner"));
        window.button("myMusic").click();
        waitFor("the empty state", () -> labelText("musicStatus").equals("No music added yet."));
        assertThat(labelText("musicEmpty")).contains("Nothing here yet").contains("My music is for training on")
                .contains("Level steps on a full mix").contains("Add folder");
        window.button("addMusicFiles").requireEnabled();
        window.button("addMusicFolder").requireEnabled();
        window.button("removeMusic").requireDisabled();
    }
}
