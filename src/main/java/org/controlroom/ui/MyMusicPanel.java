package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.filechooser.FileFilter;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;

import org.controlroom.dsp.io.AudioFormatKind;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * "My music": the learner's own files and folders, each file with its state (OK, moved, damaged,
 * silent), and Add files…, Add folder…, Remove. Only draws and reports clicks; the window checks the
 * files on its worker and fills the rows in as each is checked.
 */
final class MyMusicPanel extends JPanel {

    /** What the learner asked for; the window does it off the event thread. */
    interface Actions {
        void add(List<Path> paths);

        void remove(Path added);

        void back();
    }

    /** How a row's file stands. */
    enum State {
        FOLDER, CHECKING, OK, MOVED, DAMAGED, SILENT
    }

    /**
     * One row: a folder or file the learner added, or a file inside an added folder.
     *
     * @param added  the path as added (what Remove forgets)
     * @param inside whether the row is a file found inside the added folder (then it cannot be removed alone)
     */
    record Row(Path added, boolean inside, String name, State state, String length, String detail) {

        String stateText() {
            return switch (state) {
                case FOLDER -> Texts.get("shell.mymusic.state.folder");
                case CHECKING -> Texts.get("shell.mymusic.state.checking");
                case OK -> Texts.get("shell.mymusic.state.ok");
                case MOVED -> Texts.get("shell.mymusic.state.moved");
                case DAMAGED -> Texts.get("shell.mymusic.state.damaged");
                case SILENT -> Texts.get("shell.mymusic.state.silent");
            };
        }
    }

    private final Actions actions;
    private final JLabel title = new JLabel(Texts.get("shell.mymusic.title"));
    private final CardLayout centre = new CardLayout();
    private final JPanel centrePanel = new JPanel(centre);
    private final JLabel empty = new JLabel();
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {Texts.get("shell.mymusic.col.file"), Texts.get("shell.mymusic.col.status"),
            Texts.get("shell.mymusic.col.length"), Texts.get("shell.mymusic.col.details")}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JLabel status = new JLabel(" ");
    private final JButton addFiles = new JButton(Texts.get("shell.mymusic.addFiles"));
    private final JButton addFolder = new JButton(Texts.get("shell.mymusic.addFolder"));
    private final JButton remove = new JButton(Texts.get("shell.mymusic.remove"));
    private final List<Row> rows = new ArrayList<>();
    private File lastFolder;
    /** The last status the window gave: shown again when the learner's selection no longer needs a hint. */
    private String summary = " ";

    MyMusicPanel(Actions actions) {
        super(new BorderLayout(0, 12));
        this.actions = actions;
        setName("myMusicPanel");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        title.setName("musicTitle");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        JLabel hint = new JLabel("<html>" + Texts.get("shell.mymusic.hint") + "</html>");
        hint.setName("musicHint");
        JPanel north = new JPanel(new BorderLayout(0, 8));
        JButton back = new JButton(Texts.get("shell.mymusic.back"));
        back.setName("musicBack");
        back.addActionListener(e -> actions.back());
        JPanel backRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        backRow.add(back);
        north.add(backRow, BorderLayout.NORTH);
        north.add(title, BorderLayout.CENTER);
        north.add(hint, BorderLayout.SOUTH);
        add(north, BorderLayout.NORTH);

        table.setName("musicTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(26);
        int[] widths = {300, 90, 70, 360};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.getColumnModel().getColumn(1).setCellRenderer(new StateRenderer());
        table.getSelectionModel().addListSelectionListener(e -> updateRemove());
        empty.setName("musicEmpty");
        empty.setVerticalAlignment(JLabel.TOP);
        empty.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        centrePanel.add(new JScrollPane(table), "table");
        centrePanel.add(empty, "empty");
        add(centrePanel, BorderLayout.CENTER);

        addFiles.setName("addMusicFiles");
        addFolder.setName("addMusicFolder");
        remove.setName("removeMusic");
        remove.setEnabled(false);
        addFiles.addActionListener(e -> choose(false));
        addFolder.addActionListener(e -> choose(true));
        remove.addActionListener(e -> {
            int r = table.getSelectedRow();
            if (r >= 0 && r < rows.size() && !rows.get(r).inside()) {
                actions.remove(rows.get(r).added());
            }
        });
        status.setName("musicStatus");
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.add(addFiles);
        buttons.add(addFolder);
        buttons.add(remove);
        JPanel south = new JPanel(new BorderLayout(8, 0));
        south.add(status, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.EAST);
        add(south, BorderLayout.SOUTH);
    }

    private void choose(boolean folders) {
        JFileChooser chooser = new JFileChooser(lastFolder);
        chooser.setName("musicChooser");
        chooser.setDialogTitle(Texts.get(folders ? "shell.mymusic.chooseFolder" : "shell.mymusic.chooseFiles"));
        chooser.setFileSelectionMode(folders ? JFileChooser.DIRECTORIES_ONLY : JFileChooser.FILES_ONLY);
        chooser.setMultiSelectionEnabled(true);
        if (!folders) {
            chooser.setFileFilter(new FileFilter() {
                @Override
                public boolean accept(File f) {
                    return f.isDirectory() || AudioFormatKind.hasAudioExtension(f.getName());
                }

                @Override
                public String getDescription() {
                    return Texts.get("shell.mymusic.filter");
                }
            });
        }
        if (chooser.showDialog(this, Texts.get("shell.mymusic.add")) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File[] picked = chooser.getSelectedFiles();
        if (picked.length == 0 && chooser.getSelectedFile() != null) {
            picked = new File[] {chooser.getSelectedFile()};
        }
        List<Path> paths = new ArrayList<>();
        for (File f : picked) {
            paths.add(f.toPath().toAbsolutePath().normalize());
        }
        if (!paths.isEmpty()) {
            File first = picked[0];
            lastFolder = folders ? first : first.getParentFile();
            actions.add(paths);
        }
    }

    /** A new learner's music is about to be checked. */
    void showLearner(String name) {
        title.setText(Texts.get("shell.mymusic.titleFor", name));
        rows.clear();
        model.setRowCount(0);
        centre.show(centrePanel, "table");
        showStatus(Texts.get("shell.mymusic.reading"));
        updateRemove();
    }

    /** Nothing added yet: what My music is for, and which lessons use it. */
    void showEmpty(List<String> lessonsThatUseIt) {
        rows.clear();
        model.setRowCount(0);
        String which = lessonsThatUseIt.isEmpty() ? ""
                : Texts.get("shell.mymusic.empty.lessons", escape(String.join(", ", lessonsThatUseIt)));
        empty.setText("<html><body style='width: 620px'>" + Texts.get("shell.mymusic.empty.what") + which
                + Texts.get("shell.mymusic.empty.how") + "</body></html>");
        centre.show(centrePanel, "empty");
        showStatus(Texts.get("shell.mymusic.none"));
        updateRemove();
    }

    /** The rows, some still being checked. */
    void showRows(List<Row> all) {
        rows.clear();
        rows.addAll(all);
        model.setRowCount(0);
        for (Row r : rows) {
            model.addRow(values(r));
        }
        centre.show(centrePanel, "table");
        updateRemove();
    }

    /** One row checked. */
    void updateRow(int index, Row r) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        rows.set(index, r);
        Object[] v = values(r);
        for (int c = 0; c < v.length; c++) {
            model.setValueAt(v[c], index, c);
        }
    }

    void showStatus(String text) {
        summary = text;
        status.setText(text);
    }

    private static Object[] values(Row r) {
        return new Object[] {(r.inside() ? "    " : "") + r.name(), r.stateText(), r.length(), r.detail()};
    }

    private void updateRemove() {
        int r = table.getSelectedRow();
        boolean ok = r >= 0 && r < rows.size() && !rows.get(r).inside();
        remove.setEnabled(ok);
        status.setText(r >= 0 && r < rows.size() && rows.get(r).inside()
                ? Texts.get("shell.mymusic.inFolder", rows.get(r).added()) : summary);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Moved and damaged files are marked in colour and bold, silent ones dimmed. */
    private final class StateRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            State s = row < rows.size() ? rows.get(t.convertRowIndexToModel(row)).state() : State.CHECKING;
            c.setFont(c.getFont().deriveFont(s == State.MOVED || s == State.DAMAGED ? Font.BOLD : Font.PLAIN));
            if (!selected) {
                c.setForeground(switch (s) {
                    case OK -> new Color(0x6c, 0xc0, 0x70);
                    case MOVED, DAMAGED -> new Color(0xe0, 0x70, 0x50);
                    case SILENT -> new Color(0xa0, 0xa0, 0x60);
                    default -> t.getForeground();
                });
            }
            return c;
        }
    }
}
