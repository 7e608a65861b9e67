package org.controlroom.ui.tutor;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;

import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;

import org.controlroom.ui.text.Texts;

/** Assignments: the list given so far, and a form to give one (lessons, class or learner, due date, pass mark). */
final class AssignmentsPanel extends JPanel {

    static final String CLASS_PREFIX = "Class: ";
    static final String LEARNER_PREFIX = "Learner: ";

    interface Actions {
        void assign(List<String> lessonIds, String target, String due, String passMark);

        void delete(long id);

        void back();
    }

    record Row(long id, String lessons, String forWhom, String due, String passMark) {
    }

    record LessonChoice(String id, String title) {
        @Override
        public String toString() {
            return title + " (" + id + ")";
        }
    }

    private final DefaultTableModel model = new DefaultTableModel(new Object[] {
            Texts.get("tutor.assign.col.id"), Texts.get("tutor.assign.col.lessons"), Texts.get("tutor.assign.col.for"),
            Texts.get("tutor.assign.col.due"), Texts.get("tutor.assign.col.passMark")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final DefaultListModel<LessonChoice> lessonModel = new DefaultListModel<>();
    private final JList<LessonChoice> lessons = new JList<>(lessonModel);
    private final JComboBox<String> target = new JComboBox<>();
    private final JTextField due = new JTextField(10);
    private final JTextField passMark = new JTextField(4);
    private final JLabel status = ScreenParts.status();
    private List<Row> rows = List.of();

    AssignmentsPanel(Actions actions) {
        super(new BorderLayout());
        setName("tutor.assignmentsScreen");
        JPanel screen = ScreenParts.screen("tutor.assignments");
        add(screen, BorderLayout.CENTER);
        screen.add(ScreenParts.header("tutor.assign.title", actions::back), BorderLayout.NORTH);
        table.setName("tutor.assign.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getColumnModel().getColumn(0).setMaxWidth(50);
        lessons.setName("tutor.assign.lessons");
        lessons.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        lessons.setVisibleRowCount(10);
        target.setName("tutor.assign.target");
        due.setName("tutor.assign.due");
        passMark.setName("tutor.assign.passMark");
        passMark.setToolTipText(Texts.get("tutor.assign.passMark.tip"));
        JButton give = ScreenParts.button("tutor.assign.add", "tutor.assign.add");
        JButton delete = ScreenParts.button("tutor.assign.delete", "tutor.assign.delete");
        give.addActionListener(e -> {
            List<String> ids = lessons.getSelectedValuesList().stream().map(LessonChoice::id).toList();
            if (ids.isEmpty()) {
                showStatus(Texts.get("tutor.assign.pickLessons"));
                return;
            }
            if (target.getSelectedItem() == null) {
                showStatus(Texts.get("tutor.assign.pickTarget"));
                return;
            }
            actions.assign(ids, (String) target.getSelectedItem(), due.getText(), passMark.getText());
        });
        delete.addActionListener(e -> {
            int r = table.getSelectedRow();
            if (r >= 0) {
                actions.delete(rows.get(table.convertRowIndexToModel(r)).id());
            }
        });

        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 3, 3, 3);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        c.gridy = 0;
        form.add(new JLabel(Texts.get("tutor.assign.lessonsLabel")), c);
        c.gridy = 1;
        c.fill = GridBagConstraints.BOTH;
        c.weightx = 1;
        c.weighty = 1;
        c.gridwidth = 2;
        form.add(new JScrollPane(lessons), c);
        c.fill = GridBagConstraints.NONE;
        c.weighty = 0;
        c.gridwidth = 1;
        c.weightx = 0;
        String[] labels = {"tutor.assign.targetLabel", "tutor.assign.dueLabel", "tutor.assign.passMarkLabel"};
        JComponentRow[] fields = {new JComponentRow(target), new JComponentRow(due), new JComponentRow(passMark)};
        for (int i = 0; i < labels.length; i++) {
            c.gridy = 2 + i;
            c.gridx = 0;
            form.add(new JLabel(Texts.get(labels[i])), c);
            c.gridx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            c.weightx = 1;
            form.add(fields[i].component(), c);
            c.fill = GridBagConstraints.NONE;
            c.weightx = 0;
        }
        c.gridy = 5;
        c.gridx = 1;
        form.add(give, c);

        JPanel list = new JPanel(new BorderLayout(0, 6));
        list.add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel listButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        listButtons.add(delete);
        list.add(listButtons, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, list, form);
        split.setResizeWeight(0.55);
        split.setBorder(null);
        screen.add(split, BorderLayout.CENTER);
        screen.add(status, BorderLayout.SOUTH);
    }

    private record JComponentRow(javax.swing.JComponent component) {
    }

    void show(List<Row> assignments, List<LessonChoice> choices, List<String> targets, String defaultDue) {
        rows = List.copyOf(assignments);
        model.setRowCount(0);
        for (Row r : rows) {
            model.addRow(new Object[] {"#" + r.id(), r.lessons(), r.forWhom(), r.due(), r.passMark()});
        }
        if (lessonModel.size() != choices.size()) {
            lessonModel.clear();
            choices.forEach(lessonModel::addElement);
        }
        Object chosen = target.getSelectedItem();
        target.removeAllItems();
        targets.forEach(target::addItem);
        if (chosen != null && targets.contains(chosen)) {
            target.setSelectedItem(chosen);
        }
        if (due.getText().isBlank()) {
            due.setText(defaultDue);
        }
    }

    void showStatus(String text) {
        status.setText(text == null || text.isEmpty() ? " " : text);
    }
}
