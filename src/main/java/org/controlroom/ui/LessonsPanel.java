package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
import org.controlroom.ui.text.Texts;

/**
 * The lesson list: who is training (pick or add a learner), every lesson with its kind, rank and where
 * the learner stands on it, filters (kind, rank, status) and a sort; a locked lesson says why when it
 * is selected; Enter or Play opens it. Only draws and reports clicks; the window does the work off the
 * event thread.
 */
final class LessonsPanel extends JPanel {

    /**
     * One row: the lesson and what the learner can do with it.
     *
     * @param rankIndex the rank's place on the career ladder (for sorting)
     * @param state     the status kind (OPEN, TRIED, PASSED, LOCKED, COMING_LATER) for the filter
     * @param why       why it cannot be played now ("" when it can)
     */
    record Row(String id, String title, String kind, String rank, int rankIndex, String track, String status,
               String state, boolean playable, String why) {

        Row(String id, String title, String kind, String rank, String status, boolean playable) {
            this(id, title, kind, rank, 0, "", status, playable ? "OPEN" : "LOCKED", playable, "");
        }
    }

    /** The sorts offered (the first is the default: rank, then track, then title). */
    enum Sort {
        RANK("shell.lessons.sort.rank", Comparator.comparingInt(Row::rankIndex)
                .thenComparing(Row::track, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Row::title, String.CASE_INSENSITIVE_ORDER)),
        TITLE("shell.lessons.sort.title", Comparator.comparing(Row::title, String.CASE_INSENSITIVE_ORDER)),
        KIND("shell.lessons.sort.kind", Comparator.comparing(Row::kind).thenComparingInt(Row::rankIndex)
                .thenComparing(Row::title, String.CASE_INSENSITIVE_ORDER)),
        STATUS("shell.lessons.sort.status", Comparator.comparingInt((Row r) -> statusOrder(r.state()))
                .thenComparingInt(Row::rankIndex).thenComparing(Row::title, String.CASE_INSENSITIVE_ORDER));

        final String key;
        final Comparator<Row> order;

        Sort(String key, Comparator<Row> order) {
            this.key = key;
            this.order = order;
        }

        @Override
        public String toString() {
            return Texts.get(key);
        }
    }

    static final String[] STATES = {"OPEN", "TRIED", "PASSED", "LOCKED", "COMING_LATER"};

    private static int statusOrder(String state) {
        for (int i = 0; i < STATES.length; i++) {
            if (STATES[i].equals(state)) {
                return i;
            }
        }
        return STATES.length;
    }

    private final JComboBox<String> learners = new JComboBox<>();
    private final JTextField newName = new JTextField(14);
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {
            Texts.get("shell.lessons.col.lesson"), Texts.get("shell.lessons.col.kind"), Texts.get("shell.lessons.col.rank"),
            Texts.get("shell.lessons.col.status"), Texts.get("shell.lessons.col.track")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JLabel status = new JLabel(" ");
    private final JLabel career = new JLabel(" ");
    private final JButton play = new JButton(Texts.get("shell.lessons.play"));
    private final JButton myMusic = new JButton(Texts.get("shell.lessons.myMusic"));
    private final JComboBox<String> kindFilter = new JComboBox<>();
    private final JComboBox<String> rankFilter = new JComboBox<>();
    private final JComboBox<String> statusFilter = new JComboBox<>();
    private final JComboBox<Sort> sort = new JComboBox<>(Sort.values());
    private final JButton importPack = new JButton(Texts.get("pack.import"));
    private final JButton exportPack = new JButton(Texts.get("pack.export"));
    private final JButton author = new JButton(Texts.get("pack.author"));
    private List<Row> all = List.of();
    private List<Row> rows = List.of();
    private String hint = " ";

    LessonsPanel(Runnable back, Consumer<String> addLearner, Consumer<String> chooseLearner,
                 BiConsumer<String, String> playLesson, Consumer<String> openMusic) {
        super(new BorderLayout(0, 12));
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        learners.setName("learnerBox");
        newName.setName("learnerName");
        newName.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, Texts.get("shell.learners.placeholder"));
        table.setName("lessonsTable");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setRowHeight(26);
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(780, 300));
        table.setToolTipText(Texts.get("shell.lessons.table.tip"));
        int[] widths = {300, 70, 140, 170, 150};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        status.setName("lessonsStatus");
        career.setName("careerLine");
        play.setName("playLesson");
        play.setToolTipText(Texts.get("shell.lessons.play.tip"));
        play.setEnabled(false);

        JButton home = new JButton(Texts.get("shell.home.back"));
        home.setName("lessonsBack");
        home.setToolTipText(Texts.get("shell.back.tip"));
        home.addActionListener(e -> back.run());
        JButton add = new JButton(Texts.get("shell.learners.add"));
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
        myMusic.setToolTipText(Texts.get("shell.lessons.myMusic.tip"));
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
        top.add(new JLabel(Texts.get("shell.lessons.learner")));
        top.add(learners);
        top.add(newName);
        top.add(add);
        top.add(myMusic);
        importPack.setName("importPack");
        importPack.setToolTipText(Texts.get("pack.import.tip"));
        exportPack.setName("exportPack");
        exportPack.setToolTipText(Texts.get("pack.export.tip"));
        author.setName("authorLesson");
        author.setToolTipText(Texts.get("pack.author.tip"));

        kindFilter.setName("kindFilter");
        rankFilter.setName("rankFilter");
        statusFilter.setName("statusFilter");
        sort.setName("lessonSort");
        JPanel filters = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        filters.add(labelFor("shell.lessons.filter.kind", KeyEvent.VK_K, kindFilter));
        filters.add(kindFilter);
        filters.add(labelFor("shell.lessons.filter.rank", KeyEvent.VK_R, rankFilter));
        filters.add(rankFilter);
        filters.add(labelFor("shell.lessons.filter.status", KeyEvent.VK_S, statusFilter));
        filters.add(statusFilter);
        filters.add(labelFor("shell.lessons.sort", KeyEvent.VK_O, sort));
        filters.add(sort);
        for (JComboBox<?> box : List.of(kindFilter, rankFilter, statusFilter, sort)) {
            box.addActionListener(e -> apply());
        }
        statusFilter.setModel(new DefaultComboBoxModel<>(statusChoices()));

        JPanel north = new JPanel(new BorderLayout(0, 8));
        north.add(top, BorderLayout.NORTH);
        career.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        north.add(career, BorderLayout.CENTER);
        north.add(filters, BorderLayout.SOUTH);
        add(north, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);

        Runnable playSelected = () -> {
            int r = table.getSelectedRow();
            if (r >= 0 && r < rows.size() && rows.get(r).playable() && learners.getSelectedItem() != null) {
                playLesson.accept((String) learners.getSelectedItem(), rows.get(r).id());
            } else if (r >= 0 && r < rows.size() && !rows.get(r).why().isEmpty()) {
                status.setText(rows.get(r).why());
            }
        };
        play.addActionListener(e -> playSelected.run());
        table.getSelectionModel().addListSelectionListener(e -> {
            updatePlay();
            int r = table.getSelectedRow();
            if (r >= 0 && r < rows.size() && !rows.get(r).why().isEmpty()) {
                status.setText("<html>" + esc(rows.get(r).why()) + "</html>");
            } else if (!e.getValueIsAdjusting()) {
                status.setText(hint);
            }
        });
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
        // the tutor's tools sit with Play, below the list (the top row is full at the window's smallest size)
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        actions.add(importPack);
        actions.add(exportPack);
        actions.add(author);
        actions.add(play);
        south.add(actions, BorderLayout.EAST);
        add(south, BorderLayout.SOUTH);
    }

    private static JLabel labelFor(String key, int mnemonic, JComponent field) {
        JLabel l = new JLabel(Texts.get(key));
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(field);
        return l;
    }

    private static String[] statusChoices() {
        String[] out = new String[STATES.length + 1];
        out[0] = Texts.get("shell.lessons.filter.all");
        for (int i = 0; i < STATES.length; i++) {
            out[i + 1] = Texts.get("shell.lessons.state." + STATES[i]);
        }
        return out;
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
            status.setText(Texts.get("shell.lessons.noLearners"));
        }
    }

    void showLessons(List<Row> lessons, String careerLine) {
        all = List.copyOf(lessons);
        fill(kindFilter, lessons.stream().map(Row::kind).sorted().toList());
        fill(rankFilter, lessons.stream().sorted(Comparator.comparingInt(Row::rankIndex)).map(Row::rank).toList());
        career.setText(careerLine);
        apply();
    }

    private static void fill(JComboBox<String> box, List<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        distinct.add(Texts.get("shell.lessons.filter.all"));
        distinct.addAll(values);
        Object keep = box.getSelectedItem();
        java.awt.event.ActionListener[] listeners = box.getActionListeners();
        for (var l : listeners) {
            box.removeActionListener(l);
        }
        box.setModel(new DefaultComboBoxModel<>(distinct.toArray(new String[0])));
        box.setSelectedItem(keep != null && distinct.contains(keep) ? keep : distinct.iterator().next());
        for (var l : listeners) {
            box.addActionListener(l);
        }
    }

    /** Redraws the table from every row with the filters and the sort (keeps the selected lesson). */
    private void apply() {
        String selectedId = table.getSelectedRow() >= 0 && table.getSelectedRow() < rows.size()
                ? rows.get(table.getSelectedRow()).id() : null;
        String kind = kindFilter.getSelectedIndex() > 0 ? (String) kindFilter.getSelectedItem() : null;
        String rank = rankFilter.getSelectedIndex() > 0 ? (String) rankFilter.getSelectedItem() : null;
        String state = statusFilter.getSelectedIndex() > 0 ? STATES[statusFilter.getSelectedIndex() - 1] : null;
        Sort s = (Sort) sort.getSelectedItem();
        List<Row> shown = new ArrayList<>();
        for (Row r : all) {
            if ((kind == null || r.kind().equals(kind)) && (rank == null || r.rank().equals(rank))
                    && (state == null || r.state().equals(state))) {
                shown.add(r);
            }
        }
        shown.sort(s == null ? Sort.RANK.order : s.order);
        rows = shown;
        model.setRowCount(0);
        for (Row r : rows) {
            model.addRow(new Object[] {r.title(), r.kind(), r.rank(), r.status(), r.track()});
        }
        if (selectedId != null) {
            select(selectedId);
        }
        updatePlay();
    }

    /** What Import pack, Export pack (the selected lessons' ids) and Author do. */
    void packActions(Runnable onImport, Consumer<List<String>> onExport, Runnable onAuthor) {
        importPack.addActionListener(e -> onImport.run());
        exportPack.addActionListener(e -> onExport.accept(selectedIds()));
        author.addActionListener(e -> onAuthor.run());
    }

    /** The ids of the selected lessons, in list order. */
    List<String> selectedIds() {
        List<String> ids = new ArrayList<>();
        for (int r : table.getSelectedRows()) {
            if (r >= 0 && r < rows.size()) {
                ids.add(rows.get(r).id());
            }
        }
        return ids;
    }

    /** The hint shown when no locked lesson is selected. */
    void showStatus(String text) {
        hint = text;
        status.setText(text);
    }

    /** Selects a lesson by id (keyboard users and tests); the filters are cleared if they hide it. */
    void select(String lessonId) {
        if (rows.stream().noneMatch(r -> r.id().equals(lessonId)) && all.stream().anyMatch(r -> r.id().equals(lessonId))) {
            kindFilter.setSelectedIndex(0);
            rankFilter.setSelectedIndex(0);
            statusFilter.setSelectedIndex(0);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(lessonId)) {
                table.setRowSelectionInterval(i, i);
                table.scrollRectToVisible(table.getCellRect(i, 0, true));
            }
        }
    }

    /** Puts the keyboard in the table (the list opens ready for arrows and Enter). */
    void focusTable() {
        table.requestFocusInWindow();
        if (table.getSelectedRow() < 0 && !rows.isEmpty()) {
            table.setRowSelectionInterval(0, 0);
        }
    }

    private void updatePlay() {
        int r = table.getSelectedRow();
        play.setEnabled(r >= 0 && r < rows.size() && rows.get(r).playable() && learners.getSelectedItem() != null);
        myMusic.setEnabled(learners.getSelectedItem() != null);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
