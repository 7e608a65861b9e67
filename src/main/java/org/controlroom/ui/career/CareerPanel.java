package org.controlroom.ui.career;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableModel;

import org.controlroom.ui.text.Texts;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;

import com.formdev.flatlaf.FlatClientProperties;

/**
 * The career dashboard: the week, cash, path and rank; the coming weeks' calendar; the inbox of offers
 * (Take, Decline); the booked jobs (Play opens the job's lesson); the path to the next rank; reputation
 * per client type; the income chart; the ledger, the catalogue with royalties and the signature. Before
 * the learner has a career it shows what the mode is and a form to start one. Only draws what it is
 * given and reports clicks: the window runs every action on its worker.
 */
public final class CareerPanel extends JPanel {

    /** What the buttons ask for. */
    public interface Actions {
        void start(OptionalLong seed, boolean freelance);

        void take(String offerId);

        void decline(String offerId);

        void nextWeek();

        void switchPath();

        void play(String jobId, String lessonId);

        void back();
    }

    /** The headline figures. */
    public record Summary(int week, String path, String cash, String rank, String switchTo, String switchCost,
            boolean picksJobs) {
    }

    /** The way to the next rank (have / need), empty at the top. */
    public record NextRank(String rank, long xpHave, long xpNeeded, int creditsHave, int creditsNeeded,
            double reputationHave, double reputationNeeded) {
    }

    public record Reputation(String clientType, double value) {
    }

    public record OfferRow(String id, String client, String clientType, String title, String brief, String fee,
            String deadline, String cares, String expires) {
    }

    /** A lesson a job is played through: its id and title. */
    public record LessonRef(String id, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    public record JobRow(String id, String client, String title, List<LessonRef> lessons, String due, String status,
            String score, String paid, boolean playable) {
    }

    /** One week of the calendar: its number and what books it ("due" marked by the controller). */
    public record CalendarWeek(int week, List<String> lines) {
    }

    public record LedgerRow(int week, String kind, String amount, String memo) {
    }

    /** One week's income in pounds by source. */
    public record IncomeWeek(int week, double salary, double fees, double royalties, double costs) {
        /** Whether anything came in or went out. */
        boolean empty() {
            return salary == 0 && fees == 0 && royalties == 0 && costs == 0;
        }
    }

    public record ReleaseRow(String title, String client, int releasedWeek, String points, String royalties) {
    }

    /** Everything the dashboard shows at once. */
    public record View(Summary summary, Optional<NextRank> next, List<Reputation> reputation, List<OfferRow> offers,
            List<JobRow> jobs, List<CalendarWeek> calendar, List<LedgerRow> ledger, List<IncomeWeek> income,
            List<ReleaseRow> catalogue, List<String> signature, String signatureSummary) {
    }

    static final String EMPTY = "empty";
    static final String DASHBOARD = "dashboard";

    private final Actions actions;
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private String showing = EMPTY;

    // empty state
    private final JTextField seed = new JTextField(10);
    private final JRadioButton employed = new JRadioButton(Texts.get("career.path.employed"), true);
    private final JRadioButton freelance = new JRadioButton(Texts.get("career.path.freelance"));

    // headline
    private final JLabel week = label("career.week");
    private final JLabel path = label("career.path");
    private final JLabel cash = label("career.cash");
    private final JLabel rank = label("career.rank");
    private final JButton nextWeek = button("career.nextWeek", "career.nextWeek");
    private final JButton switchPath = button("career.switch", "career.switch");
    private final JLabel status = label("career.status");

    // next rank and reputation
    private final JLabel nextTitle = label("career.next.title");
    private final JProgressBar xp = bar("career.next.xp");
    private final JProgressBar credits = bar("career.next.credits");
    private final JProgressBar rankReputation = bar("career.next.reputation");
    private final JPanel reputation = new JPanel(new GridLayout(0, 1, 0, 3));

    // calendar, offers, jobs
    // two rows of weeks, so a cell is wide enough for a job's title to wrap rather than be cut off
    private final JPanel calendar = new JPanel(new GridLayout(2, 0, 4, 4));
    private final DefaultTableModel offerModel = model("career.offers.col.client", "career.offers.col.type",
            "career.offers.col.title", "career.offers.col.fee", "career.offers.col.deadline", "career.offers.col.expires");
    private final JTable offers = table("career.offers", offerModel);
    private final JTextArea offerDetail = new JTextArea(4, 30);
    private final JButton take = button("career.take", "career.take");
    private final JButton decline = button("career.decline", "career.decline");
    private final DefaultTableModel jobModel = model("career.jobs.col.client", "career.jobs.col.title",
            "career.jobs.col.due", "career.jobs.col.status", "career.jobs.col.score", "career.jobs.col.paid");
    private final JTable jobs = table("career.jobs", jobModel);
    private final JButton play = button("career.play", "career.play");

    // chart and tabs
    private final DefaultCategoryDataset incomeData = new DefaultCategoryDataset();
    private final JLabel incomeNone = label("career.income.none");
    private final NumberAxis poundsAxis = new NumberAxis(Texts.get("career.income.axis.pounds"));
    private final DefaultTableModel ledgerModel = model("career.ledger.col.week", "career.ledger.col.kind",
            "career.ledger.col.amount", "career.ledger.col.memo");
    private final JTable ledger = table("career.ledger", ledgerModel);
    private final DefaultTableModel catalogueModel = model("career.catalogue.col.title", "career.catalogue.col.client",
            "career.catalogue.col.released", "career.catalogue.col.points", "career.catalogue.col.royalties");
    private final JTable catalogue = table("career.catalogue", catalogueModel);
    private final JTextArea signature = new JTextArea();
    private final JTabbedPane tabs = new JTabbedPane();

    private View view;

    public CareerPanel(Actions actions) {
        super(new BorderLayout(0, 8));
        this.actions = actions;
        setName("careerScreen");
        setBorder(BorderFactory.createEmptyBorder(12, 16, 8, 16));
        add(header(), BorderLayout.NORTH);
        body.add(emptyState(), EMPTY);
        body.add(dashboard(), DASHBOARD);
        add(body, BorderLayout.CENTER);
        status.setText(" ");
        add(status, BorderLayout.SOUTH);
        cards.show(body, EMPTY);
        keys();
        updateButtons();
    }

    // ---- building ----

    private JComponent header() {
        JButton back = button("career.back", "career.back");
        back.setToolTipText(Texts.get("career.back.tip"));
        back.addActionListener(e -> actions.back());
        JLabel title = new JLabel(Texts.get("career.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 12, 0));
        left.add(back);
        left.add(title);
        for (JLabel l : new JLabel[] {week, path, cash, rank}) {
            l.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
            left.add(l);
        }
        cash.putClientProperty(FlatClientProperties.STYLE, "font: bold +2");
        nextWeek.setToolTipText(Texts.get("career.nextWeek.tip"));
        nextWeek.addActionListener(e -> actions.nextWeek());
        switchPath.addActionListener(e -> confirmSwitch());
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        right.add(switchPath);
        right.add(nextWeek);
        JPanel row = new JPanel(new BorderLayout());
        row.add(left, BorderLayout.CENTER);
        row.add(right, BorderLayout.EAST);
        return row;
    }

    private JComponent emptyState() {
        JPanel p = new JPanel(new GridBagLayout());
        p.setName("career.emptyState");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(6, 6, 6, 6);
        JLabel intro = new JLabel("<html><body style='width: 560px'>" + Texts.get("career.empty.intro") + "</body></html>");
        intro.setName("career.empty.intro");
        p.add(intro, c);
        c.gridy++;
        c.gridwidth = 1;
        p.add(new JLabel(Texts.get("career.empty.path")), c);
        ButtonGroup g = new ButtonGroup();
        g.add(employed);
        g.add(freelance);
        employed.setName("career.empty.employed");
        freelance.setName("career.empty.freelance");
        employed.setToolTipText(Texts.get("career.path.employed.tip"));
        freelance.setToolTipText(Texts.get("career.path.freelance.tip"));
        JPanel paths = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        paths.add(employed);
        paths.add(freelance);
        c.gridx = 1;
        p.add(paths, c);
        c.gridx = 0;
        c.gridy++;
        JLabel seedLabel = new JLabel(Texts.get("career.empty.seed"));
        seedLabel.setLabelFor(seed);
        p.add(seedLabel, c);
        seed.setName("career.empty.seedField");
        seed.setToolTipText(Texts.get("career.empty.seed.tip"));
        c.gridx = 1;
        p.add(seed, c);
        c.gridx = 0;
        c.gridy++;
        c.gridwidth = 2;
        JButton start = button("career.empty.start", "career.empty.start");
        start.putClientProperty(FlatClientProperties.STYLE, "font: +2");
        start.addActionListener(e -> start());
        p.add(start, c);
        JPanel outer = new JPanel(new BorderLayout());
        outer.add(p, BorderLayout.NORTH);
        return outer;
    }

    private void start() {
        String s = seed.getText().strip();
        OptionalLong n = OptionalLong.empty();
        if (!s.isEmpty()) {
            try {
                n = OptionalLong.of(Long.parseLong(s));
            } catch (NumberFormatException e) {
                showStatus(Texts.get("career.empty.badSeed", s));
                return;
            }
        }
        actions.start(n, freelance.isSelected());
    }

    private JComponent dashboard() {
        // left: calendar, offers, jobs
        calendar.setName("career.calendar");
        JPanel calendarBox = titled("career.calendar.title", calendar);
        offerDetail.setName("career.offers.detail");
        offerDetail.setEditable(false);
        offerDetail.setLineWrap(true);
        offerDetail.setWrapStyleWord(true);
        offers.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showOfferDetail();
                updateButtons();
            }
        });
        take.setToolTipText(Texts.get("career.take.tip"));
        decline.setToolTipText(Texts.get("career.decline.tip"));
        take.addActionListener(e -> selectedOffer().ifPresent(o -> actions.take(o.id())));
        decline.addActionListener(e -> selectedOffer().ifPresent(o -> actions.decline(o.id())));
        JPanel offerButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        offerButtons.add(take);
        offerButtons.add(decline);
        JPanel offerBox = new JPanel(new BorderLayout(0, 4));
        offerBox.add(scroll(offers, 110), BorderLayout.CENTER);
        JPanel offerSouth = new JPanel(new BorderLayout(0, 4));
        offerSouth.add(new JScrollPane(offerDetail), BorderLayout.CENTER);
        offerSouth.add(offerButtons, BorderLayout.SOUTH);
        offerBox.add(offerSouth, BorderLayout.SOUTH);
        jobs.getSelectionModel().addListSelectionListener(e -> updateButtons());
        play.setToolTipText(Texts.get("career.play.tip"));
        play.addActionListener(e -> playSelected());
        JPanel jobBox = new JPanel(new BorderLayout(0, 4));
        jobBox.add(scroll(jobs, 90), BorderLayout.CENTER);
        JPanel jobButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        jobButtons.add(play);
        jobBox.add(jobButtons, BorderLayout.SOUTH);
        JSplitPane work = new JSplitPane(JSplitPane.VERTICAL_SPLIT, titled("career.offers.title", offerBox),
                titled("career.jobs.title", jobBox));
        work.setResizeWeight(0.6);
        work.setBorder(null);
        JPanel left = new JPanel(new BorderLayout(0, 8));
        left.add(calendarBox, BorderLayout.NORTH);
        left.add(work, BorderLayout.CENTER);

        // right: rank, reputation, chart, tabs
        JPanel rankBox = new JPanel(new GridLayout(0, 1, 0, 3));
        rankBox.add(nextTitle);
        rankBox.add(xp);
        rankBox.add(credits);
        rankBox.add(rankReputation);
        reputation.setName("career.reputation");
        JPanel standing = new JPanel(new GridLayout(1, 2, 12, 0));
        standing.add(titled("career.next.heading", rankBox));
        standing.add(titled("career.reputation.title", reputation));
        JPanel chartBox = new JPanel(new BorderLayout());
        chartBox.add(incomeChart(), BorderLayout.CENTER);
        incomeNone.setHorizontalAlignment(SwingConstants.CENTER);
        chartBox.add(incomeNone, BorderLayout.NORTH);
        signature.setName("career.signature");
        signature.setEditable(false);
        signature.setLineWrap(true);
        signature.setWrapStyleWord(true);
        tabs.setName("career.tabs");
        tabs.addTab(Texts.get("career.ledger.title"), new JScrollPane(ledger));
        tabs.addTab(Texts.get("career.catalogue.title"), new JScrollPane(catalogue));
        tabs.addTab(Texts.get("career.signature.title"), new JScrollPane(signature));
        widths(ledger, 50, 110, 90, 260);
        widths(offers, 110, 60, 240, 70, 70, 70);
        widths(jobs, 110, 240, 70, 80, 50, 70);
        widths(catalogue, 200, 130, 50, 60, 90);
        JSplitPane money = new JSplitPane(JSplitPane.VERTICAL_SPLIT, titled("career.income.title", chartBox), tabs);
        money.setResizeWeight(0.55);
        money.setBorder(null);
        JPanel right = new JPanel(new BorderLayout(0, 8));
        right.add(standing, BorderLayout.NORTH);
        right.add(money, BorderLayout.CENTER);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right);
        split.setResizeWeight(0.5);
        split.setBorder(null);
        split.setName("career.dashboard");
        return split;
    }

    /** One week's cell: its number, then what books it, wrapped to the cell's width (all of it in the tip). */
    private static JComponent calendarCell(CalendarWeek w) {
        JLabel head = new JLabel(Texts.get("career.calendar.week", w.week()));
        head.setFont(head.getFont().deriveFont(Font.BOLD));
        JTextArea lines = new JTextArea(w.lines().isEmpty() ? Texts.get("career.calendar.free") : String.join("\n", w.lines()));
        lines.setName("career.calendar." + w.week() + ".lines");
        lines.setEditable(false);
        lines.setFocusable(false);
        lines.setOpaque(false);
        lines.setLineWrap(true);
        lines.setWrapStyleWord(true);
        lines.setFont(head.getFont().deriveFont(Font.PLAIN, head.getFont().getSize2D() - 1f));
        if (w.lines().isEmpty()) {
            lines.setForeground(new Color(0x888888));
        }
        JPanel cell = new JPanel(new BorderLayout(0, 2));
        cell.setName("career.calendar." + w.week());
        cell.add(head, BorderLayout.NORTH);
        cell.add(lines, BorderLayout.CENTER);
        String tip = Texts.get("career.calendar.week", w.week()) + (w.lines().isEmpty() ? "" : ": " + String.join("; ", w.lines()));
        cell.setToolTipText(tip);
        lines.setToolTipText(tip);
        cell.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(new Color(0x5a5f66)), BorderFactory.createEmptyBorder(3, 5, 3, 5)));
        cell.setPreferredSize(new Dimension(150, 82));
        return cell;
    }

    private ChartPanel incomeChart() {
        CategoryAxis x = new CategoryAxis(Texts.get("career.income.axis.week"));
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setCategoryMargin(0.15);
        NumberAxis y = poundsAxis;
        y.setAutoRangeMinimumSize(100);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x4a90d9));
        r.setSeriesPaint(1, new Color(0xe0a030));
        r.setSeriesPaint(2, new Color(0x3aa860));
        r.setSeriesPaint(3, new Color(0xd05050));
        r.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(incomeData, x, y, r);
        plot.setBackgroundPaint(new Color(0x24272b));
        plot.setRangeGridlinePaint(new Color(0x5a5f66));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Color text = new Color(0xc8ccd0);
        chart.setBackgroundPaint(null);
        LegendTitle legend = chart.getLegend();
        legend.setItemPaint(text);
        legend.setBackgroundPaint(null);
        for (org.jfree.chart.axis.Axis a : new org.jfree.chart.axis.Axis[] {x, y}) {
            a.setLabelPaint(text);
            a.setTickLabelPaint(text);
        }
        x.setTickLabelFont(x.getTickLabelFont().deriveFont(Font.PLAIN, 10f));
        ChartPanel p = new ChartPanel(chart, false, false, false, false, true);
        p.setName("career.income");
        p.setMinimumDrawWidth(200);
        p.setMinimumDrawHeight(120);
        p.setPreferredSize(new Dimension(420, 200));
        return p;
    }

    private void keys() {
        int ctrl = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_N, ctrl), "career.nextWeek", nextWeek);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_T, ctrl), "career.take", take);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_D, ctrl), "career.decline", decline);
        bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, ctrl), "career.play", play);
    }

    /** A key that presses a button while the dashboard shows (and the button can be pressed). */
    private void bind(KeyStroke key, String name, JButton button) {
        getInputMap(WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (isShowing() && DASHBOARD.equals(showing) && button.isEnabled()) {
                    button.doClick();
                }
            }
        });
    }

    // ---- showing ----

    /** No career yet: the explanation and the start form. */
    public void showEmpty(String note) {
        view = null;
        showing = EMPTY;
        cards.show(body, EMPTY);
        week.setText(" ");
        path.setText(" ");
        cash.setText(" ");
        rank.setText(" ");
        showStatus(note);
        updateButtons();
    }

    /** The dashboard with these figures (keeps the chosen offer and job where they still exist). */
    public void show(View v) {
        String keptOffer = selectedOffer().map(OfferRow::id).orElse(null);
        String keptJob = selectedJob().map(JobRow::id).orElse(null);
        view = v;
        showing = DASHBOARD;
        Summary s = v.summary();
        week.setText(Texts.get("career.week.text", s.week()));
        path.setText(s.path());
        cash.setText(s.cash());
        rank.setText(s.rank());
        switchPath.setText(Texts.get("career.switch.text", s.switchTo(), s.switchCost()));
        showNext(v.next());
        reputation.removeAll();
        if (v.reputation().isEmpty()) {
            reputation.add(new JLabel(Texts.get("career.reputation.none")));
        }
        for (Reputation r : v.reputation()) {
            JProgressBar b = bar("career.rep." + r.clientType());
            b.setMaximum(1000);
            b.setValue((int) Math.round(r.value() * 10));
            b.setString(Texts.get("career.rep.text", r.clientType(), one(r.value())));
            reputation.add(b);
        }
        calendar.removeAll();
        for (CalendarWeek w : v.calendar()) {
            calendar.add(calendarCell(w));
        }
        calendar.revalidate();
        offerModel.setRowCount(0);
        for (OfferRow o : v.offers()) {
            offerModel.addRow(new Object[] {o.client(), o.clientType(), o.title(), o.fee(), o.deadline(), o.expires()});
        }
        jobModel.setRowCount(0);
        for (JobRow j : v.jobs()) {
            jobModel.addRow(new Object[] {j.client(), j.title(), j.due(), j.status(), j.score(), j.paid()});
        }
        ledgerModel.setRowCount(0);
        // newest first: the week just played is at the top
        for (int i = v.ledger().size() - 1; i >= 0; i--) {
            LedgerRow l = v.ledger().get(i);
            ledgerModel.addRow(new Object[] {l.week(), l.kind(), l.amount(), l.memo()});
        }
        catalogueModel.setRowCount(0);
        for (ReleaseRow r : v.catalogue()) {
            catalogueModel.addRow(new Object[] {r.title(), r.client(), r.releasedWeek(), r.points(), r.royalties()});
        }
        signature.setText(v.signature().isEmpty() ? Texts.get("career.signature.none")
                : v.signatureSummary() + "\n\n" + String.join("\n", v.signature()));
        signature.setCaretPosition(0);
        showIncome(v.income());
        reselect(offers, v.offers().stream().map(OfferRow::id).toList(), keptOffer);
        reselect(jobs, v.jobs().stream().map(JobRow::id).toList(), keptJob);
        showOfferDetail();
        cards.show(body, DASHBOARD);
        updateButtons();
        revalidate();
        repaint();
    }

    private void showNext(Optional<NextRank> next) {
        xp.setVisible(next.isPresent());
        credits.setVisible(next.isPresent());
        rankReputation.setVisible(next.isPresent());
        if (next.isEmpty()) {
            nextTitle.setText(Texts.get("career.next.top"));
            return;
        }
        NextRank n = next.get();
        nextTitle.setText(Texts.get("career.next.rank", n.rank()));
        fill(xp, n.xpHave(), n.xpNeeded(), Texts.get("career.next.xpText", n.xpHave(), n.xpNeeded()));
        fill(credits, n.creditsHave(), n.creditsNeeded(), Texts.get("career.next.creditsText", n.creditsHave(),
                n.creditsNeeded()));
        fill(rankReputation, Math.round(n.reputationHave() * 10), Math.round(n.reputationNeeded() * 10),
                Texts.get("career.next.reputationText", one(n.reputationHave()), one(n.reputationNeeded())));
    }

    private static void fill(JProgressBar b, long have, long need, String text) {
        b.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, need)));
        b.setValue((int) Math.max(0, Math.min(b.getMaximum(), have)));
        b.setString(text);
    }

    /** Income per week, or per quarter (13 weeks) once more than 26 weeks have passed. */
    private void showIncome(List<IncomeWeek> weeks) {
        incomeData.clear();
        boolean quarters = weeks.size() > 26;
        String salary = Texts.get("career.income.salary");
        String fees = Texts.get("career.income.fees");
        String royalties = Texts.get("career.income.royalties");
        String costs = Texts.get("career.income.costs");
        List<IncomeWeek> shown = new ArrayList<>();
        if (quarters) {
            for (IncomeWeek w : weeks) {
                int q = w.week() / 13;
                if (shown.isEmpty() || shown.get(shown.size() - 1).week() != q) {
                    shown.add(new IncomeWeek(q, 0, 0, 0, 0));
                }
                IncomeWeek last = shown.remove(shown.size() - 1);
                shown.add(new IncomeWeek(q, last.salary() + w.salary(), last.fees() + w.fees(),
                        last.royalties() + w.royalties(), last.costs() + w.costs()));
            }
        } else {
            shown.addAll(weeks);
        }
        for (IncomeWeek w : shown) {
            String label = quarters ? Texts.get("career.income.quarter", w.week() + 1) : String.valueOf(w.week());
            incomeData.addValue(w.salary(), salary, label);
            incomeData.addValue(w.fees(), fees, label);
            incomeData.addValue(w.royalties(), royalties, label);
            // costs stack below the zero line
            incomeData.addValue(w.costs(), costs, label);
        }
        boolean none = shown.stream().allMatch(IncomeWeek::empty);
        incomeNone.setVisible(none);
        if (none) {
            // a scale in pounds before the first money (the axis would otherwise invent ±5E-9 round 0)
            poundsAxis.setRange(0, 100);
        } else {
            poundsAxis.setAutoRange(true);
        }
    }

    private void showOfferDetail() {
        Optional<OfferRow> o = selectedOffer();
        offerDetail.setText(o.map(x -> Texts.get("career.offers.detail.text", x.client(), x.clientType(), x.title(),
                x.brief(), x.fee(), x.deadline(), x.cares(), x.expires()))
                .orElse(view != null && !view.summary().picksJobs() ? Texts.get("career.offers.employed")
                        : view == null || view.offers().isEmpty() ? Texts.get("career.offers.none")
                        : Texts.get("career.offers.pick")));
        offerDetail.setCaretPosition(0);
    }

    public void showStatus(String text) {
        status.setText(text == null || text.isEmpty() ? " " : text);
    }

    /** Which card shows: {@code empty} or {@code dashboard} (tests). */
    public String showing() {
        return showing;
    }

    // ---- choosing ----

    private Optional<OfferRow> selectedOffer() {
        int r = offers.getSelectedRow();
        return view == null || r < 0 || r >= view.offers().size() ? Optional.empty()
                : Optional.of(view.offers().get(offers.convertRowIndexToModel(r)));
    }

    private Optional<JobRow> selectedJob() {
        int r = jobs.getSelectedRow();
        return view == null || r < 0 || r >= view.jobs().size() ? Optional.empty()
                : Optional.of(view.jobs().get(jobs.convertRowIndexToModel(r)));
    }

    private static void reselect(JTable t, List<String> ids, String kept) {
        int i = kept == null ? -1 : ids.indexOf(kept);
        if (i < 0 && !ids.isEmpty()) {
            i = 0;
        }
        if (i >= 0) {
            t.getSelectionModel().setSelectionInterval(i, i);
        } else {
            t.clearSelection();
        }
    }

    private void playSelected() {
        Optional<JobRow> j = selectedJob();
        if (j.isEmpty() || j.get().lessons().isEmpty()) {
            return;
        }
        List<LessonRef> lessons = j.get().lessons();
        LessonRef chosen = lessons.get(0);
        if (lessons.size() > 1) {
            Object picked = JOptionPane.showInputDialog(this, Texts.get("career.play.which", j.get().title()),
                    Texts.get("career.play"), JOptionPane.QUESTION_MESSAGE, null, lessons.toArray(), lessons.get(0));
            if (!(picked instanceof LessonRef ref)) {
                return;
            }
            chosen = ref;
        }
        actions.play(j.get().id(), chosen.id());
    }

    private void confirmSwitch() {
        if (view == null) {
            return;
        }
        Summary s = view.summary();
        int r = JOptionPane.showConfirmDialog(this, Texts.get("career.switch.ask", s.switchTo(), s.switchCost()),
                Texts.get("career.switch.title"), JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE);
        if (r == JOptionPane.OK_OPTION) {
            actions.switchPath();
        }
    }

    private void updateButtons() {
        boolean on = DASHBOARD.equals(showing);
        nextWeek.setEnabled(on);
        switchPath.setEnabled(on);
        boolean picks = on && view != null && view.summary().picksJobs();
        take.setEnabled(picks && selectedOffer().isPresent());
        decline.setEnabled(picks && selectedOffer().isPresent());
        play.setEnabled(on && selectedJob().filter(JobRow::playable).isPresent());
    }

    // ---- small parts ----

    private static JLabel label(String name) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        return l;
    }

    private static JButton button(String key, String name) {
        JButton b = new JButton(Texts.get(key));
        b.setName(name);
        return b;
    }

    private static JProgressBar bar(String name) {
        JProgressBar b = new JProgressBar();
        b.setName(name);
        b.setStringPainted(true);
        return b;
    }

    private static DefaultTableModel model(String... keys) {
        Object[] cols = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            cols[i] = Texts.get(keys[i]);
        }
        return new DefaultTableModel(cols, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
    }

    private static JTable table(String name, DefaultTableModel model) {
        JTable t = new JTable(model);
        t.setName(name);
        t.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        t.setFillsViewportHeight(true);
        return t;
    }

    /** Preferred column widths (the table shares out the rest). */
    private static void widths(JTable t, int... w) {
        for (int i = 0; i < w.length; i++) {
            t.getColumnModel().getColumn(i).setPreferredWidth(w[i]);
        }
    }

    private static JScrollPane scroll(JTable t, int height) {
        JScrollPane s = new JScrollPane(t);
        s.setPreferredSize(new Dimension(380, height));
        return s;
    }

    private static JPanel titled(String key, JComponent inside) {
        JLabel t = new JLabel(Texts.get(key));
        t.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.add(t, BorderLayout.NORTH);
        p.add(inside, BorderLayout.CENTER);
        return p;
    }

    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ---- tests read the figures shown ----

    /** The text of the headline label, the row counts and the bars, by name (tests; event thread). */
    public String text(String name) {
        return switch (name) {
            case "week" -> week.getText();
            case "path" -> path.getText();
            case "cash" -> cash.getText();
            case "rank" -> rank.getText();
            case "next" -> nextTitle.getText();
            case "xp" -> xp.getString();
            case "credits" -> credits.getString();
            case "reputation" -> rankReputation.getString();
            default -> throw new IllegalArgumentException(name);
        };
    }

    public int offerCount() {
        return offerModel.getRowCount();
    }

    public int jobCount() {
        return jobModel.getRowCount();
    }

    public int ledgerCount() {
        return ledgerModel.getRowCount();
    }

    /** The reputation bars' texts, top to bottom (tests). */
    public List<String> reputationTexts() {
        List<String> out = new ArrayList<>();
        for (java.awt.Component c : reputation.getComponents()) {
            if (c instanceof JProgressBar b) {
                out.add(b.getString());
            }
        }
        return out;
    }

    /** Selects the offer in this row (tests). */
    public void selectOffer(int row) {
        offers.getSelectionModel().setSelectionInterval(row, row);
    }

    /** The income chart's data (tests). */
    public DefaultCategoryDataset incomeData() {
        return incomeData;
    }
}
