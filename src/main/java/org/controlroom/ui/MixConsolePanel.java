package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.Timer;

import org.controlroom.dsp.play.MeterSnapshot;
import org.controlroom.lesson.practice.SessionPlayer;
import org.controlroom.lesson.session.MixSession;

import com.formdev.flatlaf.FlatClientProperties;

/**
 * The mix console: a channel strip per track (fader with its dB value, pan, mute, solo, bus, a peak
 * meter with hold and a clip light), the master (fader, limiter, peak, true peak and loudness
 * meters), the transport (Space plays and stops), undo and redo (Ctrl+Z, Ctrl+Shift+Z) and Submit
 * (Ctrl+Enter). Every move is an edit of the session (heard at once, saved as it happens). Runs on the
 * event thread; the player's device work goes to {@code work}.
 */
final class MixConsolePanel extends JPanel {
    private static final double FADER_MIN = -60;
    private static final double FADER_MAX = 12;

    private final MixSession session;
    private final Optional<SessionPlayer> player;
    private final Consumer<Runnable> work;
    private final Map<String, Strip> strips = new LinkedHashMap<>();
    private final JLabel status = new JLabel(" ");
    private final JButton play = new JButton("\u25B6 Play");
    private final JButton undo = new JButton("Undo");
    private final JButton redo = new JButton("Redo");
    private final JLabel masterMeters = new JLabel(" ");
    private final JSlider masterFader = fader();
    private final JTextField masterValue = new JTextField(5);
    private final JCheckBox limiter = new JCheckBox("Limiter at -1 dBTP");
    private final Timer meterTimer;
    private boolean updating;

    /** One channel's controls. */
    private final class Strip {
        final String name;
        final JSlider fader = fader();
        final JTextField value = new JTextField(5);
        final JSlider pan = new JSlider(-100, 100, 0);
        final JToggleButton mute = new JToggleButton("M");
        final JToggleButton solo = new JToggleButton("S");
        final JComboBox<String> bus = new JComboBox<>();
        final JProgressBar meter = new JProgressBar(SwingConstants.VERTICAL, 0, 600);
        final JLabel peak = new JLabel("-inf", SwingConstants.CENTER);

        Strip(String name) {
            this.name = name;
        }
    }

    MixConsolePanel(MixSession session, Optional<SessionPlayer> player, Consumer<Runnable> work, Runnable submit,
                    Runnable back) {
        super(new BorderLayout(0, 12));
        this.session = session;
        this.player = player;
        this.work = work;
        setName("mixConsole");
        setBorder(BorderFactory.createEmptyBorder(16, 24, 16, 24));

        JLabel title = new JLabel(session.lesson().title());
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JButton backButton = new JButton("\u2190 Lessons");
        backButton.addActionListener(e -> back.run());
        JButton submitButton = new JButton("Submit mix");
        submitButton.setName("submitMix");
        submitButton.setToolTipText("Render and score the mix (Ctrl+Enter)");
        submitButton.putClientProperty(FlatClientProperties.STYLE, "background: $Component.accentColor; foreground: #ffffff");
        submitButton.addActionListener(e -> submit.run());
        play.setName("transportPlay");
        play.addActionListener(e -> togglePlay());
        undo.setName("undo");
        undo.addActionListener(e -> {
            session.history().undo();
        });
        redo.setName("redo");
        redo.addActionListener(e -> {
            session.history().redo();
        });
        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.WEST);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.add(play);
        buttons.add(undo);
        buttons.add(redo);
        buttons.add(backButton);
        buttons.add(submitButton);
        top.add(buttons, BorderLayout.EAST);
        JLabel brief = new JLabel("<html><body style='width: 640px'>" + escape(session.lesson().brief().strip())
                + "</body></html>");
        JPanel north = new JPanel(new BorderLayout(0, 8));
        north.add(top, BorderLayout.NORTH);
        north.add(brief, BorderLayout.CENTER);
        add(north, BorderLayout.NORTH);

        JPanel desk = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        for (MixSession.Track t : session.tracks()) {
            Strip s = new Strip(t.name());
            strips.put(t.name(), s);
            desk.add(stripPanel(s));
        }
        desk.add(masterPanel());
        JScrollPane scroll = new JScrollPane(desk);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(scroll, BorderLayout.CENTER);
        status.setName("consoleStatus");
        add(status, BorderLayout.SOUTH);

        session.addListener((s, what) -> {
            if (javax.swing.SwingUtilities.isEventDispatchThread()) {
                refresh();
                status.setText(what);
            }
        });
        bindKeys(submit);
        refresh();
        meterTimer = new Timer(33, e -> pollMeters());
        meterTimer.start();
    }

    private static JSlider fader() {
        JSlider f = new JSlider(SwingConstants.VERTICAL, (int) (FADER_MIN * 10), (int) (FADER_MAX * 10), 0);
        f.setPreferredSize(new Dimension(64, 240));
        f.setMajorTickSpacing(120);
        f.setMinorTickSpacing(60);
        f.setPaintTicks(true);
        java.util.Hashtable<Integer, JComponent> labels = new java.util.Hashtable<>();
        for (int db = (int) FADER_MIN; db <= FADER_MAX; db += 12) {
            JLabel l = new JLabel(db > 0 ? "+" + db : Integer.toString(db));
            l.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
            labels.put(db * 10, l);
        }
        f.setLabelTable(labels);
        f.setPaintLabels(true);
        return f;
    }

    private JComponent stripPanel(Strip s) {
        JPanel p = new JPanel();
        p.setName("strip-" + s.name);
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0x3a3f44)),
                BorderFactory.createEmptyBorder(6, 6, 6, 6)));
        JLabel name = new JLabel(s.name, SwingConstants.CENTER);
        name.setAlignmentX(CENTER_ALIGNMENT);
        name.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        p.add(name);
        s.pan.setName("pan-" + s.name);
        s.pan.setPreferredSize(new Dimension(96, 24));
        s.pan.setToolTipText("Pan (double-click centres)");
        s.pan.addChangeListener(e -> {
            if (!updating) {
                edit(() -> session.setPan(s.name, s.pan.getValue() / 100.0));
            }
        });
        s.pan.addMouseListener(doubleClick(() -> s.pan.setValue(0)));
        p.add(s.pan);
        JPanel middle = new JPanel(new BorderLayout(4, 0));
        s.fader.setName("fader-" + s.name);
        s.fader.setToolTipText("Fader (double-click: 0 dB)");
        s.fader.addChangeListener(e -> {
            if (!updating) {
                edit(() -> session.setGainDb(s.name, s.fader.getValue() / 10.0));
            }
        });
        s.fader.addMouseListener(doubleClick(() -> s.fader.setValue(0)));
        s.meter.setName("meter-" + s.name);
        s.meter.setPreferredSize(new Dimension(10, 240));
        middle.add(s.fader, BorderLayout.CENTER);
        middle.add(s.meter, BorderLayout.EAST);
        p.add(middle);
        s.value.setName("faderValue-" + s.name);
        s.value.setHorizontalAlignment(SwingConstants.CENTER);
        s.value.addActionListener(e -> typed(s.value, db -> session.setGainDb(s.name, db)));
        p.add(s.value);
        s.peak.setAlignmentX(CENTER_ALIGNMENT);
        p.add(s.peak);
        s.mute.setName("mute-" + s.name);
        s.solo.setName("solo-" + s.name);
        s.mute.setToolTipText("Mute");
        s.solo.setToolTipText("Solo in place");
        s.mute.addActionListener(e -> edit(() -> session.setMute(s.name, s.mute.isSelected())));
        s.solo.addActionListener(e -> edit(() -> session.setSolo(s.name, s.solo.isSelected())));
        JPanel ms = new JPanel(new GridLayout(1, 2, 4, 0));
        ms.add(s.mute);
        ms.add(s.solo);
        p.add(ms);
        if (!session.buses().isEmpty()) {
            s.bus.addItem("master");
            session.buses().forEach(s.bus::addItem);
            s.bus.addActionListener(e -> {
                if (!updating) {
                    String b = (String) s.bus.getSelectedItem();
                    edit(() -> session.setBus(s.name, "master".equals(b) ? Optional.empty() : Optional.of(b)));
                }
            });
            p.add(s.bus);
        }
        return p;
    }

    private JComponent masterPanel() {
        JPanel p = new JPanel();
        p.setName("strip-master");
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0x5a6066)),
                BorderFactory.createEmptyBorder(6, 6, 6, 6)));
        JLabel name = new JLabel("Master", SwingConstants.CENTER);
        name.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        name.setAlignmentX(CENTER_ALIGNMENT);
        p.add(name);
        masterFader.setName("fader-master");
        masterFader.addChangeListener(e -> {
            if (!updating) {
                MixSession.Master m = session.master();
                edit(() -> session.setMaster(new MixSession.Master(masterFader.getValue() / 10.0, m.limiterOn(),
                        m.ceilingDbtp())));
            }
        });
        masterFader.addMouseListener(doubleClick(() -> masterFader.setValue(0)));
        p.add(masterFader);
        masterValue.setHorizontalAlignment(SwingConstants.CENTER);
        masterValue.addActionListener(e -> typed(masterValue, db -> {
            MixSession.Master m = session.master();
            session.setMaster(new MixSession.Master(db, m.limiterOn(), m.ceilingDbtp()));
        }));
        p.add(masterValue);
        limiter.setName("limiter");
        limiter.addActionListener(e -> {
            MixSession.Master m = session.master();
            edit(() -> session.setMaster(new MixSession.Master(m.gainDb(), limiter.isSelected(), m.ceilingDbtp())));
        });
        p.add(limiter);
        masterMeters.setName("masterMeters");
        p.add(masterMeters);
        return p;
    }

    private void typed(JTextField field, java.util.function.DoubleConsumer set) {
        try {
            double db = Double.parseDouble(field.getText().replace("dB", "").replace("+", "").strip());
            edit(() -> set.accept(db));
        } catch (NumberFormatException e) {
            status.setText("Type a number of dB, e.g. -6.5");
            refresh();
        }
    }

    private void edit(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            refresh();
        }
    }

    /** Shows the session's state (after an edit, an undo, a loaded plan). */
    private void refresh() {
        updating = true;
        try {
            for (MixSession.Track t : session.tracks()) {
                Strip s = strips.get(t.name());
                s.fader.setValue((int) Math.round(Math.max(FADER_MIN, Math.min(FADER_MAX, t.gainDb())) * 10));
                s.value.setText(String.format(Locale.ROOT, "%+.1f", t.gainDb()));
                s.pan.setValue((int) Math.round(t.pan() * 100));
                s.pan.setToolTipText(panText(t.pan()));
                s.mute.setSelected(t.mute());
                s.solo.setSelected(t.solo());
                if (s.bus.getItemCount() > 0) {
                    s.bus.setSelectedItem(t.bus().orElse("master"));
                }
            }
            MixSession.Master m = session.master();
            masterFader.setValue((int) Math.round(Math.max(FADER_MIN, Math.min(FADER_MAX, m.gainDb())) * 10));
            masterValue.setText(String.format(Locale.ROOT, "%+.1f", m.gainDb()));
            limiter.setSelected(m.limiterOn());
            undo.setEnabled(session.history().canUndo());
            redo.setEnabled(session.history().canRedo());
            undo.setToolTipText(session.history().undoName().map(n -> "Undo " + n + " (Ctrl+Z)").orElse("Nothing to undo"));
            redo.setToolTipText(session.history().redoName().map(n -> "Redo " + n + " (Ctrl+Shift+Z)").orElse("Nothing to redo"));
        } finally {
            updating = false;
        }
    }

    private static String panText(double pan) {
        long p = Math.round(pan * 100);
        return p == 0 ? "C" : p < 0 ? (-p) + " L" : p + " R";
    }

    private void togglePlay() {
        if (player.isEmpty()) {
            status.setText("No sound: the session's sounds could not be loaded.");
            return;
        }
        SessionPlayer sp = player.get();
        boolean playing = sp.isPlaying();
        play.setText(playing ? "\u25B6 Play" : "\u25A0 Stop");
        work.accept(() -> {
            try {
                if (playing) {
                    sp.stop();
                } else {
                    sp.play();
                }
            } catch (org.controlroom.dsp.play.PlaybackUnavailableException e) {
                javax.swing.SwingUtilities.invokeLater(() -> {
                    play.setText("\u25B6 Play");
                    status.setText("No sound: " + e.getMessage() + " You can still mix and submit: the score is"
                            + " measured from the render.");
                });
            }
        });
    }

    private void pollMeters() {
        if (player.isEmpty() || !isShowing()) {
            return;
        }
        MeterSnapshot m = player.get().meters();
        for (MeterSnapshot.PeakLevel t : m.tracks()) {
            Strip s = strips.get(t.name());
            if (s != null) {
                s.meter.setValue((int) Math.round(Math.max(0, 60 + t.peakDb()) * 10));
                s.meter.setForeground(t.clipped() ? new Color(0xd9534f) : new Color(0x5cb85c));
                s.peak.setText(t.holdDb() == Double.NEGATIVE_INFINITY ? "-inf"
                        : String.format(Locale.ROOT, "%.1f%s", t.holdDb(), t.clipped() ? " CLIP" : ""));
            }
        }
        masterMeters.setText(String.format(Locale.ROOT, "<html>peak %s / %s dBFS<br>true peak %s dBTP<br>"
                        + "M %s  S %s  I %s LUFS</html>", f(m.masterLeft().holdDb()), f(m.masterRight().holdDb()),
                f(m.truePeakDbtp()), f(m.momentaryLufs()), f(m.shortTermLufs()), f(m.integratedLufs())));
        if (!player.get().isPlaying() && play.getText().startsWith("\u25A0")) {
            play.setText("\u25B6 Play");
        }
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-inf";
    }

    private void bindKeys(Runnable submit) {
        key(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "play", this::togglePlay);
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu), "undo", () -> session.history().undo());
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu | java.awt.event.InputEvent.SHIFT_DOWN_MASK), "redo",
                () -> session.history().redo());
        key(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, menu), "submit", submit);
    }

    private void key(KeyStroke stroke, String name, Runnable r) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(stroke, name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (isShowing()) {
                    r.run();
                }
            }
        });
    }

    private static MouseAdapter doubleClick(Runnable r) {
        return new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    r.run();
                }
            }
        };
    }

    /** Long work under way (the submitted mix is being rendered): the controls wait. */
    void working(String message) {
        status.setText(message);
        setEnabledAll(this, false);
    }

    /** A problem to show; the controls work again. */
    void problem(String message) {
        setEnabledAll(this, true);
        status.setText("<html>" + escape(message) + "</html>");
        refresh();
    }

    private static void setEnabledAll(java.awt.Container c, boolean on) {
        for (java.awt.Component k : c.getComponents()) {
            k.setEnabled(on);
            if (k instanceof java.awt.Container inner) {
                setEnabledAll(inner, on);
            }
        }
    }

    /** Stops the meters and the player (leaving the screen). */
    void dispose() {
        meterTimer.stop();
        List<Runnable> close = new ArrayList<>();
        player.ifPresent(p -> close.add(p::close));
        work.accept(() -> close.forEach(Runnable::run));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
