package org.controlroom.ui.drill;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.practice.DrillSound;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillExplore;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.LessonRunner.Side;
import org.controlroom.ui.text.Texts;

import com.formdev.flatlaf.FlatClientProperties;

/**
 * The explore step of a compression lesson: threshold, ratio, attack and release turned on the first
 * question's excerpt, the dry (A) and compressed (B) sound playing in a loop, and the gain-reduction
 * meter moving in step with playback (the compressor's own meter, recorded as the excerpt is rendered
 * off the event thread). With no sound device the meter runs on the clock as if it played.
 */
final class ExplorePanel extends JPanel {

    private final Consumer<Runnable> work;
    private final Runnable done;
    private final JSlider threshold = new JSlider(-60, 0, -20);
    private final JSlider ratio = new JSlider(10, 200, 40);
    private final JSlider attack = new JSlider(0, 100, 50);
    private final JSlider release = new JSlider(0, 100, 50);
    private final JLabel thresholdValue = new JLabel();
    private final JLabel ratioValue = new JLabel();
    private final JLabel attackValue = new JLabel();
    private final JLabel releaseValue = new JLabel();
    private final JProgressBar meter = new JProgressBar(0, 300);
    private final JLabel drop = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final Timer tick;
    private DrillSound sound;
    private AudioClip excerpt;
    private volatile DrillExplore.Result result;
    private Optional<Side> playing = Optional.empty();
    private long playStartedNanos;
    private boolean deviceMissing;
    private int renders;

    ExplorePanel(Consumer<Runnable> work, Runnable done) {
        super(new BorderLayout(0, 10));
        this.work = work;
        this.done = done;
        setName("drillExplore");
        JLabel head = new JLabel(Texts.get("drill.explore.title"));
        head.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        JLabel how = new JLabel("<html>" + Texts.get("drill.explore.how") + "</html>");
        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.add(head, BorderLayout.NORTH);
        top.add(how, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);

        JPanel knobs = new JPanel(new GridBagLayout());
        threshold.setName("exploreThreshold");
        ratio.setName("exploreRatio");
        attack.setName("exploreAttack");
        release.setName("exploreRelease");
        meter.setName("exploreMeter");
        drop.setName("exploreDrop");
        row(knobs, 0, Texts.get("drill.explore.threshold"), threshold, thresholdValue);
        row(knobs, 1, Texts.get("drill.explore.ratio"), ratio, ratioValue);
        row(knobs, 2, Texts.get("drill.explore.attack"), attack, attackValue);
        row(knobs, 3, Texts.get("drill.explore.release"), release, releaseValue);
        meter.setStringPainted(true);
        meter.setString(Texts.get("drill.explore.meter", "0.0"));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 4;
        c.insets = new Insets(10, 4, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        knobs.add(new JLabel(Texts.get("drill.explore.gr")), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        knobs.add(meter, c);
        c.gridx = 0;
        c.gridy = 5;
        c.gridwidth = 3;
        knobs.add(drop, c);
        add(knobs, BorderLayout.CENTER);

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        JButton dry = new JButton(Texts.get("drill.explore.playA"));
        JButton wet = new JButton(Texts.get("drill.explore.playB"));
        JButton stop = new JButton(Texts.get("drill.explore.stop"));
        JButton start = new JButton(Texts.get("drill.explore.start"));
        dry.setName("explorePlayA");
        wet.setName("explorePlayB");
        stop.setName("exploreStop");
        start.setName("exploreStart");
        start.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_ROUND_RECT);
        for (JButton b : new JButton[] {dry, wet, stop, start}) {
            b.setFocusable(false);
        }
        dry.addActionListener(e -> play(Side.A));
        wet.addActionListener(e -> play(Side.B));
        stop.addActionListener(e -> stopPlaying());
        start.addActionListener(e -> finish());
        buttons.add(dry);
        buttons.add(wet);
        buttons.add(stop);
        buttons.add(start);
        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.add(buttons, BorderLayout.NORTH);
        status.setName("exploreStatus");
        south.add(status, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(6, 0, 6, 0));

        for (JSlider s : new JSlider[] {threshold, ratio, attack, release}) {
            s.setFocusable(false);
            s.addChangeListener(e -> {
                showValues();
                if (!s.getValueIsAdjusting() || renders == 0) {
                    render();
                }
            });
        }
        tick = new Timer(40, e -> updateMeter());
        showValues();
    }

    private static void row(JPanel p, int y, String name, JSlider slider, JLabel value) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(4, 4, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        p.add(new JLabel(name), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        p.add(slider, c);
        c.gridx = 2;
        c.fill = GridBagConstraints.NONE;
        c.weightx = 0;
        value.setText("-60.0 ms");
        value.setPreferredSize(new java.awt.Dimension(90, value.getPreferredSize().height));
        p.add(value, c);
    }

    double thresholdDb() {
        return threshold.getValue();
    }

    double ratioValue() {
        return ratio.getValue() / 10.0;
    }

    /** Attack on a log scale from 0.1 to 500 ms. */
    double attackMs() {
        return Math.round(0.1 * Math.pow(5000, attack.getValue() / 100.0) * 10) / 10.0;
    }

    /** Release on a log scale from 5 to 2000 ms. */
    double releaseMs() {
        return Math.round(5 * Math.pow(400, release.getValue() / 100.0));
    }

    private void showValues() {
        thresholdValue.setText(String.format(Locale.ROOT, "%d dB", threshold.getValue()));
        ratioValue.setText(String.format(Locale.ROOT, "%.1f:1", ratioValue()));
        attackValue.setText(String.format(Locale.ROOT, "%.1f ms", attackMs()));
        releaseValue.setText(String.format(Locale.ROOT, "%.0f ms", releaseMs()));
    }

    /** The question's excerpt arrived: the knobs start at its ratio and timing (event thread). */
    void start(DrillAudio.Pair pair, DrillQuestion q) {
        excerpt = pair.a();
        DrillExplore.Knobs k = DrillExplore.start(q, excerpt);
        renders = 0;
        threshold.setValue((int) Math.round(k.thresholdDb()));
        ratio.setValue((int) Math.round(Math.min(20, k.ratio()) * 10));
        attack.setValue((int) Math.round(100 * Math.log(k.attackMs() / 0.1) / Math.log(5000)));
        release.setValue((int) Math.round(100 * Math.log(Math.max(5, k.releaseMs()) / 5) / Math.log(400)));
        showValues();
        render();
        tick.start();
    }

    /** Renders the excerpt through the knobs off the event thread, then swaps B's sound and the meter. */
    private void render() {
        AudioClip x = excerpt;
        if (x == null) {
            return;
        }
        renders++;
        DrillExplore.Knobs k = new DrillExplore.Knobs(thresholdDb(), ratioValue(), attackMs(), releaseMs());
        work.accept(() -> {
            DrillExplore.Result r = DrillExplore.run(x, k);
            SwingUtilities.invokeLater(() -> {
                result = r;
                drop.setText(Texts.get("drill.explore.drop", String.format(Locale.ROOT, "%.1f", r.rmsDropDb()),
                        String.format(Locale.ROOT, "%.1f", r.maxReductionDb())));
                if (sound != null) {
                    sound.replace(Side.B, r.processed());
                }
            });
        });
    }

    private void play(Side side) {
        DrillExplore.Result r = result;
        if (r == null) {
            return;
        }
        if (sound == null && !deviceMissing) {
            sound = new DrillSound();
            try {
                sound.load(new DrillAudio.Pair(excerpt, r.processed()), true);
            } catch (PlaybackUnavailableException e) {
                deviceMissing = true;
                sound.close();
                sound = null;
                status.setText("<html>" + Texts.get("drill.explore.noSound", e.getMessage()) + "</html>");
            }
        }
        if (sound != null) {
            sound.play(side);
        }
        tick.start();
        if (playing.isEmpty()) {
            playStartedNanos = System.nanoTime();
        }
        playing = Optional.of(side);
    }

    private void stopPlaying() {
        if (sound != null) {
            sound.stop();
        }
        playing = Optional.empty();
        updateMeter();
    }

    /** The meter at the playhead while B plays; 0 otherwise. */
    private void updateMeter() {
        DrillExplore.Result r = result;
        double gr = 0;
        if (r != null && playing.filter(s -> s == Side.B).isPresent()) {
            long frame = sound != null && sound.position() >= 0 ? sound.position()
                    : (long) ((System.nanoTime() - playStartedNanos) / 1e9 * excerpt.sampleRate());
            gr = r.meterAt(frame);
        }
        meter.setValue((int) Math.round(Math.min(30, gr) * 10));
        meter.setString(Texts.get("drill.explore.meter", String.format(Locale.ROOT, "%.1f", gr)));
    }

    /** The reading shown now, in dB (for tests). */
    double meterDb() {
        return meter.getValue() / 10.0;
    }

    private void finish() {
        close();
        done.run();
    }

    /** Stops the sound and the meter. */
    void close() {
        tick.stop();
        if (sound != null) {
            DrillSound s = sound;
            sound = null;
            work.accept(s::close);
        }
        playing = Optional.empty();
    }
}
