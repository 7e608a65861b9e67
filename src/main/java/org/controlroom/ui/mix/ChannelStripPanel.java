package org.controlroom.ui.mix;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.SwingConstants;

import org.controlroom.dsp.play.MeterSnapshot;
import org.controlroom.lesson.session.MixSession;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * One channel strip of the console: name (click to edit its EQ and compressor below), bus, pan knob,
 * fader with its dB scale and value field, peak meter with hold and clip light, a gain-reduction
 * meter, mute and solo. Every move is an edit of the session.
 */
public final class ChannelStripPanel extends JPanel {
    private static final Color NORMAL = new Color(0x3a3f44);
    private static final Color SELECTED = new Color(0x6fa8dc);

    private final String track;
    private final MixSession session;
    private final Consumer<Runnable> edit;
    private final FaderControl fader;
    private final JTextField value = new JTextField(4);
    private final PanKnob pan;
    private final JLabel panValue = new JLabel("C", SwingConstants.CENTER);
    private final JToggleButton mute = new JToggleButton("M");
    private final JToggleButton solo = new JToggleButton("S");
    private final JComboBox<String> bus = new JComboBox<>();
    private final LevelMeter meter;
    private final LevelMeter reduction = LevelMeter.gainReduction();
    private final JLabel name;
    private boolean updating;

    /**
     * @param edit   runs an edit of the session (and says why one was refused)
     * @param select makes this the strip the channel editor shows
     * @param resetMeters clears peak holds and clip lights
     */
    public ChannelStripPanel(String track, MixSession session, Consumer<Runnable> edit, Runnable select,
                             Runnable resetMeters, Consumer<String> status) {
        super(new BorderLayout(0, 3));
        this.track = track;
        this.session = session;
        this.edit = edit;
        setName("strip-" + track);
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(NORMAL, 2),
                BorderFactory.createEmptyBorder(3, 3, 3, 3)));
        name = new JLabel(track, SwingConstants.CENTER);
        name.setName("stripName-" + track);
        name.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        name.setToolTipText(Texts.get("mix.strip.select.tip", track));
        name.setPreferredSize(new Dimension(70, 18));
        MouseAdapter pick = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                select.run();
            }
        };
        name.addMouseListener(pick);
        addMouseListener(pick);

        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        top.add(center(name));
        if (!session.buses().isEmpty()) {
            bus.setName("bus-" + track);
            bus.addItem("master");
            session.buses().forEach(bus::addItem);
            bus.setToolTipText(Texts.get("mix.bus.tip"));
            bus.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
            bus.addActionListener(e -> {
                if (!updating) {
                    String b = (String) bus.getSelectedItem();
                    edit.accept(() -> session.setBus(track, "master".equals(b) ? Optional.empty() : Optional.of(b)));
                }
            });
            top.add(bus);
        }
        pan = new PanKnob(v -> edit.accept(() -> session.setPan(track, v / 100.0)));
        pan.setName("pan-" + track);
        pan.setGesture(Gesture.of(session.history()));
        top.add(center(pan));
        panValue.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        panValue.setName("panValue-" + track);
        top.add(center(panValue));
        add(top, BorderLayout.NORTH);

        fader = new FaderControl(db -> edit.accept(() -> session.setGainDb(track, db)));
        fader.setName("fader-" + track);
        fader.setGesture(Gesture.of(session.history()));
        meter = LevelMeter.peak(resetMeters);
        meter.setName("meter-" + track);
        meter.setToolTipText(Texts.get("mix.meter.tip"));
        reduction.setName("gr-" + track);
        reduction.setToolTipText(Texts.get("mix.gr.tip"));
        JPanel middle = new JPanel(new BorderLayout(2, 0));
        middle.add(fader, BorderLayout.CENTER);
        JPanel meters = new JPanel(new BorderLayout(2, 0));
        meters.add(meter, BorderLayout.CENTER);
        meters.add(reduction, BorderLayout.EAST);
        middle.add(meters, BorderLayout.EAST);
        add(middle, BorderLayout.CENTER);

        JPanel bottom = new JPanel(new GridLayout(0, 1, 0, 3));
        value.setName("faderValue-" + track);
        value.setHorizontalAlignment(SwingConstants.CENTER);
        value.setToolTipText(Texts.get("mix.fader.value.tip"));
        value.addActionListener(e -> {
            Optional<Double> db = parseDb(value.getText());
            if (db.isPresent()) {
                edit.accept(() -> session.setGainDb(track, db.get()));
            } else {
                status.accept(Texts.get("mix.fader.typed.bad"));
            }
            refresh();
        });
        bottom.add(value);
        mute.setName("mute-" + track);
        solo.setName("solo-" + track);
        mute.setToolTipText(Texts.get("mix.mute.tip"));
        solo.setToolTipText(Texts.get("mix.solo.tip"));
        mute.putClientProperty(FlatClientProperties.STYLE, "selectedBackground: #b45f06");
        solo.putClientProperty(FlatClientProperties.STYLE, "selectedBackground: #bf9000");
        mute.addActionListener(e -> edit.accept(() -> session.setMute(track, mute.isSelected())));
        solo.addActionListener(e -> edit.accept(() -> session.setSolo(track, solo.isSelected())));
        JPanel ms = new JPanel(new GridLayout(1, 2, 3, 0));
        ms.add(mute);
        ms.add(solo);
        bottom.add(ms);
        add(bottom, BorderLayout.SOUTH);
        setPreferredSize(new Dimension(84, 330));
        refresh();
    }

    private static JPanel center(java.awt.Component c) {
        JPanel p = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.CENTER, 0, 0));
        p.add(c);
        return p;
    }

    /** A typed level: "-3", "-3.5 dB", "+2". */
    static Optional<Double> parseDb(String text) {
        try {
            return Optional.of(Double.parseDouble(text.replace("dB", "").replace("+", "").strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String track() {
        return track;
    }

    /** Shows the session's state of this track. */
    public void refresh() {
        updating = true;
        try {
            MixSession.Track t = session.track(track);
            fader.setDb(t.gainDb());
            if (!value.hasFocus() || !value.getText().equals(format(t.gainDb()))) {
                value.setText(format(t.gainDb()));
            }
            int p = (int) Math.round(t.pan() * 100);
            pan.setValue(p);
            panValue.setText(PanKnob.text(p));
            mute.setSelected(t.mute());
            solo.setSelected(t.solo());
            if (bus.getItemCount() > 0) {
                bus.setSelectedItem(t.bus().orElse("master"));
            }
            reduction.setVisible(t.comp().isPresent());
        } finally {
            updating = false;
        }
    }

    static String format(double db) {
        return String.format(Locale.ROOT, "%+.1f", db);
    }

    /** Marks this strip as the one the editor shows. */
    public void setSelected(boolean on) {
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(on ? SELECTED : NORMAL, 2),
                BorderFactory.createEmptyBorder(3, 3, 3, 3)));
    }

    /** New meter readings. */
    public void meters(MeterSnapshot.PeakLevel level, double reductionDb) {
        meter.show(level.peakDb(), level.holdDb(), level.clipped());
        reduction.show(reductionDb, 0, false);
    }

    public LevelMeter meter() {
        return meter;
    }

    public FaderControl fader() {
        return fader;
    }
}
