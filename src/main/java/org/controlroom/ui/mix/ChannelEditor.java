package org.controlroom.ui.mix;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.lesson.session.MixSession;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The channel editor: the selected strip's 4-band EQ (the interactive curve, and per band its type,
 * on/off and values) and its compressor (on/off, threshold, ratio, attack, release, knee, make-up)
 * with a live gain-reduction meter. One editor for all strips, as in a DAW, so 24 tracks stay light.
 */
public final class ChannelEditor extends JPanel {
    private final MixSession session;
    private final Consumer<Runnable> edit;
    private final JLabel title = new JLabel();
    private final EqCurve curve;
    private final List<JComboBox<String>> types = new ArrayList<>();
    private final List<JCheckBox> ons = new ArrayList<>();
    private final List<JLabel> values = new ArrayList<>();
    private final JCheckBox compOn = new JCheckBox(Texts.get("mix.comp.on"));
    private final JSpinner threshold = spinner(-18, -60, 0, 0.5);
    private final JSpinner ratio = spinner(4, 1, 20, 0.1);
    private final JSpinner attack = spinner(10, 0.1, 300, 1);
    private final JSpinner release = spinner(100, 5, 3000, 5);
    private final JSpinner knee = spinner(6, 0, 24, 0.5);
    private final JSpinner makeup = spinner(0, 0, 24, 0.5);
    private final LevelMeter reduction = LevelMeter.gainReduction();
    private final JLabel reductionValue = new JLabel("GR 0.0 dB");
    private String track;
    private boolean updating;

    public ChannelEditor(MixSession session, double sampleRate, Consumer<Runnable> edit) {
        super(new BorderLayout(12, 0));
        this.session = session;
        this.edit = edit;
        setName("channelEditor");
        setBorder(BorderFactory.createEmptyBorder(6, 0, 0, 0));
        curve = new EqCurve(sampleRate, (i, band) -> edit.accept(() -> session.setEqBand(track, i, band)));
        curve.setName("eqCurve");
        curve.setGesture(Gesture.of(session.history()));
        title.setName("editorTitle");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");

        JPanel eq = new JPanel(new BorderLayout(0, 4));
        eq.add(title, BorderLayout.NORTH);
        eq.add(curve, BorderLayout.CENTER);
        JPanel bands = new JPanel(new GridLayout(1, MixSession.EQ_BANDS, 6, 0));
        for (int i = 0; i < MixSession.EQ_BANDS; i++) {
            int index = i;
            JComboBox<String> type = new JComboBox<>(EqCurve.typeNames().toArray(new String[0]));
            type.setName("eqType-" + i);
            type.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
            type.setToolTipText(Texts.get("mix.eq.type.tip", i + 1));
            type.addActionListener(e -> {
                if (!updating && track != null) {
                    FilterType t = EqCurve.TYPES[type.getSelectedIndex()];
                    EqBand b = session.track(track).eq().get(index);
                    if (b.type() != t) {
                        edit.accept(() -> session.setEqBand(track, index, b.withType(t).withEnabled(true)));
                    }
                }
            });
            JCheckBox on = new JCheckBox(Integer.toString(i + 1));
            on.setName("eqOn-" + i);
            on.setToolTipText(Texts.get("mix.eq.on.tip", i + 1));
            on.addActionListener(e -> {
                if (!updating && track != null) {
                    EqBand b = session.track(track).eq().get(index);
                    edit.accept(() -> session.setEqBand(track, index, b.withEnabled(on.isSelected())));
                }
            });
            JLabel v = new JLabel(" ");
            v.setName("eqValue-" + i);
            v.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
            JPanel cell = new JPanel(new BorderLayout(2, 0));
            JPanel head = new JPanel(new BorderLayout(2, 0));
            head.add(on, BorderLayout.WEST);
            head.add(type, BorderLayout.CENTER);
            cell.add(head, BorderLayout.NORTH);
            cell.add(v, BorderLayout.SOUTH);
            types.add(type);
            ons.add(on);
            values.add(v);
            bands.add(cell);
        }
        eq.add(bands, BorderLayout.SOUTH);
        add(eq, BorderLayout.CENTER);

        JPanel comp = new JPanel(new BorderLayout(6, 4));
        JLabel compTitle = new JLabel(Texts.get("mix.comp.title"));
        compTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        JPanel grid = new JPanel(new GridLayout(0, 4, 6, 3));
        compOn.setName("compOn");
        compOn.setToolTipText(Texts.get("mix.comp.on.tip"));
        compOn.addActionListener(e -> {
            if (!updating && track != null) {
                edit.accept(() -> session.setCompressor(track, compOn.isSelected() ? Optional.of(settings())
                        : Optional.empty()));
            }
        });
        JPanel compHead = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        compHead.add(compTitle);
        compHead.add(compOn);
        comp.add(compHead, BorderLayout.NORTH);
        row(grid, "threshold", threshold);
        row(grid, "ratio", ratio);
        row(grid, "attack", attack);
        row(grid, "release", release);
        row(grid, "knee", knee);
        row(grid, "makeup", makeup);
        comp.add(grid, BorderLayout.CENTER);
        JPanel gr = new JPanel(new BorderLayout(0, 2));
        reduction.setName("editorGr");
        reduction.setPreferredSize(new Dimension(14, 120));
        reduction.setToolTipText(Texts.get("mix.gr.tip"));
        reductionValue.setName("editorGrValue");
        reductionValue.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        gr.add(reduction, BorderLayout.CENTER);
        gr.add(reductionValue, BorderLayout.SOUTH);
        comp.add(gr, BorderLayout.EAST);
        comp.setPreferredSize(new Dimension(440, 170));
        add(comp, BorderLayout.EAST);
    }

    private void row(JPanel grid, String key, JSpinner s) {
        s.setName("comp-" + key);
        s.setToolTipText(Texts.get("mix.comp." + key + ".tip"));
        s.addChangeListener(e -> {
            if (!updating && track != null && session.track(track).comp().isPresent()) {
                edit.accept(() -> session.setCompressor(track, Optional.of(settings())));
            }
        });
        grid.add(new JLabel(Texts.get("mix.comp." + key)));
        grid.add(s);
    }

    private static JSpinner spinner(double value, double min, double max, double step) {
        JSpinner s = new JSpinner(new SpinnerNumberModel(value, min, max, step));
        s.setEditor(new JSpinner.NumberEditor(s, "0.0"));
        return s;
    }

    private static double v(JSpinner s) {
        return ((Number) s.getValue()).doubleValue();
    }

    private Compressor.Settings settings() {
        Compressor.Settings base = session.track(track).comp().orElse(Compressor.Settings.defaults());
        return new Compressor.Settings(v(threshold), v(ratio), v(knee), v(attack), v(release), v(makeup),
                base.detection(), base.stereoLink());
    }

    /** Shows a track (the selected strip). */
    public void show(String name) {
        track = name;
        refresh();
    }

    public String track() {
        return track;
    }

    public EqCurve curve() {
        return curve;
    }

    /** Shows the session's state of the shown track. */
    public void refresh() {
        if (track == null) {
            return;
        }
        updating = true;
        try {
            MixSession.Track t = session.track(track);
            title.setText(Texts.get("mix.editor.title", track));
            curve.setBands(t.eq());
            for (int i = 0; i < MixSession.EQ_BANDS; i++) {
                EqBand b = t.eq().get(i);
                int ti = java.util.Arrays.asList(EqCurve.TYPES).indexOf(b.type());
                if (ti >= 0) {
                    types.get(i).setSelectedIndex(ti);
                }
                ons.get(i).setSelected(b.enabled());
                values.get(i).setText(EqCurve.describe(b));
            }
            Compressor.Settings c = t.comp().orElse(Compressor.Settings.defaults());
            compOn.setSelected(t.comp().isPresent());
            threshold.setValue(clamp(c.thresholdDb(), -60, 0));
            ratio.setValue(clamp(c.ratio(), 1, 20));
            attack.setValue(clamp(c.attackMs(), 0.1, 300));
            release.setValue(clamp(c.releaseMs(), 5, 3000));
            knee.setValue(clamp(c.kneeDb(), 0, 24));
            makeup.setValue(clamp(c.makeupDb(), 0, 24));
        } finally {
            updating = false;
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** The shown track's compressor gain reduction now, dB. */
    public void reduction(double db) {
        reduction.show(db, 0, false);
        reductionValue.setText(String.format(Locale.ROOT, "GR %.1f dB", db));
    }

    public LevelMeter reductionMeter() {
        return reduction;
    }

    static JPanel flow(java.awt.Component... cs) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        for (java.awt.Component c : cs) {
            p.add(c);
        }
        return p;
    }
}
