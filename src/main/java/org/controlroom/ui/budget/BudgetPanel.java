package org.controlroom.ui.budget;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
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
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import org.controlroom.lesson.budget.Schedule;
import org.controlroom.lesson.budget.Scorer;
import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetPlan;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.EventResponse;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;
import org.controlroom.lesson.session.BudgetSession;
import org.controlroom.lesson.session.SessionListener;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The budget screen: the ledger (budget, committed, spent, left, the day and the delivery day), the
 * calendar (a row per studio and per person, their rates and quality; a column per day, cells off on
 * the days they are not free), who mixes and who masters, and the events log with the responses to an
 * event that has struck. Keys: N runs the next day, 1–9 answer an event, Ctrl+Z / Ctrl+Y undo and redo,
 * Enter delivers once the project is over. Every click is an edit of the session (saved as it happens).
 * Runs on the event thread.
 */
public final class BudgetPanel extends JPanel {
    private static final int CELL = 26;

    private final BudgetSession session;
    private final BudgetSection s;
    private final Scorer scorer;
    private final Runnable submit;
    private final Map<String, JToggleButton> cells = new LinkedHashMap<>();
    private final Map<String, JRadioButton> mixers = new LinkedHashMap<>();
    private final Map<String, JRadioButton> masters = new LinkedHashMap<>();
    private final List<JLabel> workCells = new ArrayList<>();
    private final List<JLabel> dayHeads = new ArrayList<>();
    private final List<JButton> responseButtons = new ArrayList<>();
    private final JLabel committed = label("ledgerCommitted");
    private final JLabel spent = label("ledgerSpent");
    private final JLabel left = label("ledgerLeft");
    private final JLabel day = label("ledgerDay");
    private final JLabel delivery = label("ledgerDelivery");
    private final JLabel status = label("budgetStatus");
    private final JTextArea log = new JTextArea();
    private final JPanel responsePanel = new JPanel();
    private final JLabel pendingLabel = label("pendingEvent");
    private final JButton runDay = new JButton();
    private final JButton deliver = new JButton(text("budget.deliver"));
    private final JButton undo = new JButton(text("budget.undo"));
    private final JButton redo = new JButton(text("budget.redo"));
    private final SessionListener listener = (x, what) -> SwingUtilities.invokeLater(this::refresh);
    private boolean submitted;

    public BudgetPanel(BudgetSession session, Consumer<Runnable> work, Runnable submit, Runnable back) {
        super(new BorderLayout(0, 6));
        this.session = session;
        this.s = session.section();
        this.scorer = session.scorer();
        this.submit = submit;
        setName("budgetScreen");
        setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        add(header(), BorderLayout.NORTH);
        JPanel centre = new JPanel(new BorderLayout(12, 6));
        centre.add(calendar(), BorderLayout.CENTER);
        // the events and their responses beside the calendar, full height, so a struck event's every
        // response shows at 960x640 while the calendar keeps its rows
        centre.add(events(), BorderLayout.EAST);
        centre.add(lowerRow(), BorderLayout.SOUTH);
        add(centre, BorderLayout.CENTER);
        add(buttons(back), BorderLayout.SOUTH);
        bindKeys();
        // the keys are bound to this screen's focus: the cells and choices do not take the focus away
        setFocusable(true);
        addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
                requestFocusInWindow();
            }
        });
        session.addListener(listener);
        refresh();
    }

    private static JLabel label(String name) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        return l;
    }

    private JComponent header() {
        JPanel p = new JPanel(new GridLayout(0, 1, 0, 2));
        JLabel title = new JLabel(session.lesson().title());
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        p.add(title);
        JPanel ledger = new JPanel(new FlowLayout(FlowLayout.LEFT, 12, 0));
        ledger.setName("ledger");
        JLabel budget = label("ledgerBudget");
        budget.setText(text("budget.ledger.budget", scorer.money(s.money()))
                + (s.contingency() > 0 ? text("budget.ledger.contingency", scorer.money(s.contingency())) : ""));
        for (JLabel l : List.of(budget, committed, spent, left, day, delivery)) {
            ledger.add(l);
        }
        p.add(ledger);
        return p;
    }

    // --- the calendar ------------------------------------------------------------------------------

    private JComponent calendar() {
        JPanel grid = new JPanel(new GridBagLayout());
        JPanel heads = new JPanel(new GridBagLayout());
        grid.setName("calendar");
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(1, 1, 1, 1);
        c.fill = GridBagConstraints.BOTH;
        int row = 0;
        heads.add(rowHead(text("budget.calendar.day"), null), at(c, 0, row));
        for (int d = 1; d <= s.deadlineDays(); d++) {
            JLabel h = new JLabel(Integer.toString(d), JLabel.CENTER);
            h.setName("dayHead-" + d);
            h.setPreferredSize(new Dimension(CELL, 20));
            dayHeads.add(h);
            grid.add(h, at(c, d, row));
        }
        row++;
        for (Studio st : s.studios()) {
            String text = text("budget.option.studio", st.name(), scorer.money(st.dayRate()),
                    songsADay(st.songsPerDay()), q(st.quality()), st.available().describe());
            heads.add(rowHead(text, "option-studio-" + st.id()), at(c, 0, row));
            for (int d = 1; d <= s.deadlineDays(); d++) {
                int dd = d;
                JToggleButton b = cell("cell-" + st.id() + "-" + d);
                b.addActionListener(e -> edit(() -> session.bookStudio(dd,
                        session.booking(dd).flatMap(BudgetPlan.DayBooking::studio).equals(Optional.of(st.id()))
                                ? Optional.empty() : Optional.of(st.id()))));
                cells.put(st.id() + "@" + d, b);
                grid.add(b, at(c, d, row));
            }
            row++;
        }
        for (Musician m : s.musicians()) {
            String text = text("budget.option.person", m.name(), text("budget.role." + m.role()),
                    scorer.money(m.dayRate()), q(m.quality()), m.available().describe());
            heads.add(rowHead(text, "option-person-" + m.id()), at(c, 0, row));
            for (int d = 1; d <= s.deadlineDays(); d++) {
                int dd = d;
                JToggleButton b = cell("cell-" + m.id() + "-" + d);
                b.addActionListener(e -> edit(() -> session.setPerson(dd, m.id(),
                        !session.booking(dd).map(x -> x.people().contains(m.id())).orElse(false))));
                cells.put(m.id() + "@" + d, b);
                grid.add(b, at(c, d, row));
            }
            row++;
        }
        heads.add(rowHead(text("budget.calendar.work"), null), at(c, 0, row));
        for (int d = 1; d <= s.deadlineDays(); d++) {
            JLabel w = new JLabel(" ", JLabel.CENTER);
            w.setName("work-" + d);
            w.setPreferredSize(new Dimension(CELL, 20));
            workCells.add(w);
            grid.add(w, at(c, d, row));
        }
        // the heads line up with the grid's rows: same insets, heights taken from the grid
        JPanel gridHolder = new JPanel(new BorderLayout());
        gridHolder.add(grid, BorderLayout.WEST);
        JPanel headHolder = new JPanel(new BorderLayout());
        headHolder.add(heads, BorderLayout.NORTH);
        JPanel gridTop = new JPanel(new BorderLayout());
        gridTop.add(gridHolder, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(gridTop, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        scroll.setRowHeaderView(headHolder);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        // row heights: the head (two lines) sets the height of its row of cells
        SwingUtilities.invokeLater(() -> align(heads, grid));
        return scroll;
    }

    /** Makes each calendar row as tall as its head. */
    private static void align(JPanel heads, JPanel grid) {
        GridBagLayout hl = (GridBagLayout) heads.getLayout();
        GridBagLayout gl = (GridBagLayout) grid.getLayout();
        int rows = heads.getComponentCount();
        int[] heights = new int[rows];
        for (java.awt.Component k : heads.getComponents()) {
            GridBagConstraints c = hl.getConstraints(k);
            heights[c.gridy] = Math.max(heights[c.gridy], k.getPreferredSize().height);
        }
        gl.rowHeights = heights;
        hl.rowHeights = heights;
        grid.revalidate();
        heads.revalidate();
    }

    private static GridBagConstraints at(GridBagConstraints c, int x, int y) {
        GridBagConstraints k = (GridBagConstraints) c.clone();
        k.gridx = x;
        k.gridy = y;
        return k;
    }

    private static JLabel rowHead(String text, String name) {
        JLabel l = new JLabel("<html><body style='width: 250px'>" + escape(text) + "</body></html>");
        if (name != null) {
            l.setName(name);
        }
        l.setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 8));
        return l;
    }

    private static JToggleButton cell(String name) {
        JToggleButton b = new JToggleButton();
        b.setName(name);
        b.setFocusable(false);
        b.setPreferredSize(new Dimension(CELL, CELL));
        b.setMargin(new Insets(0, 0, 0, 0));
        return b;
    }

    // --- engineers, events, buttons ----------------------------------------------------------------

    private JComponent lowerRow() {
        JPanel p = new JPanel(new GridLayout(1, 2, 12, 0));
        JPanel mix = column(text("budget.mixing"));
        ButtonGroup mg = new ButtonGroup();
        for (MixEngineer m : s.mixing()) {
            JRadioButton r = radio("option-mixing-" + m.id(), text("budget.option.mixing", m.name(),
                    scorer.money(m.feePerSong()), daysASong(m.daysPerSong()), q(m.quality()), m.fromDay()));
            r.addActionListener(e -> edit(() -> session.setMixing(m.id())));
            mg.add(r);
            mixers.put(m.id(), r);
            mix.add(r);
        }
        JPanel master = column(text("budget.mastering"));
        ButtonGroup ag = new ButtonGroup();
        for (MasteringEngineer m : s.mastering()) {
            JRadioButton r = radio("option-mastering-" + m.id(), text("budget.option.mastering", m.name(),
                    scorer.money(m.feePerSong()), days(m.days()), q(m.quality()), m.fromDay()));
            r.addActionListener(e -> edit(() -> session.setMastering(m.id())));
            ag.add(r);
            masters.put(m.id(), r);
            master.add(r);
        }
        p.add(mix);
        p.add(master);
        // the calendar above takes what is left: at 960x640 (with the menu and status bars) every row must show
        p.setPreferredSize(new Dimension(100, 150));
        return p;
    }

    private JComponent events() {
        JPanel events = new JPanel(new BorderLayout(0, 4));
        JLabel title = new JLabel(text("budget.events"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        responsePanel.setLayout(new BoxLayout(responsePanel, BoxLayout.Y_AXIS));
        responsePanel.setName("responses");
        log.setName("eventsLog");
        log.setEditable(false);
        log.setLineWrap(true);
        log.setWrapStyleWord(true);
        log.setRows(4);
        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.NORTH);
        top.add(responsePanel, BorderLayout.CENTER);
        events.add(top, BorderLayout.NORTH);
        events.add(new JScrollPane(log), BorderLayout.CENTER);
        events.setPreferredSize(new Dimension(320, 100));
        return events;
    }

    private static JPanel column(String title) {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        JLabel t = new JLabel(title);
        t.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        p.add(t);
        return p;
    }

    private static JRadioButton radio(String name, String text) {
        JRadioButton r = new JRadioButton("<html><body style='width: 230px'>" + escape(text) + "</body></html>");
        r.setName(name);
        r.setFocusable(false);
        return r;
    }

    private JComponent buttons(Runnable back) {
        JPanel p = new JPanel(new BorderLayout());
        JButton leave = new JButton(text("budget.back"));
        leave.setName("leaveBudget");
        leave.addActionListener(e -> back.run());
        undo.setName("budgetUndo");
        undo.addActionListener(e -> doUndo());
        redo.setName("budgetRedo");
        redo.addActionListener(e -> doRedo());
        runDay.setName("runDay");
        runDay.addActionListener(e -> edit(session::runDay));
        deliver.setName("deliver");
        deliver.addActionListener(e -> deliver());
        JPanel west = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        west.add(leave);
        west.add(undo);
        west.add(redo);
        JPanel east = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        east.add(runDay);
        east.add(deliver);
        JLabel keys = new JLabel(text("budget.keys"));
        keys.setName("budgetKeys");
        p.add(west, BorderLayout.WEST);
        p.add(east, BorderLayout.EAST);
        JPanel south = new JPanel(new GridLayout(0, 1));
        south.add(status);
        south.add(keys);
        p.add(south, BorderLayout.SOUTH);
        return p;
    }

    private void bindKeys() {
        key(KeyStroke.getKeyStroke(KeyEvent.VK_N, 0), "runDay", () -> {
            if (runDay.isEnabled()) {
                runDay.doClick();
            }
        });
        key(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "deliver", () -> {
            if (deliver.isEnabled()) {
                deliver.doClick();
            }
        });
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK), "undo", this::doUndo);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK), "redo", this::doRedo);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "redo2",
                this::doRedo);
        for (int i = 1; i <= 9; i++) {
            int n = i;
            key(KeyStroke.getKeyStroke(KeyEvent.VK_0 + i, 0), "respond" + i, () -> {
                if (n <= responseButtons.size() && responseButtons.get(n - 1).isEnabled()) {
                    responseButtons.get(n - 1).doClick();
                }
            });
        }
    }

    private void key(KeyStroke stroke, String name, Runnable r) {
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(stroke, "budget-" + name);
        getInputMap(WHEN_IN_FOCUSED_WINDOW).put(stroke, "budget-" + name);
        getActionMap().put("budget-" + name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (isShowing() && !submitted) {
                    r.run();
                }
            }
        });
    }

    private void doUndo() {
        if (session.history().canUndo()) {
            session.history().undo();
        }
    }

    private void doRedo() {
        if (session.history().canRedo()) {
            session.history().redo();
        }
    }

    private void deliver() {
        if (session.finished() && !submitted) {
            submitted = true;
            status.setText(text("budget.scoring"));
            refresh();
            submit.run();
        }
    }

    /** Does an edit; one the session refuses (a day that has run, a room not free) is said, not thrown. */
    private void edit(Runnable r) {
        try {
            r.run();
            status.setText(" ");
        } catch (IllegalArgumentException | IllegalStateException e) {
            status.setText(e.getMessage());
            refresh();
        }
    }

    // --- showing the state -------------------------------------------------------------------------

    /** Shows the session's state (after an edit, an undo, a day run, a loaded plan). */
    public void refresh() {
        Schedule sch = session.schedule();
        int run = session.daysRun();
        for (Studio st : s.studios()) {
            for (int d = 1; d <= s.deadlineDays(); d++) {
                JToggleButton b = cells.get(st.id() + "@" + d);
                boolean on = session.booking(d).flatMap(BudgetPlan.DayBooking::studio).equals(Optional.of(st.id()));
                b.setSelected(on);
                b.setText(on ? "\u25CF" : "");
                b.setEnabled(!submitted && d > run && st.available().isFree(d));
                b.setToolTipText(st.available().isFree(d) ? text("budget.cell.studio", d, st.name(),
                        scorer.money(st.dayRate())) : text("budget.cell.notFree", st.name(), d));
            }
        }
        for (Musician m : s.musicians()) {
            for (int d = 1; d <= s.deadlineDays(); d++) {
                JToggleButton b = cells.get(m.id() + "@" + d);
                boolean on = session.booking(d).map(x -> x.people().contains(m.id())).orElse(false);
                b.setSelected(on);
                b.setText(on ? "\u25CF" : "");
                b.setEnabled(!submitted && d > run && m.available().isFree(d));
                b.setToolTipText(m.available().isFree(d) ? text("budget.cell.person", d, m.name(),
                        scorer.money(m.dayRate())) : text("budget.cell.notFree", m.name(), d));
            }
        }
        int deliveryDay = session.deliveryDay();
        for (int d = 1; d <= s.deadlineDays(); d++) {
            JLabel w = workCells.get(d - 1);
            String t = " ";
            if (sch.songsOn(d) > 0) {
                t = "T";
            } else if (sch.songsTracked() > 0 && d >= sch.mixStart() && d <= sch.mixEnd()) {
                t = "M";
            } else if (sch.songsTracked() > 0 && d >= sch.masterStart() && d <= sch.masterEnd()) {
                t = "Ma";
            }
            if (d == deliveryDay) {
                t = "\u2605";
            }
            w.setText(t);
            w.setToolTipText(text("budget.work." + switch (t) {
                case "T" -> "tracking";
                case "M" -> "mixing";
                case "Ma" -> "mastering";
                case "\u2605" -> "delivery";
                default -> "none";
            }));
            JLabel h = dayHeads.get(d - 1);
            h.putClientProperty(FlatClientProperties.STYLE, d <= run ? "foreground: #808080"
                    : d == run + 1 ? "font: bold; foreground: #6cb0ff" : null);
        }
        mixers.forEach((id, r) -> {
            r.setSelected(session.mixing().id().equals(id));
            r.setEnabled(!submitted && !(sch.songsTracked() > 0 && run >= sch.mixStart()));
        });
        masters.forEach((id, r) -> {
            r.setSelected(session.mastering().id().equals(id));
            r.setEnabled(!submitted && !(sch.songsTracked() > 0 && run >= sch.masterStart()));
        });
        double committedMoney = session.committed();
        committed.setText(text("budget.ledger.committed", scorer.money(committedMoney)));
        spent.setText(text("budget.ledger.spent", scorer.money(session.spent())));
        double leftMoney = s.money() - committedMoney;
        left.setText(text("budget.ledger.left", scorer.money(leftMoney)));
        left.putClientProperty(FlatClientProperties.STYLE, leftMoney < -s.contingency() ? "foreground: #e05050"
                : leftMoney < 0 ? "foreground: #e0a050" : "foreground: #6cc070");
        day.setText(text("budget.ledger.day", run, s.deadlineDays()));
        delivery.setText(deliveryDay == 0 ? text("budget.ledger.noDelivery")
                : text("budget.ledger.delivery", deliveryDay));
        delivery.putClientProperty(FlatClientProperties.STYLE, deliveryDay > s.deadlineDays() || deliveryDay == 0
                ? "foreground: #e05050" : null);
        showEvents();
        boolean over = session.finished();
        Optional<BudgetEvent> pending = session.pending();
        runDay.setText(text("budget.runDay", Math.min(run + 1, Math.max(run + 1, 1))));
        runDay.setEnabled(!submitted && !over && pending.isEmpty());
        deliver.setEnabled(!submitted && over);
        undo.setEnabled(!submitted && session.history().canUndo());
        redo.setEnabled(!submitted && session.history().canRedo());
        if (over && !submitted) {
            status.setText(text("budget.over"));
        }
    }

    private void showEvents() {
        StringBuilder sb = new StringBuilder();
        for (BudgetSession.LogEntry e : session.log()) {
            sb.append(text("budget.log.day", e.day())).append(e.event() ? "\u26A0 " : "").append(e.text()).append('\n');
        }
        log.setText(sb.toString());
        log.setCaretPosition(log.getDocument().getLength());
        responsePanel.removeAll();
        responseButtons.clear();
        Optional<BudgetEvent> pending = session.pending();
        if (pending.isPresent()) {
            BudgetEvent e = pending.get();
            pendingLabel.setText("<html><body style='width: 210px'><b>" + escape(text("budget.struck", e.day(),
                    e.name())) + "</b></body></html>");
            responsePanel.add(pendingLabel);
            int i = 1;
            for (EventResponse r : e.responses()) {
                JButton b = new JButton("<html><body style='width: 240px'>" + escape(text("budget.response", i,
                        r.name(), session.effect(r.cost() + e.cost(), r.delayDays() + e.delayDays()))
                        + (r.quality() != 0 ? text("budget.response.quality", String.format(Locale.ROOT, "%+.2f", r.quality())) : "")
                        + (r.dropSongs() > 0 ? text("budget.response.drop", r.dropSongs()) : "")) + "</body></html>");
                b.setName("response-" + r.id());
                b.setFocusable(false);
                b.setEnabled(!submitted);
                b.addActionListener(x -> edit(() -> session.respond(r.id())));
                responseButtons.add(b);
                responsePanel.add(b);
                i++;
            }
        }
        responsePanel.revalidate();
        responsePanel.repaint();
    }

    @Override
    public void addNotify() {
        super.addNotify();
        SwingUtilities.invokeLater(this::requestFocusInWindow);
    }

    /** The submit failed: say so and let the learner try again. */
    public void problem(String message) {
        submitted = false;
        status.setText(message);
        refresh();
    }

    public void working(String message) {
        status.setText(message);
    }

    public void dispose() {
        session.removeListener(listener);
    }

    /**
     * A text of the window's one bundle (the {@code budget.} keys of messages.properties), read here
     * rather than through {@code ui.Texts} so that this package does not depend back on {@code ui}.
     */
    static String text(String key, Object... args) {
        return Texts.get(key, args);
    }

    private static String songsADay(double v) {
        return text(v == 1 ? "budget.songsADay.one" : "budget.songsADay.many", trim(v));
    }

    private static String daysASong(double v) {
        return text(v == 1 ? "budget.daysASong.one" : "budget.daysASong.many", trim(v));
    }

    private static String days(double v) {
        return text(v == 1 ? "budget.days.one" : "budget.days.many", trim(v));
    }

    private static String q(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
