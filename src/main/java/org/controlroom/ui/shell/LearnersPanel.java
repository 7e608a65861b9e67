package org.controlroom.ui.shell;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;


import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The learners: add, rename, remove (asked first; the attempts are exported to a file, or the learner
 * confirms they may go). Only draws, asks and reports; the window does the store work off the event thread.
 */
public final class LearnersPanel extends JPanel {

    /** What the learner asked for. */
    public interface Actions {
        void add(String name);

        void rename(String name, String newName);

        /** Removes the learner; {@code export} first when given (a JSON file of their attempts). */
        void remove(String name, java.util.Optional<Path> export);

        void choose(String name);

        void back();
    }

    /** How a removal was confirmed (tests answer the dialog through this). */
    public interface Confirm {
        /** 0: export and remove, 1: remove without export, anything else: cancel. */
        int removal(String name);

        /** Where to export to; null to cancel. */
        Path exportFile(String name);

        /** The new name; null to cancel. */
        String newName(String name);
    }

    private final DefaultListModel<String> model = new DefaultListModel<>();
    private final JList<String> list = new JList<>(model);
    private final JTextField name = new JTextField(16);
    private final JLabel status = new JLabel(" ");
    private Confirm confirm = dialogs();

    public LearnersPanel(Actions actions) {
        super(new BorderLayout(0, 12));
        setName("learnersScreen");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        JLabel title = new JLabel(Texts.get("shell.learners.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        add(title, BorderLayout.NORTH);
        list.setName("learnersList");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        add(new JScrollPane(list), BorderLayout.CENTER);

        name.setName("learnersNewName");
        name.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, Texts.get("shell.learners.placeholder"));
        JButton add = new JButton(Texts.get("shell.learners.add"));
        add.setName("learnersAdd");
        add.addActionListener(e -> {
            if (!name.getText().isBlank()) {
                actions.add(name.getText().strip());
                name.setText("");
            }
        });
        name.addActionListener(e -> add.doClick());
        JButton choose = new JButton(Texts.get("shell.learners.choose"));
        choose.setName("learnersChoose");
        choose.addActionListener(e -> selected().ifPresent(actions::choose));
        JButton rename = new JButton(Texts.get("shell.learners.rename"));
        rename.setName("learnersRename");
        rename.setToolTipText(Texts.get("shell.learners.rename.tip"));
        rename.addActionListener(e -> selected().ifPresent(n -> {
            String to = confirm.newName(n);
            if (to != null && !to.isBlank()) {
                actions.rename(n, to.strip());
            }
        }));
        JButton remove = new JButton(Texts.get("shell.learners.remove"));
        remove.setName("learnersRemove");
        remove.setToolTipText(Texts.get("shell.learners.remove.tip"));
        remove.addActionListener(e -> selected().ifPresent(n -> {
            int how = confirm.removal(n);
            if (how == 0) {
                Path file = confirm.exportFile(n);
                if (file != null) {
                    actions.remove(n, java.util.Optional.of(file));
                }
            } else if (how == 1) {
                actions.remove(n, java.util.Optional.empty());
            }
        }));
        JButton back = new JButton(Texts.get("shell.back"));
        back.setName("learnersBack");
        back.setToolTipText(Texts.get("shell.back.tip"));
        back.addActionListener(e -> actions.back());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.add(back);
        buttons.add(name);
        buttons.add(add);
        buttons.add(choose);
        buttons.add(rename);
        buttons.add(remove);
        status.setName("learnersStatus");
        JPanel south = new JPanel(new BorderLayout(0, 8));
        south.add(buttons, BorderLayout.NORTH);
        south.add(status, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
    }

    private java.util.Optional<String> selected() {
        String s = list.getSelectedValue();
        if (s == null) {
            status.setText(Texts.get("shell.learners.pick"));
        }
        return java.util.Optional.ofNullable(s);
    }

    /** Replaces the dialogs (tests). */
    public void confirmWith(Confirm c) {
        confirm = c;
    }

    public void showLearners(List<String> names, String current) {
        model.clear();
        names.forEach(model::addElement);
        if (current != null) {
            list.setSelectedValue(current, true);
        }
    }

    public void showStatus(String text) {
        status.setText(text);
    }

    private Confirm dialogs() {
        return new Confirm() {
            @Override
            public int removal(String who) {
                Object[] options = {Texts.get("shell.learners.remove.export"), Texts.get("shell.learners.remove.discard"),
                        Texts.get("shell.cancel")};
                return JOptionPane.showOptionDialog(LearnersPanel.this, Texts.get("shell.learners.remove.ask", who),
                        Texts.get("shell.learners.remove.title"), JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE,
                        null, options, options[0]);
            }

            @Override
            public Path exportFile(String who) {
                JFileChooser fc = new JFileChooser();
                fc.setSelectedFile(new java.io.File(who.replaceAll("[^\\p{L}\\p{N}._-]+", "-") + "-attempts.json"));
                return fc.showSaveDialog(LearnersPanel.this) == JFileChooser.APPROVE_OPTION
                        ? fc.getSelectedFile().toPath() : null;
            }

            @Override
            public String newName(String who) {
                return (String) JOptionPane.showInputDialog(LearnersPanel.this, Texts.get("shell.learners.rename.ask", who),
                        Texts.get("shell.learners.rename.title"), JOptionPane.QUESTION_MESSAGE, null, null, who);
            }
        };
    }
}
