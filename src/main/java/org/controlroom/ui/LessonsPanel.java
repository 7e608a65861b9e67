package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;

import com.formdev.flatlaf.FlatClientProperties;

/**
 * The lesson list: who is training (pick or add a learner), every lesson with its kind, rank and
 * where the learner stands on it, and Play. Only draws and reports clicks; the window does the work
 * off the event thread.
 */
final class LessonsPanel extends JPanel {

    /** One row: the lesson and what the learner can do with it. */
    record Row(String id, String title, String kind, String rank, String status, boolean playable) {
    }

    private final JComboBox<String> learners = new JComboBox<>();
    private final JTextField newName = new JTextField(14);
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {"Lesson", "Kind", "Rank", "Status"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JLabel status = new JLabel(" ");
    private final JLabel career = new JLabel(" ");
    private final JButton play = new JButton("Play");
    private final JButton myMusic = new JButton("My music\u2026");
    private List<Row> rows = List.of();

    LessonsPanel(Runnable back, java.util.function.Consumer<String> addLearner, java.util.function.Consumer<String> chooseLearner,
                 BiConsumer<String, String> playLesson, java.util.function.Consumer<String> openMusic) {
        super(new BorderLayout(0, 12));
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        learners.setName("learnerBox");
        newName.setName("learnerName");
        newName.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "New learner's name");
        table.setName("lessonsTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(26);
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(780, 340));
        int[] widths = {340, 80, 150, 220};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        status.setName("lessonsStatus");
        career.setName("careerLine");
        play.setName("playLesson");
        play.setEnabled(false);

        JButton home = new JButton("\u2190 Home");
        home.addActionListener(e -> back.run());
        JButton add = new JButton("Add learner");
        add.setName("addLearner");
        add.addActionListener(e -> {
            String name = newName.getText().strip();
            if (!name.isEmpty()) {
                addLearner.accept(name);
                newName.setText("");
            }
        });
        newName.addActionListener(e -> add.doClick());
        myMusic.setName("myMusic");
        myMusic.setToolTipText("Your own songs to train on: drills that allow it play them");
        myMusic.setEnabled(false);
        myMusic.addActionListener(e -> {
            if (learners.getSelectedItem() != null) {
                openMusic.accept((String) learners.getSelectedItem());
            }
        });
        learners.addActionListener(e -> {
            if (learners.getSelectedItem() != null) {
                chooseLearner.accept((String) learners.getSelectedItem());
            }
        });

        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        top.add(home);
        JLabel who = new JLabel("Learner:");
        top.add(who);
        top.add(learners);
        top.add(newName);
        top.add(add);
        top.add(myMusic);
        JPanel north = new JPanel(new BorderLayout(0, 8));
        north.add(top, BorderLayout.NORTH);
        career.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        north.add(career, BorderLayout.SOUTH);
        add(north, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);

        Runnable playSelected = () -> {
            int r = table.getSelectedRow();
            if (r >= 0 && rows.get(r).playable() && learners.getSelectedItem() != null) {
                playLesson.accept((String) learners.getSelectedItem(), rows.get(r).id());
            }
        };
        play.addActionListener(e -> playSelected.run());
        table.getSelectionModel().addListSelectionListener(e -> updatePlay());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    playSelected.run();
                }
            }
        });
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "play");
        table.getActionMap().put("play", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                playSelected.run();
            }
        });
        JPanel south = new JPanel(new BorderLayout());
        south.add(status, BorderLayout.CENTER);
        south.add(play, BorderLayout.EAST);
        add(south, BorderLayout.SOUTH);
    }

    void showLearners(List<String> names, String selected) {
        DefaultComboBoxModel<String> m = new DefaultComboBoxModel<>(names.toArray(new String[0]));
        m.setSelectedItem(selected);
        java.awt.event.ActionListener[] listeners = learners.getActionListeners();
        for (var l : listeners) {
            learners.removeActionListener(l);
        }
        learners.setModel(m);
        for (var l : listeners) {
            learners.addActionListener(l);
        }
        if (names.isEmpty()) {
            status.setText("No learners yet: type a name and press Add learner.");
        }
    }

    void showLessons(List<Row> lessons, String careerLine) {
        int selected = table.getSelectedRow();
        rows = new ArrayList<>(lessons);
        model.setRowCount(0);
        for (Row r : rows) {
            model.addRow(new Object[] {r.title(), r.kind(), r.rank(), r.status()});
        }
        if (selected >= 0 && selected < rows.size()) {
            table.setRowSelectionInterval(selected, selected);
        }
        career.setText(careerLine);
        updatePlay();
    }

    void showStatus(String text) {
        status.setText(text);
    }

    /** Selects a lesson by id (keyboard users and tests). */
    void select(String lessonId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(lessonId)) {
                table.setRowSelectionInterval(i, i);
                table.scrollRectToVisible(table.getCellRect(i, 0, true));
            }
        }
    }

    private void updatePlay() {
        int r = table.getSelectedRow();
        play.setEnabled(r >= 0 && r < rows.size() && rows.get(r).playable() && learners.getSelectedItem() != null);
        myMusic.setEnabled(learners.getSelectedItem() != null);
    }
}
