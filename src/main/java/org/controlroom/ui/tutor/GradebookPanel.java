package org.controlroom.ui.tutor;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;

import org.controlroom.lesson.tutor.AssignmentState;
import org.controlroom.lesson.tutor.DueDates;
import org.controlroom.lesson.tutor.GradeCell;
import org.controlroom.lesson.tutor.Gradebook;
import org.controlroom.lesson.tutor.GradebookHtml;
import org.controlroom.store.Assignment;
import org.controlroom.store.Learner;
import org.controlroom.ui.text.Texts;

/**
 * The gradebook: learners down, assignments across; each cell its state, best and last score and tries.
 * Opening a cell (Enter or a double click) lists every attempt; choosing one shows every answer and the
 * criteria with their measured numbers.
 */
final class GradebookPanel extends JPanel {

    interface Actions {
        void classFilter(Optional<String> className);

        void attempt(long attemptId);

        void exportCsv(Path file);

        void exportHtml(Path file);

        void back();
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Actions actions;
    private final JComboBox<String> classFilter = new JComboBox<>();
    private final DefaultTableModel model = new DefaultTableModel() {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final DefaultTableModel attemptModel = new DefaultTableModel(new Object[] {
            Texts.get("tutor.book.col.started"), Texts.get("tutor.book.col.lesson"), Texts.get("tutor.book.col.score"),
            Texts.get("tutor.book.col.passes"), Texts.get("tutor.book.col.answers"), Texts.get("tutor.book.col.time"),
            Texts.get("tutor.book.col.note")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable attempts = new JTable(attemptModel);
    private final JLabel cellTitle = new JLabel(Texts.get("tutor.book.pickCell"));
    private final JTextArea detail = new JTextArea(8, 60);
    private final JLabel status = ScreenParts.status();
    private boolean filling;
    private Gradebook book;
    private List<Learner> rowLearners = List.of();
    private List<Assignment> columns = List.of();
    private List<GradeCell.AttemptLine> shownAttempts = List.of();
    private ZoneId zone = ZoneId.systemDefault();

    GradebookPanel(Actions actions) {
        super(new BorderLayout());
        this.actions = actions;
        setName("tutor.gradebookScreen");
        JPanel screen = ScreenParts.screen("tutor.gradebook");
        add(screen, BorderLayout.CENTER);
        JPanel top = new JPanel(new BorderLayout());
        top.add(ScreenParts.header("tutor.book.title", actions::back), BorderLayout.WEST);
        JPanel tools = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        classFilter.setName("tutor.book.class");
        classFilter.addActionListener(e -> {
            if (!filling) {
                int i = classFilter.getSelectedIndex();
                actions.classFilter(i <= 0 ? Optional.empty() : Optional.of((String) classFilter.getSelectedItem()));
            }
        });
        JButton csv = ScreenParts.button("tutor.book.csv", "tutor.book.csv");
        JButton html = ScreenParts.button("tutor.book.html", "tutor.book.html");
        csv.addActionListener(e -> choose("gradebook.csv").ifPresent(actions::exportCsv));
        html.addActionListener(e -> choose("report.html").ifPresent(actions::exportHtml));
        tools.add(new JLabel(Texts.get("tutor.book.classLabel")));
        tools.add(classFilter);
        tools.add(csv);
        tools.add(html);
        top.add(tools, BorderLayout.EAST);
        screen.add(top, BorderLayout.NORTH);

        table.setName("tutor.book.table");
        table.setCellSelectionEnabled(true);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(Math.max(table.getRowHeight(), 26));
        table.setDefaultRenderer(Object.class, new CellRenderer());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openCell();
                }
            }
        });
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "openCell");
        table.getActionMap().put("openCell", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                openCell();
            }
        });
        attempts.setName("tutor.book.attempts");
        attempts.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        attempts.getSelectionModel().addListSelectionListener(e -> {
            int r = attempts.getSelectedRow();
            if (!e.getValueIsAdjusting() && r >= 0 && r < shownAttempts.size()) {
                detail.setText(Texts.get("tutor.book.loading"));
                actions.attempt(shownAttempts.get(r).attempt().attemptId());
            }
        });
        detail.setName("tutor.book.detail");
        detail.setEditable(false);
        detail.setLineWrap(true);
        detail.setWrapStyleWord(true);
        cellTitle.setName("tutor.book.cellTitle");
        JPanel lower = new JPanel(new BorderLayout(0, 4));
        lower.add(cellTitle, BorderLayout.NORTH);
        JSplitPane cell = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(attempts), new JScrollPane(detail));
        cell.setResizeWeight(0.5);
        lower.add(cell, BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), lower);
        split.setResizeWeight(0.55);
        split.setBorder(null);
        screen.add(split, BorderLayout.CENTER);
        screen.add(status, BorderLayout.SOUTH);
    }

    private Optional<Path> choose(String suggested) {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new java.io.File(suggested));
        return chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION
                ? Optional.of(chooser.getSelectedFile().toPath()) : Optional.empty();
    }

    void show(Gradebook b, List<String> classNames, Optional<String> filter, ZoneId z) {
        this.book = b;
        this.zone = z;
        filling = true;
        classFilter.removeAllItems();
        classFilter.addItem(Texts.get("tutor.book.allClasses"));
        classNames.forEach(classFilter::addItem);
        filter.ifPresentOrElse(classFilter::setSelectedItem, () -> classFilter.setSelectedIndex(0));
        filling = false;
        rowLearners = b.learners();
        columns = b.assignments();
        List<Object> heads = new ArrayList<>();
        heads.add(Texts.get("tutor.book.learner"));
        for (Assignment a : columns) {
            heads.add("#" + a.id() + " " + String.join(", ", a.lessonIds()) + " (" + DueDates.show(a.dueAt(), z) + ")");
        }
        model.setColumnIdentifiers(heads.toArray());
        model.setRowCount(0);
        for (Learner l : rowLearners) {
            Object[] row = new Object[columns.size() + 1];
            row[0] = l.name();
            for (int i = 0; i < columns.size(); i++) {
                row[i + 1] = b.cell(l.id(), columns.get(i).id()).orElse(null);
            }
            model.addRow(row);
        }
        attemptModel.setRowCount(0);
        shownAttempts = List.of();
        detail.setText("");
        cellTitle.setText(Texts.get("tutor.book.pickCell"));
        showStatus(b.cells().isEmpty() ? Texts.get("tutor.book.empty") : Texts.get("tutor.book.hint"));
    }

    /** Shows the selected cell's attempts. */
    void openCell() {
        int r = table.getSelectedRow();
        int c = table.getSelectedColumn();
        if (r < 0 || c < 1 || !(model.getValueAt(r, c) instanceof GradeCell cell)) {
            return;
        }
        cellTitle.setText(Texts.get("tutor.book.cell", cell.learner().name(), "#" + cell.assignment().id(),
                cell.state().words(), cell.attempts(), GradebookHtml.duration(cell.timeSpent())));
        shownAttempts = cell.history();
        attemptModel.setRowCount(0);
        for (GradeCell.AttemptLine a : shownAttempts) {
            attemptModel.addRow(new Object[] {WHEN.format(a.attempt().startedAt().atZone(zone)), a.attempt().lessonId(),
                    a.attempt().score().map(GradebookPanel::trim).orElse(Texts.get("tutor.book.unfinished")),
                    a.passes() ? Texts.get("tutor.book.yes") : Texts.get("tutor.book.no"), a.attempt().answers(),
                    GradebookHtml.duration(org.controlroom.lesson.tutor.GradebookHtml.attemptTime(a.attempt())), a.note()});
        }
        detail.setText(shownAttempts.isEmpty() ? Texts.get("tutor.book.noAttempts") : Texts.get("tutor.book.pickAttempt"));
        if (!shownAttempts.isEmpty()) {
            attempts.setRowSelectionInterval(shownAttempts.size() - 1, shownAttempts.size() - 1);
        }
    }

    void showDetail(String text) {
        detail.setText(text);
        detail.setCaretPosition(0);
    }

    void showStatus(String text) {
        status.setText(text == null || text.isEmpty() ? " " : text);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A cell in words, coloured by its state. */
    private static final class CellRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row,
                                                       int column) {
            Object shown = value;
            if (value instanceof GradeCell c) {
                shown = c.state().words() + c.best().map(b -> " \u00b7 " + Texts.get("tutor.book.scores", trim(b),
                        c.last().map(GradebookPanel::trim).orElse("\u2014"))).orElse("")
                        + " \u00b7 " + Texts.get("tutor.book.tries", c.attempts());
            } else if (value == null && column > 0) {
                shown = "\u2014";
            }
            Component comp = super.getTableCellRendererComponent(t, shown, selected, focus, row, column);
            if (!selected) {
                comp.setForeground(value instanceof GradeCell c ? colour(c.state()) : t.getForeground());
            }
            if (value instanceof GradeCell c) {
                setToolTipText(Texts.get("tutor.book.cellTip", c.attempts(), GradebookHtml.duration(c.timeSpent()),
                        c.lateBy().isZero() ? "\u2014" : GradebookHtml.duration(c.lateBy())));
            } else {
                setToolTipText(null);
            }
            return comp;
        }

        private static Color colour(AssignmentState s) {
            return switch (s) {
                case PASSED -> new Color(0x5cb85c);
                case LATE -> new Color(0xe05a4f);
                case IN_PROGRESS -> new Color(0xe0b040);
                case NOT_STARTED -> new Color(0x9aa0a6);
            };
        }
    }
}
