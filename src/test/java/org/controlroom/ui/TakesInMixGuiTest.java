package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.BorderLayout;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JToggleButton;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.dsp.play.AudioOutput;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.practice.SessionPlayer;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.session.TakesBackings;
import org.controlroom.lesson.session.TakesSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The takes screen's In the mix toggle: the backing decodes with progress, then the player plays the
 * take over it (heard: the gaps between the sung words are no longer silent); a backing that cannot
 * be decoded is said in words and solo still plays.
 */
@Tag("gui")
class TakesInMixGuiTest {
    @TempDir
    Path dir;

    private FrameFixture window;
    private SessionPlayer player;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
        if (player != null) {
            player.close();
        }
        worker.shutdownNow();
    }

    /** A sound card that keeps what it is sent (16-bit stereo), at about twice real time. */
    static final class Capture implements AudioOutput {
        private final double rate;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private volatile boolean keeping;

        Capture(double rate) {
            this.rate = rate;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            synchronized (this) {
                if (keeping) {
                    kept.write(data, offset, length);
                }
            }
            try {
                Thread.sleep((long) (length / 4 / rate * 1000 / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void startKeeping() {
            kept.reset();
            keeping = true;
        }

        /** The fraction of 1024-frame blocks kept that are silent (RMS under -60 dBFS), and how many blocks. */
        synchronized double[] silentBlocks() {
            byte[] b = kept.toByteArray();
            int frames = b.length / 4;
            int blocks = frames / 1024;
            int silent = 0;
            for (int k = 0; k < blocks; k++) {
                double e = 0;
                for (int i = k * 1024; i < (k + 1) * 1024; i++) {
                    short l = (short) ((b[4 * i] & 0xff) | (b[4 * i + 1] << 8));
                    e += (l / 32768.0) * (l / 32768.0);
                }
                if (Math.sqrt(e / 1024) < 1e-3) {
                    silent++;
                }
            }
            return new double[] {blocks == 0 ? 1 : (double) silent / blocks, blocks};
        }

        @Override
        public void close() {
        }
    }

    private TakesSession session(Path lessons) {
        Lesson lesson = new LessonLoader().load(lessons, dir.resolve("audio-assets")).lesson("takes-comp-the-verse")
                .orElseThrow();
        return new TakesSession(lesson, Clock.systemUTC());
    }

    private TakesPanel show(TakesSession session, AudioOutput.Factory outputs) throws Exception {
        player = new SessionPlayer(session, outputs);
        TakesPanel panel = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            return new TakesPanel(session, Optional.of(player), worker::execute, () -> { }, () -> { }, new TakesBackings(2));
        });
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("takes");
            f.getContentPane().add(panel, BorderLayout.CENTER);
            return f;
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1100, 720));
        return panel;
    }

    private java.awt.Component named(String name) {
        return GuiSupport.find(window.target(), name, false);
    }

    private String text(String name) {
        return GuiActionRunner.execute(() -> named(name) instanceof JLabel l ? l.getText() : null);
    }

    @Test
    void inTheMixLoadsTheBackingWithProgressAndThePlayerPlaysTheTakeOverIt() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb");
        Path lessons = TakesGuiTest.lessons(dir);
        TakesSession session = session(lessons);
        Capture[] capture = new Capture[1];
        show(session, (rate, channels, buffer) -> capture[0] = new Capture(rate));
        GuiSupport.waitFor("the analysis", 120, () -> text("takesStatus").startsWith("Pitch traces"));
        window.checkBox("loopPhrase").click();
        window.button("transportPlay").click();
        GuiSupport.waitFor("the player", 30, () -> capture[0] != null && player.isPlaying());
        // solo: the take alone, silent between its words
        capture[0].startKeeping();
        GuiSupport.waitFor("two loops of the phrase, solo", 120, () -> capture[0].silentBlocks()[1] > 2 * 7.6 * 48000 / 1024);
        double soloSilent = capture[0].silentBlocks()[0];
        assertThat(soloSilent).as("solo: the gaps between the words are silent").isGreaterThan(0.15);

        // the M key switches In the mix on: progress while the stems decode, then ready
        AtomicBoolean sawProgress = new AtomicBoolean();
        window.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_M);
        GuiSupport.waitFor("the toggle lit", 10, () -> GuiActionRunner.execute(() -> ((JToggleButton) named("inMix")).isSelected()));
        GuiSupport.waitFor("the backing ready", 180, () -> {
            if (GuiActionRunner.execute(() -> named("backingProgress").isVisible())) {
                sawProgress.set(true);
            }
            return text("mixStatus").startsWith("In the mix:");
        });
        assertThat(sawProgress).as("progress was shown while decoding").isTrue();
        assertThat(GuiActionRunner.execute(() -> ((JProgressBar) named("backingProgress")).isVisible())).isFalse();
        assertThat(text("mixStatus")).contains("kick").contains("piano").contains("everything but lead-vocal");
        assertThat(session.inMix()).isTrue();
        // the player's source: the take over the backing, so no more silent gaps
        Thread.sleep(300);
        capture[0].startKeeping();
        GuiSupport.waitFor("two loops of the phrase, in the mix", 120,
                () -> capture[0].silentBlocks()[1] > 2 * 7.6 * 48000 / 1024);
        assertThat(capture[0].silentBlocks()[0]).as("in the mix: the backing fills the gaps (solo had %.2f)", soloSilent)
                .isLessThan(0.02);
        // the loop still holds the phrase
        assertThat(player.positionSeconds()).isBetween(0.0, 7.7);

        // off again (M): solo, and on again is instant (kept)
        window.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_M);
        GuiSupport.waitFor("solo", 10, () -> !session.inMix() && text("mixStatus").startsWith("Solo"));
        window.toggleButton("inMix").click();
        GuiSupport.waitFor("in the mix again", 2, () -> session.inMix() && text("mixStatus").startsWith("In the mix:"));
    }

    @Test
    void aBackingThatCannotBeDecodedIsSaidInWordsAndSoloStillPlays() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb");
        Path lessons = TakesGuiTest.lessons(dir);
        TakesSession session = session(lessons);
        // the lesson loaded, then its song's bass stem is broken on disk
        Files.write(dir.resolve("audio-assets/songs/paper-lanterns/bass.ogg"), "not an ogg file".getBytes());
        // and no sound device: the player runs silently, as everywhere in the app
        show(session, (rate, channels, buffer) -> {
            throw new PlaybackUnavailableException("no sound device in this test", null);
        });
        GuiSupport.waitFor("the analysis", 120, () -> text("takesStatus").startsWith("Pitch traces"));
        window.toggleButton("inMix").click();
        GuiSupport.waitFor("the failure said", 120, () -> text("mixStatus").startsWith("The song's backing could not be decoded"));
        assertThat(text("mixStatus")).contains("bass.ogg").contains("Solo still works");
        assertThat(GuiActionRunner.execute(() -> ((JToggleButton) named("inMix")).isSelected())).isFalse();
        assertThat(session.inMix()).isFalse();
        // solo take-2 and play: it plays (silently, with no device) and the screen says why there is no sound
        window.toggleButton("solo-take-2").click();
        assertThat(session.auditioning()).contains("take-2");
        window.button("transportPlay").click();
        GuiSupport.waitFor("playing", 30, () -> player.isPlaying());
        GuiSupport.waitFor("no sound said", 30, () -> text("takesStatus").startsWith("No sound"));
        double at = player.positionSeconds();
        GuiSupport.waitFor("the transport moves", 30, () -> player.positionSeconds() > at);
    }
}
