package org.controlroom.ui.arrange;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.controlroom.lesson.practice.SessionPlayer;
import org.controlroom.lesson.run.ArrangeRender;
import org.controlroom.lesson.script.ArrangePlan;
import org.controlroom.lesson.script.ArrangeTarget;
import org.controlroom.lesson.script.SongSection;
import org.controlroom.lesson.script.Stem;
import org.controlroom.lesson.session.ArrangeSession;
import org.controlroom.lesson.session.SoundLibrary;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The arranging screen: the song's sections as blocks on a {@link Timeline} (drag to reorder, click the
 * ruler to play from there), the selected block's stems to switch on and off, duplicate, cut, move and
 * shorten by whole bars, each with its shortcut; the length in bars and seconds, and the short-term
 * loudness curve of the render, measured on a worker after each edit (debounced, with progress). Every
 * edit is an edit of the session (undo, redo, autosave). Runs on the event thread.
 */
public final class ArrangePanel extends JPanel {
    static final int DEBOUNCE_MS = 400;

    private final ArrangeSession session;
    private final Optional<SessionPlayer> player;
    private final Consumer<Runnable> work;
    private final Timeline timeline;
    private final JLabel status = new JLabel(" ");
    private final JLabel length = new JLabel(" ");
    private final JLabel selectedLabel = new JLabel(" ");
    private final JPanel stemButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    private final Map<String, JToggleButton> stems = new LinkedHashMap<>();
    private final JButton play = new JButton(Texts.get("arrange.play"));
    private final JProgressBar progress = new JProgressBar(0, 100);
    private final JComboBox<String> addChoice = new JComboBox<>();
    private final Timer debounce;
    private final Timer playheadTimer;
    private final ExecutorService measurer;
    private final SoundLibrary library = new SoundLibrary();
    private final AtomicLong generation = new AtomicLong();
    private int selected;
    private boolean updating;

    public ArrangePanel(ArrangeSession session, Optional<SessionPlayer> player, Consumer<Runnable> work, Runnable submit,
                        Runnable back) {
        super(new BorderLayout(0, 10));
        this.session = session;
        this.player = player;
        this.work = work;
        setName("arrangePanel");
        setBorder(BorderFactory.createEmptyBorder(16, 24, 16, 24));
        measurer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "arrange-measure");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        timeline = new Timeline(session, this::select, this::moveTo, this::playFrom);

        JLabel title = new JLabel(session.lesson().title());
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JButton backButton = new JButton(Texts.get("arrange.back"));
        backButton.addActionListener(e -> back.run());
        JButton submitButton = new JButton(Texts.get("arrange.submit"));
        submitButton.setName("submitArrangement");
        submitButton.setToolTipText(Texts.get("arrange.submit.tip"));
        submitButton.putClientProperty(FlatClientProperties.STYLE, "background: $Component.accentColor; foreground: #ffffff");
        submitButton.addActionListener(e -> submit.run());
        play.setName("transportPlay");
        play.setToolTipText(Texts.get("arrange.play.tip"));
        play.addActionListener(e -> togglePlay());
        JButton undo = button("undo", "arrange.undo", "arrange.undo.tip", () -> session.history().undo());
        JButton redo = button("redo", "arrange.redo", "arrange.redo.tip", () -> session.history().redo());
        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.WEST);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.add(play);
        buttons.add(undo);
        buttons.add(redo);
        buttons.add(backButton);
        buttons.add(submitButton);
        top.add(buttons, BorderLayout.EAST);
        JLabel brief = new JLabel("<html><body style='width: 760px'>" + escape(session.lesson().brief().strip())
                + "</body></html>");
        JLabel target = new JLabel("<html><body style='width: 760px'><b>" + escape(Texts.get("arrange.brief.asks"))
                + "</b> " + escape(targetText(session.song().target())) + "</body></html>");
        target.setName("arrangeTarget");
        JPanel north = new JPanel(new BorderLayout(0, 6));
        north.add(top, BorderLayout.NORTH);
        north.add(brief, BorderLayout.CENTER);
        north.add(target, BorderLayout.SOUTH);
        add(north, BorderLayout.NORTH);

        JPanel centre = new JPanel(new BorderLayout(0, 8));
        JPanel lengthRow = new JPanel(new BorderLayout());
        length.setName("arrangeLength");
        length.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        lengthRow.add(length, BorderLayout.WEST);
        progress.setName("arrangeProgress");
        progress.setStringPainted(true);
        progress.setVisible(false);
        lengthRow.add(progress, BorderLayout.EAST);
        centre.add(lengthRow, BorderLayout.NORTH);
        centre.add(timeline, BorderLayout.CENTER);
        centre.add(editor(), BorderLayout.SOUTH);
        add(centre, BorderLayout.CENTER);
        status.setName("arrangeStatus");
        add(status, BorderLayout.SOUTH);

        session.addListener((s, what) -> {
            if (SwingUtilities.isEventDispatchThread()) {
                status.setText(what);
                refresh();
                scheduleMeasure();
            }
        });
        bindKeys(submit);
        debounce = new Timer(DEBOUNCE_MS, e -> measure());
        debounce.setRepeats(false);
        playheadTimer = new Timer(33, e -> timeline.setPlayhead(player.map(p -> p.isPlaying() || p.positionSeconds() > 0
                ? p.positionSeconds() : -1.0).orElse(-1.0)));
        playheadTimer.start();
        refresh();
        measure();
    }

    private JComponent editor() {
        JPanel p = new JPanel(new BorderLayout(0, 6));
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder(Texts.get("arrange.selected")),
                BorderFactory.createEmptyBorder(4, 6, 6, 6)));
        selectedLabel.setName("arrangeSelected");
        p.add(selectedLabel, BorderLayout.NORTH);
        for (Stem s : session.song().stems()) {
            JToggleButton b = new JToggleButton(s.name());
            b.setName("stem-" + s.name());
            b.setToolTipText(Texts.get("arrange.stem.tip", s.name()));
            b.putClientProperty(FlatClientProperties.STYLE,
                    "selectedBackground: #2e7d32; selectedForeground: #ffffff; foreground: #8a9096");
            b.addActionListener(e -> {
                if (!updating) {
                    edit(() -> session.setStem(selected, s.name(), b.isSelected()));
                }
            });
            stems.put(s.name(), b);
            stemButtons.add(b);
        }
        p.add(stemButtons, BorderLayout.CENTER);
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        actions.add(button("moveLeft", "arrange.move.left", "arrange.move.left.tip", () -> move(-1)));
        actions.add(button("moveRight", "arrange.move.right", "arrange.move.right.tip", () -> move(1)));
        actions.add(button("duplicate", "arrange.duplicate", "arrange.duplicate.tip",
                () -> edit(() -> session.duplicate(selected))));
        actions.add(button("cut", "arrange.cut", "arrange.cut.tip", this::cut));
        actions.add(button("shorten", "arrange.shorten", "arrange.shorten.tip",
                () -> edit(() -> session.shorten(selected, 1))));
        actions.add(button("lengthen", "arrange.lengthen", "arrange.lengthen.tip",
                () -> edit(() -> session.setBars(selected, session.entry(selected).bars() + 1))));
        actions.add(new JLabel("   " + Texts.get("arrange.add")));
        for (SongSection s : session.song().sections()) {
            addChoice.addItem(s.name());
        }
        addChoice.setName("addSection");
        actions.add(addChoice);
        actions.add(button("insert", "arrange.insert", "arrange.insert.tip", () -> {
            String id = session.song().sections().get(addChoice.getSelectedIndex()).id();
            edit(() -> session.insert(selected + 1, id));
            select(selected + 1);
        }));
        p.add(actions, BorderLayout.SOUTH);
        return p;
    }

    private JButton button(String name, String text, String tip, Runnable action) {
        JButton b = new JButton(Texts.get(text));
        b.setName(name);
        b.setToolTipText(Texts.get(tip));
        b.addActionListener(e -> action.run());
        return b;
    }

    /** An edit the session may refuse (the last section, a cut past the section's length): said, not thrown. */
    private void edit(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            status.setText(e.getMessage());
        }
    }

    private void select(int index) {
        selected = Math.max(0, Math.min(index, session.size() - 1));
        refresh();
    }

    private void move(int by) {
        int to = selected + by;
        if (to >= 0 && to < session.size()) {
            moveTo(selected, to);
        }
    }

    private void moveTo(int from, int to) {
        edit(() -> session.move(from, to));
        select(to);
    }

    private void cut() {
        int i = selected;
        edit(() -> session.remove(i));
        select(Math.min(i, session.size() - 1));
    }

    private void playFrom(double seconds) {
        if (player.isEmpty()) {
            status.setText(Texts.get("arrange.nosound"));
            return;
        }
        SessionPlayer sp = player.get();
        play.setText(Texts.get("arrange.stop"));
        status.setText(Texts.get("arrange.playing.from", Timeline.clock(seconds)));
        work.accept(() -> {
            sp.seekSeconds(seconds);
            sp.play();
            // with no sound device the player runs silently (the transport goes on) and says why
            sp.unavailable().ifPresent(why -> SwingUtilities.invokeLater(
                    () -> status.setText(Texts.get("arrange.nodevice", why))));
        });
    }

    private void togglePlay() {
        if (player.isEmpty()) {
            status.setText(Texts.get("arrange.nosound"));
            return;
        }
        SessionPlayer sp = player.get();
        boolean playing = sp.isPlaying();
        play.setText(Texts.get(playing ? "arrange.play" : "arrange.stop"));
        work.accept(() -> {
            if (playing) {
                sp.stop();
            } else {
                sp.play();
            }
            // with no sound device the player runs silently (the transport goes on) and says why
            sp.unavailable().ifPresent(why -> SwingUtilities.invokeLater(
                    () -> status.setText(Texts.get("arrange.nodevice", why))));
        });
    }

    private void refresh() {
        updating = true;
        try {
            selected = Math.max(0, Math.min(selected, session.size() - 1));
            timeline.setSelected(selected);
            length.setText(Texts.get("arrange.length", session.bars(), clockTenths(session.seconds()),
                    session.size()));
            ArrangeSession.Entry e = session.entry(selected);
            SongSection s = session.section(e.section());
            selectedLabel.setText(Texts.get("arrange.selected.text", s.name(), selected + 1, e.bars(), s.bars(),
                    clockTenths(session.startSeconds(selected))));
            for (Map.Entry<String, JToggleButton> b : stems.entrySet()) {
                b.getValue().setSelected(e.stems().contains(b.getKey()));
            }
        } finally {
            updating = false;
        }
        timeline.repaint();
    }

    private void scheduleMeasure() {
        generation.incrementAndGet();
        timeline.setStale();
        debounce.restart();
    }

    /** Renders and measures a copy of the arrangement on the worker; only the newest result is shown. */
    private void measure() {
        long gen = generation.incrementAndGet();
        ArrangePlan plan = session.plan();
        ArrangeSession copy = new ArrangeSession(session.lesson(), Clock.systemUTC());
        copy.load(plan);
        progress.setVisible(true);
        progress.setValue(0);
        progress.setString(Texts.get("arrange.measuring"));
        measurer.submit(() -> {
            try {
                ArrangeRender.Result r = ArrangeRender.measure(copy, library, 1, p -> {
                    if (generation.get() == gen) {
                        int pct = (int) Math.round(p * 100);
                        SwingUtilities.invokeLater(() -> progress.setValue(pct));
                    }
                });
                SwingUtilities.invokeLater(() -> {
                    if (generation.get() == gen) {
                        timeline.setCurve(r.measurement().shortTermLufs(), r.measurement().stepSeconds(), r.activeStems());
                        progress.setVisible(false);
                        status.setText(Texts.get("arrange.measured", clockTenths(r.measurement().seconds()),
                                fmt(r.measurement().integratedLufs())));
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                SwingUtilities.invokeLater(() -> {
                    progress.setVisible(false);
                    status.setText(Texts.get("arrange.measure.failed", String.valueOf(e.getMessage())));
                });
            }
        });
    }

    private void bindKeys(Runnable submit) {
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        key(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "play", this::togglePlay);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu), "undo", () -> session.history().undo());
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu | InputEvent.SHIFT_DOWN_MASK), "redo",
                () -> session.history().redo());
        key(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, menu), "submit", submit);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), "cut", this::cut);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_BACK_SPACE, 0), "cut2", this::cut);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_D, menu), "duplicate", () -> edit(() -> session.duplicate(selected)));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, InputEvent.ALT_DOWN_MASK), "moveLeft", () -> move(-1));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, InputEvent.ALT_DOWN_MASK), "moveRight", () -> move(1));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, 0), "selectLeft", () -> select(selected - 1));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, 0), "selectRight", () -> select(selected + 1));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, 0), "shorten", () -> edit(() -> session.shorten(selected, 1)));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, 0), "lengthen",
                () -> edit(() -> session.setBars(selected, session.entry(selected).bars() + 1)));
        key(KeyStroke.getKeyStroke(KeyEvent.VK_HOME, 0), "playFromSelected",
                () -> playFrom(session.startSeconds(selected)));
    }

    private void key(KeyStroke stroke, String name, Runnable r) {
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(stroke, name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (isShowing() && isEnabled()) {
                    r.run();
                }
            }
        });
    }

    /** Long work under way (the submitted arrangement is being rendered): the controls wait. */
    public void working(String message) {
        status.setText(message);
        setEnabledAll(this, false);
        setEnabled(false);
    }

    /** A problem to show; the controls work again. */
    public void problem(String message) {
        setEnabled(true);
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

    /** Stops the timers, the measuring and the player (leaving the screen). */
    public void dispose() {
        debounce.stop();
        playheadTimer.stop();
        generation.incrementAndGet();
        measurer.shutdownNow();
        List<Runnable> close = new ArrayList<>();
        player.ifPresent(p -> close.add(p::close));
        work.accept(() -> close.forEach(Runnable::run));
    }

    /** The timeline (for tests: where a block is). */
    JComponent timeline() {
        return timeline;
    }

    static String targetText(ArrangeTarget t) {
        List<String> parts = new ArrayList<>();
        if (t.hasLength()) {
            parts.add(t.minSeconds() > 0 && Double.isFinite(t.maxSeconds())
                    ? Texts.get("arrange.asks.window", Timeline.clock(t.minSeconds()), Timeline.clock(t.maxSeconds()))
                    : t.minSeconds() > 0 ? Texts.get("arrange.asks.min", Timeline.clock(t.minSeconds()))
                    : Texts.get("arrange.asks.max", Timeline.clock(t.maxSeconds())));
        }
        if (t.hasFirstChorus()) {
            parts.add(Texts.get("arrange.asks.chorus", Timeline.clock(t.firstChorusBySeconds())));
        }
        if (!t.mustInclude().isEmpty()) {
            parts.add(Texts.get("arrange.asks.include", String.join(", ", t.mustInclude())));
        }
        if (!t.mustExclude().isEmpty()) {
            parts.add(Texts.get("arrange.asks.exclude", String.join(", ", t.mustExclude())));
        }
        t.radioEdit().ifPresent(r -> parts.add(Texts.get("arrange.asks.radio", Timeline.clock(r.maxSeconds()),
                String.join(", ", r.keep()))));
        if (!t.arc().isEmpty()) {
            parts.add(Texts.get("arrange.asks.arc", String.join(", ", t.arc().stream().map(ArrangeTarget.Level::id).toList())));
        }
        t.contrast().ifPresent(c -> parts.add(Texts.get("arrange.asks.contrast", c.section(), fmt(c.minLu()),
                c.direction().id(), c.minStems())));
        return String.join(" · ", parts);
    }

    static String clockTenths(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-inf";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
