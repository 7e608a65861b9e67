package org.controlroom.ui.drill;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;

import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Criterion;
import org.controlroom.ui.text.Texts;

/**
 * A drill's session summary on its result: the score, how many were right, the best streak, the
 * threshold reached (adaptive drills), and the bands confused as a matrix (a row per truth, a column
 * per answer; right answers on the diagonal in green, confusions in amber).
 */
public final class DrillSummaryPanel extends JPanel {

    private final JTable table;

    private DrillSummaryPanel(AttemptFinished result, Criterion accuracy) {
        super(new BorderLayout(0, 6));
        setName("drillSummary");
        Map<String, Object> m = accuracy.measured();
        String threshold = m.containsKey("threshold") ? Texts.get("drill.summary.threshold",
                accuracy.detail().contains("; you ") ? accuracy.detail().substring(accuracy.detail().indexOf("; you ") + 2)
                        : m.get("threshold")) : "";
        JLabel line = new JLabel(Texts.get("drill.summary.line", String.format(Locale.ROOT, "%.1f", result.score()),
                m.get("right"), m.get("questions"), m.get("best_streak"), threshold));
        line.setName("drillSummaryLine");
        add(line, BorderLayout.NORTH);
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) m.get("confusion");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) c.get("labels");
        @SuppressWarnings("unchecked")
        List<List<Integer>> counts = (List<List<Integer>>) c.get("counts");
        String[] columns = new String[labels.size() + 1];
        columns[0] = Texts.get("drill.summary.it");
        for (int i = 0; i < labels.size(); i++) {
            columns[i + 1] = labels.get(i);
        }
        DefaultTableModel model = new DefaultTableModel(columns, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        for (int t = 0; t < labels.size(); t++) {
            Object[] row = new Object[labels.size() + 1];
            row[0] = labels.get(t);
            for (int a = 0; a < labels.size(); a++) {
                int n = counts.get(t).get(a);
                row[a + 1] = n == 0 ? "" : Integer.toString(n);
            }
            model.addRow(row);
        }
        table = new JTable(model);
        table.setName("drillConfusion");
        table.setRowSelectionAllowed(false);
        table.setDefaultRenderer(Object.class, new DefaultTableCellRenderer() {
            @Override
            public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                                                           int row, int column) {
                Component comp = super.getTableCellRendererComponent(t, value, false, false, row, column);
                boolean filled = value != null && !value.toString().isEmpty() && column > 0;
                comp.setBackground(!filled ? t.getBackground()
                        : column - 1 == row ? new Color(0x3e6b40) : new Color(0x7a5a25));
                setHorizontalAlignment(column == 0 ? LEFT : CENTER);
                return comp;
            }
        });
        JLabel head = new JLabel(Texts.get("drill.summary.confusion"));
        JPanel centre = new JPanel(new BorderLayout(0, 4));
        centre.add(head, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new java.awt.Dimension(600, Math.min(260, 28 + 22 * labels.size())));
        centre.add(scroll, BorderLayout.CENTER);
        add(centre, BorderLayout.CENTER);
    }

    /** The summary of a finished drill; empty for other kinds. */
    public static Optional<JPanel> of(AttemptFinished result) {
        return result.criteria().stream()
                .filter(c -> c.name().equals("accuracy") && c.measured().containsKey("confusion"))
                .findFirst().map(c -> new DrillSummaryPanel(result, c));
    }

    /** The count shown for a truth (row) and an answer (column), by their labels; 0 when blank. */
    int count(String truth, String answer) {
        for (int r = 0; r < table.getRowCount(); r++) {
            if (table.getValueAt(r, 0).equals(truth)) {
                for (int col = 1; col < table.getColumnCount(); col++) {
                    if (table.getColumnName(col).equals(answer)) {
                        String v = table.getValueAt(r, col).toString();
                        return v.isEmpty() ? 0 : Integer.parseInt(v);
                    }
                }
            }
        }
        return 0;
    }
}
