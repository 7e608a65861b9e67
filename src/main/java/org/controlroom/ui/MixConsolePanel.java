package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.HashMap;
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
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.text.JTextComponent;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.play.MeterSnapshot;
import org.controlroom.dsp.play.MixerPlayback;
import org.controlroom.lesson.practice.MixSong;
import org.controlroom.lesson.practice.SessionPlayer;
import org.controlroom.lesson.session.MixSession;
import org.controlroom.ui.mix.ChannelEditor;
import org.controlroom.ui.mix.ChannelStripPanel;
import org.controlroom.ui.mix.FaderControl;
import org.controlroom.ui.mix.LevelMeter;
import org.controlroom.ui.mix.SpectrumView;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The mix console: a channel strip per track (fader with its dB scale and value field, pan knob, mute,
 * solo, bus, peak meter with hold and clip light, gain reduction), one channel editor for the selected
 * strip (the interactive EQ curve, the compressor with its live gain-reduction meter), the master
 * (fader, limiter, dBFS peak, dBTP and LUFS meters, the live 1/3-octave spectrum) and the transport
 * (Space plays and stops; loop or jump to a section of the song; R switches between the mix and the
 * reference mix, loudness-matched; X bypasses all processing). Undo and redo (Ctrl+Z, Ctrl+Shift+Z) and
 * Submit (Ctrl+Enter). Every move is an edit of the session (heard at once, saved as it happens).
 *
 * <p>Runs on the event thread; the player's device work, the loudness matching and everything that
 * decodes or renders goes to {@code work}. Meters and the EQ curve's spectrum repaint from a Swing
 * timer ({@value #METER_PERIOD_MS} ms) that only reads the player's snapshots.
 */
final class MixConsolePanel extends JPanel {
    /** The meters' repaint period: 30 times a second. */
    static final int METER_PERIOD_MS = 33;

    private final MixSession session;
    private final Optional<SessionPlayer> player;
    private final Consumer<Runnable> work;
    private final Map<String, ChannelStripPanel> strips = new LinkedHashMap<>();
    private final ChannelEditor editor;
    private final JLabel status = new JLabel(" ");
    private final JButton play = new JButton(Texts.get("mix.transport.play"));
    private final JButton undo = new JButton(Texts.get("mix.undo"));
    private final JButton redo = new JButton(Texts.get("mix.redo"));
    private final JComboBox<String> sectionPick = new JComboBox<>();
    private final JToggleButton loop = new JToggleButton(Texts.get("mix.transport.loop"));
    private final JButton jump = new JButton(Texts.get("mix.transport.jump"));
    private final JToggleButton ab = new JToggleButton(Texts.get("mix.transport.ab"));
    private final JLabel sideMix = new JLabel(Texts.get("mix.transport.side.mix"), SwingConstants.CENTER);
    private final JLabel sideReference = new JLabel(Texts.get("mix.transport.side.reference"), SwingConstants.CENTER);
    private final JToggleButton bypass = new JToggleButton(Texts.get("mix.transport.bypass"));
    private final JLabel position = new JLabel("0:00.0");
    private final JLabel masterMeters = new JLabel(" ");
    private final FaderControl masterFader;
    private final JTextField masterValue = new JTextField(4);
    private final JCheckBox limiter = new JCheckBox(Texts.get("mix.master.limiter"));
    private final JSpinner ceiling = new JSpinner(new SpinnerNumberModel(-1.0, -20.0, 0.0, 0.1));
    private final LevelMeter masterLeft;
    private final LevelMeter masterRight;
    private final SpectrumView spectrum = new SpectrumView(new Dimension(250, 110));
    private final Timer meterTimer;
    private final List<MixSong.Section> sections;
    private String selected;
    private boolean updating;
    private boolean matching;
    /** A play or stop handed to the worker and not yet done: the button shows what was asked. */
    private int transportPending;

    MixConsolePanel(MixSession session, Optional<SessionPlayer> player, Consumer<Runnable> work, Runnable submit,
                    Runnable back) {
        super(new BorderLayout(0, 8));
        this.session = session;
        this.player = player;
        this.work = work;
        this.sections = player.map(SessionPlayer::sections).orElse(List.of());
        setName("mixConsole");
        setBorder(BorderFactory.createEmptyBorder(10, 16, 8, 16));
        Consumer<Runnable> edit = this::edit;
        double rate = player.map(SessionPlayer::sampleRate).orElse(48000.0);
        editor = new ChannelEditor(session, rate, edit);
        Runnable resetMeters = () -> player.ifPresent(p -> work.accept(p::resetMeters));
        masterLeft = LevelMeter.peak(resetMeters);
        masterRight = LevelMeter.peak(resetMeters);
        masterFader = new FaderControl(db -> edit(() -> {
            MixSession.Master m = session.master();
            session.setMaster(new MixSession.Master(db, m.limiterOn(), m.ceilingDbtp()));
        }));

        add(north(submit, back), BorderLayout.NORTH);

        JPanel desk = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        desk.setName("desk");
        for (MixSession.Track t : session.tracks()) {
            ChannelStripPanel s = new ChannelStripPanel(t.name(), session, edit, () -> select(t.name()), resetMeters,
                    status::setText);
            strips.put(t.name(), s);
            desk.add(s);
        }
        JScrollPane scroll = new JScrollPane(desk, JScrollPane.VERTICAL_SCROLLBAR_NEVER,
                JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getHorizontalScrollBar().setUnitIncrement(40);
        JPanel centre = new JPanel(new BorderLayout(8, 0));
        centre.add(scroll, BorderLayout.CENTER);
        centre.add(masterPanel(), BorderLayout.EAST);
        JPanel middle = new JPanel(new BorderLayout(0, 4));
        middle.add(centre, BorderLayout.CENTER);
        middle.add(editor, BorderLayout.SOUTH);
        add(middle, BorderLayout.CENTER);
        status.setName("consoleStatus");
        add(status, BorderLayout.SOUTH);

        session.addListener((s, what) -> {
            if (SwingUtilities.isEventDispatchThread()) {
                refresh();
                status.setText(what);
            } else {
                SwingUtilities.invokeLater(this::refresh);
            }
        });
        bindKeys(submit);
        // the keys work from the moment the console shows: it takes the focus (not the bare frame)
        setFocusable(true);
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & java.awt.event.HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
                SwingUtilities.invokeLater(this::requestFocusInWindow);
            }
        });
        addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
                requestFocusInWindow();
            }
        });
        if (!session.tracks().isEmpty()) {
            select(session.tracks().get(0).name());
        }
        refresh();
        meterTimer = new Timer(METER_PERIOD_MS, e -> pollMeters());
        meterTimer.setCoalesce(true);
        meterTimer.start();
    }

    private JComponent north(Runnable submit, Runnable back) {
        JLabel title = new JLabel(session.lesson().title());
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JButton backButton = new JButton(Texts.get("mix.back"));
        backButton.addActionListener(e -> back.run());
        JButton submitButton = new JButton(Texts.get("mix.submit"));
        submitButton.setName("submitMix");
        submitButton.setToolTipText(Texts.get("mix.submit.tip"));
        submitButton.putClientProperty(FlatClientProperties.STYLE, "background: $Component.accentColor; foreground: #ffffff");
        submitButton.addActionListener(e -> submit.run());
        undo.setName("undo");
        undo.addActionListener(e -> session.history().undo());
        redo.setName("redo");
        redo.addActionListener(e -> session.history().redo());
        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.WEST);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(undo);
        buttons.add(redo);
        buttons.add(backButton);
        buttons.add(submitButton);
        top.add(buttons, BorderLayout.EAST);
        JLabel brief = new JLabel("<html><body style='width: 900px'>" + escape(session.lesson().brief().strip())
                + "</body></html>");
        brief.setName("mixBrief");
        brief.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        JPanel north = new JPanel(new BorderLayout(0, 6));
        north.add(top, BorderLayout.NORTH);
        north.add(brief, BorderLayout.CENTER);
        north.add(transport(), BorderLayout.SOUTH);
        return north;
    }

    private JComponent transport() {
        play.setName("transportPlay");
        play.setToolTipText(Texts.get("mix.transport.play.tip"));
        play.addActionListener(e -> togglePlay());
        sectionPick.setName("sectionPick");
        sectionPick.setToolTipText(Texts.get("mix.transport.section.tip"));
        for (MixSong.Section s : sections) {
            sectionPick.addItem(s.name());
        }
        loop.setName("loopSection");
        loop.setToolTipText(Texts.get("mix.transport.loop.tip"));
        loop.addActionListener(e -> applyLoop());
        sectionPick.addActionListener(e -> {
            if (loop.isSelected()) {
                applyLoop();
            }
        });
        jump.setName("jumpSection");
        jump.setToolTipText(Texts.get("mix.transport.jump.tip"));
        jump.addActionListener(e -> jumpToSection());
        boolean songed = !sections.isEmpty();
        sectionPick.setEnabled(songed);
        loop.setEnabled(songed);
        jump.setEnabled(songed);
        if (!songed) {
            sectionPick.addItem(Texts.get("mix.transport.no.sections"));
        }
        ab.setName("abReference");
        ab.setToolTipText(Texts.get("mix.transport.ab.tip"));
        ab.setEnabled(player.map(SessionPlayer::hasReference).orElse(false));
        ab.addActionListener(e -> toggleReference());
        for (JLabel l : new JLabel[] {sideMix, sideReference}) {
            l.setOpaque(true);
            l.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        }
        sideMix.setName("sideMix");
        sideReference.setName("sideReference");
        bypass.setName("bypassAll");
        bypass.setToolTipText(Texts.get("mix.transport.bypass.tip"));
        bypass.putClientProperty(FlatClientProperties.STYLE, "selectedBackground: #b45f06");
        bypass.addActionListener(e -> {
            boolean on = bypass.isSelected();
            player.ifPresent(p -> work.accept(() -> p.bypass(on)));
            status.setText(Texts.get(on ? "mix.transport.bypass.on" : "mix.transport.bypass.off"));
        });
        position.setName("transportPosition");
        JPanel t = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        t.setName("transport");
        t.add(play);
        t.add(position);
        t.add(new JLabel(Texts.get("mix.transport.section")));
        t.add(sectionPick);
        t.add(loop);
        t.add(jump);
        t.add(ab);
        t.add(sideMix);
        t.add(sideReference);
        t.add(bypass);
        lightSide(MixerPlayback.Listening.MIX);
        return t;
    }

    private JComponent masterPanel() {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.setName("strip-master");
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0x5a6066), 2),
                BorderFactory.createEmptyBorder(4, 6, 4, 6)));
        JLabel name = new JLabel(Texts.get("mix.master"), SwingConstants.CENTER);
        name.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        p.add(name, BorderLayout.NORTH);
        masterFader.setName("fader-master");
        masterFader.setGesture(org.controlroom.ui.mix.Gesture.of(session.history()));
        masterLeft.setName("masterMeterL");
        masterRight.setName("masterMeterR");
        masterLeft.setToolTipText(Texts.get("mix.meter.tip"));
        masterRight.setToolTipText(Texts.get("mix.meter.tip"));
        JPanel meters = new JPanel(new GridLayout(1, 2, 2, 0));
        meters.add(masterLeft);
        meters.add(masterRight);
        JPanel faderAndMeters = new JPanel(new BorderLayout(3, 0));
        faderAndMeters.add(masterFader, BorderLayout.CENTER);
        faderAndMeters.add(meters, BorderLayout.EAST);
        faderAndMeters.setPreferredSize(new Dimension(80, 200));
        JPanel controls = new JPanel();
        controls.setLayout(new BoxLayout(controls, BoxLayout.Y_AXIS));
        masterValue.setName("faderValue-master");
        masterValue.setHorizontalAlignment(SwingConstants.CENTER);
        masterValue.setToolTipText(Texts.get("mix.fader.value.tip"));
        masterValue.addActionListener(e -> {
            try {
                double db = Double.parseDouble(masterValue.getText().replace("dB", "").replace("+", "").strip());
                edit(() -> {
                    MixSession.Master m = session.master();
                    session.setMaster(new MixSession.Master(db, m.limiterOn(), m.ceilingDbtp()));
                });
            } catch (NumberFormatException ex) {
                status.setText(Texts.get("mix.fader.typed.bad"));
            }
            refresh();
        });
        limiter.setName("limiter");
        limiter.setToolTipText(Texts.get("mix.master.limiter.tip"));
        limiter.addActionListener(e -> edit(() -> {
            MixSession.Master m = session.master();
            session.setMaster(new MixSession.Master(m.gainDb(), limiter.isSelected(), m.ceilingDbtp()));
        }));
        ceiling.setName("limiterCeiling");
        ceiling.setToolTipText(Texts.get("mix.master.ceiling.tip"));
        ceiling.setEditor(new JSpinner.NumberEditor(ceiling, "0.0"));
        ceiling.addChangeListener(e -> {
            if (!updating) {
                double c = ((Number) ceiling.getValue()).doubleValue();
                edit(() -> {
                    MixSession.Master m = session.master();
                    session.setMaster(new MixSession.Master(m.gainDb(), m.limiterOn(), c));
                });
            }
        });
        JPanel lim = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        lim.add(limiter);
        lim.add(ceiling);
        lim.add(new JLabel("dBTP"));
        masterMeters.setName("masterMeters");
        masterMeters.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        masterMeters.setToolTipText(Texts.get("mix.master.readings.tip"));
        spectrum.setName("liveSpectrum");
        spectrum.setToolTipText(Texts.get("mix.master.spectrum.tip"));
        masterValue.setMaximumSize(new Dimension(70, 28));
        JPanel valueRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        valueRow.add(new JLabel(Texts.get("mix.master.fader")));
        valueRow.add(masterValue);
        valueRow.setAlignmentX(LEFT_ALIGNMENT);
        lim.setAlignmentX(LEFT_ALIGNMENT);
        masterMeters.setAlignmentX(LEFT_ALIGNMENT);
        spectrum.setAlignmentX(LEFT_ALIGNMENT);
        controls.add(valueRow);
        controls.add(lim);
        controls.add(masterMeters);
        controls.add(spectrum);
        JPanel body = new JPanel(new BorderLayout(6, 0));
        body.add(faderAndMeters, BorderLayout.WEST);
        body.add(controls, BorderLayout.CENTER);
        p.add(body, BorderLayout.CENTER);
        return p;
    }

    private void select(String track) {
        selected = track;
        strips.forEach((n, s) -> s.setSelected(n.equals(track)));
        editor.show(track);
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
            strips.values().forEach(ChannelStripPanel::refresh);
            editor.refresh();
            MixSession.Master m = session.master();
            masterFader.setDb(m.gainDb());
            masterValue.setText(String.format(Locale.ROOT, "%+.1f", m.gainDb()));
            limiter.setSelected(m.limiterOn());
            ceiling.setValue(m.ceilingDbtp());
            undo.setEnabled(session.history().canUndo());
            redo.setEnabled(session.history().canRedo());
            undo.setToolTipText(session.history().undoName().map(n -> Texts.get("mix.undo.tip", n))
                    .orElse(Texts.get("mix.undo.none")));
            redo.setToolTipText(session.history().redoName().map(n -> Texts.get("mix.redo.tip", n))
                    .orElse(Texts.get("mix.redo.none")));
        } finally {
            updating = false;
        }
    }

    /** The live player the transport drives (empty when the session's sounds could not be loaded); for tests. */
    Optional<SessionPlayer> player() {
        return player;
    }

    private void togglePlay() {
        if (player.isEmpty()) {
            status.setText(Texts.get("mix.sound.none"));
            return;
        }
        SessionPlayer sp = player.get();
        boolean playing = sp.isPlaying();
        play.setText(Texts.get(playing ? "mix.transport.play" : "mix.transport.stop"));
        transportPending++;
        work.accept(() -> {
            try {
                if (playing) {
                    sp.stop();
                } else {
                    sp.play();
                    sp.unavailable().ifPresent(why -> SwingUtilities.invokeLater(() ->
                            status.setText(Texts.get("mix.sound.silent", why))));
                }
            } finally {
                SwingUtilities.invokeLater(() -> transportPending--);
            }
        });
    }

    private Optional<MixSong.Section> pickedSection() {
        int i = sectionPick.getSelectedIndex();
        return i >= 0 && i < sections.size() ? Optional.of(sections.get(i)) : Optional.empty();
    }

    private void applyLoop() {
        boolean on = loop.isSelected();
        Optional<MixSong.Section> s = pickedSection();
        player.ifPresent(p -> work.accept(() -> {
            if (on && s.isPresent()) {
                p.loopSection(s.get().id());
            } else {
                p.loop(Optional.empty());
            }
        }));
        status.setText(on && s.isPresent() ? Texts.get("mix.transport.looping", s.get().name())
                : Texts.get("mix.transport.loop.off"));
    }

    private void jumpToSection() {
        Optional<MixSong.Section> s = pickedSection();
        if (s.isEmpty()) {
            return;
        }
        player.ifPresent(p -> work.accept(() -> p.jumpToSection(s.get().id())));
        status.setText(Texts.get("mix.transport.jumped", s.get().name()));
    }

    private void toggleReference() {
        if (player.isEmpty() || !player.get().hasReference()) {
            ab.setSelected(false);
            status.setText(Texts.get("mix.transport.ab.none"));
            return;
        }
        if (matching) {
            ab.setSelected(!ab.isSelected());
            return;
        }
        SessionPlayer sp = player.get();
        MixerPlayback.Listening side = ab.isSelected() ? MixerPlayback.Listening.REFERENCE : MixerPlayback.Listening.MIX;
        if (side == MixerPlayback.Listening.REFERENCE) {
            matching = true;
            status.setText(Texts.get("mix.transport.ab.matching"));
        }
        work.accept(() -> {
            try {
                double gain = sp.listen(side);
                double[] lufs = sp.matchedLufs();
                double short_ = sp.matchShortfallDb();
                SwingUtilities.invokeLater(() -> {
                    matching = false;
                    String text = side == MixerPlayback.Listening.REFERENCE
                            ? Texts.get("mix.transport.ab.reference", f(lufs[1]), f(lufs[0]), String.format(Locale.ROOT,
                                    "%+.1f", gain))
                            : Texts.get("mix.transport.ab.mix");
                    if (side == MixerPlayback.Listening.REFERENCE && short_ > 0.05) {
                        text += " " + Texts.get("mix.transport.ab.short", String.format(Locale.ROOT, "%.1f", short_));
                    }
                    status.setText(text);
                });
            } catch (AudioFileException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> {
                    matching = false;
                    ab.setSelected(false);
                    status.setText(e.getMessage());
                });
            }
        });
    }

    private void lightSide(MixerPlayback.Listening heard) {
        boolean ref = heard == MixerPlayback.Listening.REFERENCE;
        sideMix.setBackground(ref ? new Color(0x2b2f33) : new Color(0x38761d));
        sideMix.setForeground(ref ? new Color(0x7a8088) : Color.WHITE);
        sideReference.setBackground(ref ? new Color(0xb45f06) : new Color(0x2b2f33));
        sideReference.setForeground(ref ? Color.WHITE : new Color(0x7a8088));
    }

    private void pollMeters() {
        if (player.isEmpty() || !isShowing()) {
            return;
        }
        SessionPlayer sp = player.get();
        MeterSnapshot m = sp.meters();
        Map<String, Double> reductions = new HashMap<>();
        for (MeterSnapshot.GainReduction r : m.compressors()) {
            reductions.put(r.name(), r.reductionDb());
        }
        for (MeterSnapshot.PeakLevel t : m.tracks()) {
            ChannelStripPanel s = strips.get(t.name());
            if (s != null) {
                s.meters(t, reductions.getOrDefault(t.name(), 0.0));
            }
        }
        if (selected != null) {
            editor.reduction(reductions.getOrDefault(selected, 0.0));
        }
        masterLeft.show(m.masterLeft().peakDb(), m.masterLeft().holdDb(), m.masterLeft().clipped());
        masterRight.show(m.masterRight().peakDb(), m.masterRight().holdDb(), m.masterRight().clipped());
        masterMeters.setText(Texts.get("mix.master.readings", f(m.masterLeft().holdDb()), f(m.masterRight().holdDb()),
                f(m.truePeakDbtp()), f(m.momentaryLufs()), f(m.shortTermLufs()), f(m.integratedLufs()),
                f(m.limiterReductionDb())));
        List<SpectrumBand> bands = sp.spectrum();
        if (!bands.isEmpty()) {
            double[] hz = new double[bands.size()];
            double[] db = new double[bands.size()];
            for (int i = 0; i < hz.length; i++) {
                hz[i] = bands.get(i).centreHz();
                db[i] = bands.get(i).db();
            }
            spectrum.showLive(hz, db);
            editor.curve().setSpectrum(bands);
        }
        double sec = m.positionFrame() / sp.sampleRate();
        position.setText(String.format(Locale.ROOT, "%d:%04.1f", (int) sec / 60, sec % 60));
        lightSide(sp.heard());
        if (transportPending == 0) {
            String want = Texts.get(sp.isPlaying() ? "mix.transport.stop" : "mix.transport.play");
            if (!play.getText().equals(want)) {
                play.setText(want);
            }
        }
    }

    /** A reading for the master's text; anything below the meters' floor (silence, a fade's last samples) reads -inf. */
    private static String f(double v) {
        return Double.isFinite(v) && v > READING_FLOOR_DB ? String.format(Locale.ROOT, "%.1f", v) : "-inf";
    }

    /** Below this a level is silence to the ear and to a DAW's meter: 24-bit audio's floor is about -144 dBFS. */
    private static final double READING_FLOOR_DB = -150;

    private void bindKeys(Runnable submit) {
        plainKey(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "play", this::togglePlay);
        plainKey(KeyStroke.getKeyStroke(KeyEvent.VK_R, 0), "reference", () -> {
            if (ab.isEnabled()) {
                ab.doClick();
            }
        });
        plainKey(KeyStroke.getKeyStroke(KeyEvent.VK_X, 0), "bypass", () -> bypass.doClick());
        plainKey(KeyStroke.getKeyStroke(KeyEvent.VK_L, 0), "loop", () -> {
            if (loop.isEnabled()) {
                loop.doClick();
            }
        });
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu), "undo", () -> session.history().undo());
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu | InputEvent.SHIFT_DOWN_MASK), "redo",
                () -> session.history().redo());
        key(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, menu), "submit", submit);
    }

    /** A key without modifiers: not while the learner types in a field. */
    private void plainKey(KeyStroke stroke, String name, Runnable r) {
        key(stroke, name, () -> {
            if (!(KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JTextComponent)) {
                r.run();
            }
        });
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

    /** The meters' repaint timer period, ms (the GUI test checks it is at most 33). */
    int meterPeriodMillis() {
        return meterTimer.getDelay();
    }

    boolean metersRunning() {
        return meterTimer.isRunning();
    }

    MixSession session() {
        return session;
    }

    double sampleRate() {
        return player.map(SessionPlayer::sampleRate).orElse(48000.0);
    }

    int stripCount() {
        return strips.size();
    }

    /** Stops the meters and the player (leaving the screen). */
    void dispose() {
        meterTimer.stop();
        player.ifPresent(p -> work.accept(p::close));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
