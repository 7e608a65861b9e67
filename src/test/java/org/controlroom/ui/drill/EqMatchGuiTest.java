package org.controlroom.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.swing.JFrame;

import org.assertj.swing.core.MouseButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.EqMatch;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.run.LessonPlay;
import org.controlroom.lesson.run.LessonRunner.Side;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.ui.ControlRoomApp;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drill screen on real questions of shipped lessons (seeded, so the truth is known here): an eq-match
 * question is answered by dragging the EQ curve's node onto the band that undoes the hidden one, the wheel
 * for Q and Enter, with B re-rendered through the dials as they move; after each answer of an EQ exercise
 * (the match, two bands at once, a high-pass) the truth and the answer are drawn on one frequency axis.
 */
@Tag("gui")
class EqMatchGuiTest {

    private static LessonCatalog catalog;
    private FrameFixture window;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final List<AudioClip> dialled = new CopyOnWriteArrayList<>();
    private final List<List<Response.Band>> matchAnswers = new CopyOnWriteArrayList<>();
    private final List<List<String>> bandAnswers = new CopyOnWriteArrayList<>();
    private final List<Double> valueAnswers = new CopyOnWriteArrayList<>();
    private DrillScreen screen;

    @BeforeAll
    static void load() {
        catalog = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets"));
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.cleanUp();
        }
        worker.shutdownNow();
    }

    private void open() {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: GUI tests run under Xvfb (xvfb-run -a mvn test)");
        JFrame frame = GuiActionRunner.execute(() -> {
            ControlRoomApp.installLookAndFeel();
            JFrame f = new JFrame("drill");
            screen = new DrillScreen(new DrillScreen.Actions() {
                @Override
                public void listen(Side side) {
                }

                @Override
                public void stop() {
                }

                @Override
                public void answer(double value) {
                    valueAnswers.add(value);
                }

                @Override
                public void answerAll(List<String> ids) {
                    bandAnswers.add(ids);
                }

                @Override
                public void answerMatch(List<Response.Band> bands) {
                    matchAnswers.add(bands);
                }

                @Override
                public void dial(AudioClip b) {
                    dialled.add(b);
                }

                @Override
                public void next() {
                }

                @Override
                public void quit() {
                }

                @Override
                public void work(Runnable r) {
                    worker.execute(r);
                }
            });
            f.setContentPane(screen);
            return f;
        });
        window = new FrameFixture(frame);
        window.show(new java.awt.Dimension(1200, 780));
        window.moveTo(new Point(0, 0));
    }

    private static LessonPlay play(String id, long seed) {
        Lesson l = catalog.lesson(id).orElseThrow();
        return LessonKinds.builtIn().kind(l.kind()).play(l, LessonKindPlugin.PlayContext.of(seed));
    }

    private void show(LessonPlay play, int index) throws Exception {
        Step step = play.step(index);
        DrillAudio.Pair pair = play.listening(index).orElseThrow().pair();
        GuiActionRunner.execute(() -> {
            screen.showStep(step);
            screen.showSound(pair);
        });
        window.robot().waitForIdle();
    }

    private void drag(Component c, Point from, Point to) {
        org.assertj.swing.core.Robot robot = window.robot();
        robot.pressMouse(c, from, MouseButton.LEFT_BUTTON);
        for (int i = 1; i <= 8; i++) {
            robot.moveMouse(c, from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
        }
        robot.waitForIdle();
        robot.moveMouse(c, to.x, to.y);
        robot.waitForIdle();
        robot.releaseMouse(MouseButton.LEFT_BUTTON);
        robot.waitForIdle();
    }

    /** The picture's curves: series 0 the truth, 1 the answer (dB at each frequency). */
    private XYSeriesCollection picture() {
        waitFor("the EQ picture", 20, () -> GuiActionRunner.execute(() -> {
            Component c = find(screen, "eqPicture");
            return c != null && c.isShowing();
        }));
        return GuiActionRunner.execute(() -> (XYSeriesCollection) ((javax.swing.JComponent)
                find(screen, "eqPicture")).getClientProperty("eqPicture.series"));
    }

    private static double at(XYSeries s, double hz) {
        int best = 0;
        for (int i = 0; i < s.getItemCount(); i++) {
            if (Math.abs(Math.log(s.getX(i).doubleValue() / hz)) < Math.abs(Math.log(s.getX(best).doubleValue() / hz))) {
                best = i;
            }
        }
        return s.getY(best).doubleValue();
    }

    @Test
    void aMatchIsDialledByDraggingTheNodeHeardLiveAndSubmittedWithEnter() throws Exception {
        open();
        LessonPlay play = play("eq-match-undo-one-band", 17);
        show(play, 0);
        DrillQuestion q = play.step(0).drillQuestion().orElseThrow();
        EqBand hidden = q.hidden().get(0);
        double wantHz = hidden.frequencyHz();
        double wantDb = -hidden.gainDb();   // undo: the hidden gain negated
        MatchPanel panel = GuiActionRunner.execute(screen::matchPanel);
        assertThat(GuiActionRunner.execute(panel::isShowing)).isTrue();
        org.controlroom.ui.mix.EqCurve curve = panel.curve();
        Point node = GuiActionRunner.execute(() -> curve.nodePoint(0));
        Point target = GuiActionRunner.execute(() -> new Point(curve.xOf(wantHz), curve.yOf(wantDb)));
        drag(curve, node, target);
        waitFor("the node to reach the target", 10, () -> GuiActionRunner.execute(() ->
                EqMatchTestMath.octaves(panel.bands().get(0).hz(), wantHz) < 0.05));
        Response.Band dialledBand = GuiActionRunner.execute(() -> panel.bands().get(0));
        // a pixel of the curve is about 1 % in frequency and 0.2 dB in gain at this size
        assertThat(EqMatchTestMath.octaves(dialledBand.hz(), wantHz)).isLessThan(0.05);
        assertThat(dialledBand.gainDb()).isCloseTo(wantDb, within(0.5));
        assertThat(GuiActionRunner.execute(() -> ((javax.swing.JLabel) find(screen,
                "matchBand1")).getText())).contains(String.format(java.util.Locale.ROOT, "%+.1f", dialledBand.gainDb()));

        // the wheel over the node changes Q
        Point moved = GuiActionRunner.execute(() -> curve.nodePoint(0));
        window.robot().moveMouse(curve, moved.x, moved.y);
        window.robot().rotateMouseWheel(hidden.q() > 1.4 ? -1 : 1);
        window.robot().waitForIdle();
        // the X server hands the wheel to the window in its own time: on a busy machine it may land after
        // waitForIdle has returned, so wait for the change instead of reading at once
        waitFor("the wheel to change Q", 10,
                () -> GuiActionRunner.execute(() -> panel.bands().get(0).q()) != dialledBand.q());
        Response.Band wheeled = GuiActionRunner.execute(() -> panel.bands().get(0));
        assertThat(wheeled.q()).isNotEqualTo(dialledBand.q());

        // B followed the dials: the last clip rendered is B through the bands as they stand, and it sounds
        // nearer A than B did (measured on their 1/3-octave spectra)
        waitFor("B rendered through the dials", 20,
                () -> !dialled.isEmpty() && matches(dialled.get(dialled.size() - 1), play, wheeled));
        DrillAudio.Pair pair = play.listening(0).orElseThrow().pair();
        AudioClip live = dialled.get(dialled.size() - 1);
        assertThat(EqMatch.distanceDb(live, pair.a())).isLessThan(0.5 * EqMatch.distanceDb(pair.b(), pair.a()));

        window.robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
        window.robot().waitForIdle();
        waitFor("the answer", 10, () -> matchAnswers.size() == 1);
        assertThat(matchAnswers.get(0)).containsExactly(wheeled);

        LessonPlay.Judgement j = play.judge(0, new Response.Match(matchAnswers.get(0)), 5000);
        assertThat(j.feedback().points()).isGreaterThan(8);
        GuiActionRunner.execute(() -> screen.showFeedback(j.feedback(), false));
        XYSeriesCollection curves = picture();
        assertThat(curves.getSeriesCount()).isGreaterThanOrEqualTo(2);
        assertThat(at(curves.getSeries(0), wantHz)).isCloseTo(wantDb, within(0.3));
        assertThat(at(curves.getSeries(1), wheeled.hz())).isCloseTo(wheeled.gainDb(), within(0.3));
        // after Submit the dials no longer move
        Point after = GuiActionRunner.execute(() -> curve.nodePoint(0));
        drag(curve, after, new Point(after.x + 80, after.y));
        assertThat(GuiActionRunner.execute(() -> panel.bands().get(0))).isEqualTo(wheeled);
        takeScreenshot("drill-eq-match");
    }

    /** Whether a clip is B through these bands (sample for sample, as rendered here). */
    private static boolean matches(AudioClip clip, LessonPlay play, Response.Band band) {
        try {
            DrillAudio.Pair pair = play.listening(0).orElseThrow().pair();
            AudioClip want = pair.b().copy();
            ParametricEq eq = new ParametricEq(EqMatch.eq(List.of(band)));
            eq.prepare(want.sampleRate(), want.channels(), 1024);
            float[] s = want.samples();
            for (int i = 0; i < s.length; i += 2048) {
                eq.process(s, i, Math.min(2048, s.length - i));
            }
            float[] got = clip.samples();
            if (got.length != s.length) {
                return false;
            }
            for (int i = 0; i < s.length; i++) {
                if (Math.abs(got[i] - s[i]) > 1e-5f) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void twoBandsAndAHighPassAreDrawnTruthAgainstAnswerOnOneAxis() throws Exception {
        open();
        LessonPlay two = play("eq-two-bands", 4);
        show(two, 0);
        DrillQuestion q = two.step(0).drillQuestion().orElseThrow();
        assertThat(q.bands()).hasSize(2);
        List<org.controlroom.lesson.run.Choice> choices = two.step(0).choices();
        // answer the first band right and the second wrong: the lowest choice that is neither band
        int right = indexOf(choices, q.bands().get(0));
        int wrong = 0;
        while (q.bands().contains(choices.get(wrong).value())) {
            wrong++;
        }
        window.robot().pressAndReleaseKey(KeyEvent.VK_1 + right);
        window.robot().pressAndReleaseKey(KeyEvent.VK_1 + wrong);
        window.robot().waitForIdle();
        waitFor("both bands picked", 10, () -> bandAnswers.size() == 1);
        LessonPlay.Judgement j = two.judge(0, new org.controlroom.lesson.run.Response.Options(bandAnswers.get(0)), 3000);
        GuiActionRunner.execute(() -> screen.showFeedback(j.feedback(), false));
        XYSeriesCollection curves = picture();
        double gain = q.gainDb();
        for (double band : q.bands()) {
            assertThat(at(curves.getSeries(0), band)).as("the truth at %s Hz", band).isCloseTo(gain, within(0.6));
        }
        assertThat(at(curves.getSeries(1), q.bands().get(0))).isCloseTo(gain, within(0.6));
        assertThat(at(curves.getSeries(1), choices.get(wrong).value())).isCloseTo(gain, within(0.6));
        assertThat(at(curves.getSeries(1), q.bands().get(1))).isLessThan(gain - 3);
        takeScreenshot("drill-eq-two-bands-picture");

        LessonPlay cut = play("eq-low-cut-on-a-mix", 9);
        show(cut, 0);
        DrillQuestion hp = cut.step(0).drillQuestion().orElseThrow();
        List<org.controlroom.lesson.run.Choice> hpChoices = cut.step(0).choices();
        int pick = hp.noChange() ? 1 : indexOf(hpChoices, hp.answer());
        window.robot().pressAndReleaseKey(KeyEvent.VK_1 + pick);
        window.robot().waitForIdle();
        waitFor("the answer", 10, () -> valueAnswers.size() == 1);
        LessonPlay.Judgement k = cut.judge(0, new Response.Value(valueAnswers.get(0)), 3000);
        GuiActionRunner.execute(() -> screen.showFeedback(k.feedback(), false));
        XYSeriesCollection hpCurves = picture();
        double cutoff = hpChoices.get(pick).value();
        // a Butterworth high-pass is 3 dB down at its cutoff and flat two octaves above
        assertThat(at(hpCurves.getSeries(1), cutoff)).isCloseTo(-3, within(0.3));
        assertThat(at(hpCurves.getSeries(1), cutoff * 4)).isCloseTo(0, within(0.3));
        if (!hp.noChange()) {
            assertThat(at(hpCurves.getSeries(0), hp.answer())).isCloseTo(-3, within(0.3));
        }
    }

    private static int indexOf(List<org.controlroom.lesson.run.Choice> choices, double value) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).value() == value) {
                return i;
            }
        }
        throw new AssertionError(value + " not offered");
    }

    /** Saves the window as src/site/images/NAME.png when -Dcontrolroom.screenshots=true. */
    private void takeScreenshot(String name) throws Exception {
        if (!Boolean.getBoolean("controlroom.screenshots")) {
            return;
        }
        Thread.sleep(500);
        window.robot().waitForIdle();
        java.awt.image.BufferedImage img = GuiActionRunner.execute(() -> {
            JFrame f = (JFrame) window.target();
            java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(f.getContentPane().getWidth(),
                    f.getContentPane().getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            f.getContentPane().paint(b.getGraphics());
            return b;
        });
        javax.imageio.ImageIO.write(img, "png", Path.of("src/site/images", name + ".png").toFile());
    }

    private static void waitFor(String what, int seconds, java.util.function.BooleanSupplier ok) {
        org.assertj.swing.timing.Pause.pause(new org.assertj.swing.timing.Condition(what) {
            @Override
            public boolean test() {
                return ok.getAsBoolean();
            }
        }, org.assertj.swing.timing.Timeout.timeout(seconds, java.util.concurrent.TimeUnit.SECONDS));
    }

    /** The first component called {@code name} under {@code root}, or null (call on the event thread). */
    private static Component find(Component root, String name) {
        java.util.ArrayDeque<Component> todo = new java.util.ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Component c = todo.poll();
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof java.awt.Container k) {
                todo.addAll(List.of(k.getComponents()));
            }
        }
        return null;
    }

    /** Small math helpers kept apart from the code under test. */
    static final class EqMatchTestMath {
        static double octaves(double a, double b) {
            return Math.abs(Math.log(a / b) / Math.log(2));
        }
    }
}
