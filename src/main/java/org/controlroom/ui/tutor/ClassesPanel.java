package org.controlroom.ui.tutor;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.Learner;
import org.controlroom.ui.text.Texts;

/** Classes: create, rename, archive or restore; add learners to the chosen class and take them out. */
final class ClassesPanel extends JPanel {

    interface Actions {
        void create(String name);

        void rename(String name, String newName);

        void archive(String name, boolean archived);

        void addLearner(String className, String learner);

        void removeLearner(String className, String learner);

        void back();
    }

    private final DefaultListModel<TutorDesk.ClassInfo> classModel = new DefaultListModel<>();
    private final JList<TutorDesk.ClassInfo> classList = new JList<>(classModel);
    private final DefaultListModel<String> memberModel = new DefaultListModel<>();
    private final JList<String> members = new JList<>(memberModel);
    private final JTextField name = new JTextField(18);
    private final JComboBox<String> learner = new JComboBox<>();
    private final JButton archive = ScreenParts.button("tutor.classes.archive", "tutor.classes.archive");
    private final JLabel status = ScreenParts.status();

    ClassesPanel(Actions actions) {
        super(new BorderLayout());
        JPanel screen = ScreenParts.screen("tutor.classes");
        add(screen, BorderLayout.CENTER);
        setName("tutor.classesScreen");
        screen.add(ScreenParts.header("tutor.classes.title", actions::back), BorderLayout.NORTH);

        classList.setName("tutor.classes.list");
        classList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        classList.setCellRenderer((list, k, index, selected, focus) -> {
            JLabel l = new JLabel(Texts.get(k.tutorClass().archived() ? "tutor.classes.rowArchived" : "tutor.classes.row",
                    k.tutorClass().name(), k.learners().size(), k.assignments()));
            l.setOpaque(true);
            l.setBorder(BorderFactory.createEmptyBorder(3, 6, 3, 6));
            l.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            l.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            return l;
        });
        classList.addListSelectionListener(e -> showMembers());
        members.setName("tutor.classes.members");
        name.setName("tutor.classes.name");
        learner.setName("tutor.classes.learner");

        JButton create = ScreenParts.button("tutor.classes.create", "tutor.classes.create");
        JButton rename = ScreenParts.button("tutor.classes.rename", "tutor.classes.rename");
        JButton add = ScreenParts.button("tutor.classes.addLearner", "tutor.classes.addLearner");
        JButton remove = ScreenParts.button("tutor.classes.removeLearner", "tutor.classes.removeLearner");
        create.addActionListener(e -> {
            if (!name.getText().isBlank()) {
                actions.create(name.getText());
                name.setText("");
            }
        });
        rename.addActionListener(e -> selected().ifPresent(k -> {
            if (!name.getText().isBlank()) {
                actions.rename(k.tutorClass().name(), name.getText());
                name.setText("");
            }
        }));
        archive.addActionListener(e -> selected().ifPresent(k ->
                actions.archive(k.tutorClass().name(), !k.tutorClass().archived())));
        add.addActionListener(e -> selected().ifPresent(k -> {
            if (learner.getSelectedItem() != null) {
                actions.addLearner(k.tutorClass().name(), (String) learner.getSelectedItem());
            }
        }));
        remove.addActionListener(e -> selected().ifPresent(k -> {
            if (members.getSelectedValue() != null) {
                actions.removeLearner(k.tutorClass().name(), members.getSelectedValue());
            }
        }));

        JPanel left = new JPanel(new BorderLayout(0, 6));
        left.add(new JLabel(Texts.get("tutor.classes.classes")), BorderLayout.NORTH);
        left.add(new JScrollPane(classList), BorderLayout.CENTER);
        JPanel nameRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        nameRow.add(new JLabel(Texts.get("tutor.classes.nameLabel")));
        nameRow.add(name);
        nameRow.add(create);
        JPanel chosenRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        chosenRow.add(rename);
        chosenRow.add(archive);
        JPanel rows = new JPanel(new GridLayout(2, 1, 0, 4));
        rows.add(nameRow);
        rows.add(chosenRow);
        left.add(rows, BorderLayout.SOUTH);

        JPanel right = new JPanel(new BorderLayout(0, 6));
        right.add(new JLabel(Texts.get("tutor.classes.membersLabel")), BorderLayout.NORTH);
        right.add(new JScrollPane(members), BorderLayout.CENTER);
        JPanel memberRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        memberRow.add(learner);
        memberRow.add(add);
        memberRow.add(remove);
        right.add(memberRow, BorderLayout.SOUTH);

        JPanel body = new JPanel(new GridLayout(1, 2, 16, 0));
        body.add(left);
        body.add(right);
        screen.add(body, BorderLayout.CENTER);
        screen.add(status, BorderLayout.SOUTH);
    }

    private java.util.Optional<TutorDesk.ClassInfo> selected() {
        return java.util.Optional.ofNullable(classList.getSelectedValue());
    }

    private void showMembers() {
        memberModel.clear();
        selected().ifPresent(k -> {
            k.learners().stream().map(Learner::name).forEach(memberModel::addElement);
            archive.setText(Texts.get(k.tutorClass().archived() ? "tutor.classes.restore" : "tutor.classes.archive"));
        });
    }

    void show(List<TutorDesk.ClassInfo> classes, List<String> learners) {
        String chosen = selected().map(k -> k.tutorClass().name()).orElse(null);
        classModel.clear();
        int select = classes.isEmpty() ? -1 : 0;
        for (int i = 0; i < classes.size(); i++) {
            classModel.addElement(classes.get(i));
            if (classes.get(i).tutorClass().name().equals(chosen)) {
                select = i;
            }
        }
        if (select >= 0) {
            classList.setSelectedIndex(select);
        }
        showMembers();
        learner.removeAllItems();
        learners.forEach(learner::addItem);
    }

    void showStatus(String text) {
        status.setText(text == null || text.isEmpty() ? " " : text);
    }
}
