package org.controlroom.ui.shell;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;


import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The first start: pick or create a learner, then a short walk up the career path (Runner to Executive
 * Producer, from the lessons' career.yaml): each rank, the XP it needs, the job and what it opens.
 */
public final class FirstStartPanel extends JPanel {

    /** A rank on the walk. */
    public record Step(String name, long xp, String role, List<String> opens) {
    }

    /** What the learner did. */
    public interface Actions {
        void choose(String learner);

        void add(String name);

        /** The walk is over (or skipped): on to the lessons. */
        void done();
    }

    private final JComboBox<String> existing = new JComboBox<>();
    private final JTextField name = new JTextField(18);
    private final JLabel problem = new JLabel(" ");
    private final JLabel stepTitle = new JLabel(" ");
    private final JLabel stepBody = new JLabel(" ");
    private final JLabel stepCount = new JLabel(" ");
    private final JButton back = new JButton(Texts.get("shell.first.back"));
    private final JButton next = new JButton(Texts.get("shell.first.next"));
    private final JPanel whoPage = new JPanel(new BorderLayout(0, 12));
    private final JPanel walkPage = new JPanel(new BorderLayout(0, 12));
    private final Actions actions;
    private List<Step> steps = List.of();
    private int at;

    public FirstStartPanel(Actions actions) {
        super(new BorderLayout());
        this.actions = actions;
        setName("firstStart");
        setBorder(BorderFactory.createEmptyBorder(8, 0, 8, 0));
        JLabel welcome = new JLabel(Texts.get("shell.first.welcome"));
        welcome.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel intro = new JLabel("<html>" + HomePanel.esc(Texts.get("shell.first.intro")) + "</html>");
        existing.setName("firstStartLearners");
        name.setName("firstStartName");
        name.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, Texts.get("shell.learners.placeholder"));
        JButton pick = new JButton(Texts.get("shell.first.pick"));
        pick.setName("firstStartPick");
        pick.addActionListener(e -> {
            if (existing.getSelectedItem() != null) {
                actions.choose((String) existing.getSelectedItem());
            }
        });
        JButton create = new JButton(Texts.get("shell.first.create"));
        create.setName("firstStartCreate");
        create.addActionListener(e -> {
            if (!name.getText().isBlank()) {
                actions.add(name.getText().strip());
            }
        });
        name.addActionListener(e -> create.doClick());
        JPanel rows = new JPanel(new GridLayout(0, 1, 0, 8));
        JPanel pickRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        pickRow.add(new JLabel(Texts.get("shell.first.existing")));
        pickRow.add(existing);
        pickRow.add(pick);
        JPanel createRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        createRow.add(new JLabel(Texts.get("shell.first.new")));
        createRow.add(name);
        createRow.add(create);
        rows.add(pickRow);
        rows.add(createRow);
        rows.add(problem);
        problem.setName("firstStartProblem");
        JPanel head = new JPanel(new GridLayout(0, 1, 0, 6));
        head.add(welcome);
        head.add(intro);
        whoPage.add(head, BorderLayout.NORTH);
        whoPage.add(rows, BorderLayout.CENTER);
        this.pickRow = pickRow;

        stepTitle.setName("careerStepTitle");
        stepTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        stepBody.setName("careerStepBody");
        stepBody.setVerticalAlignment(JLabel.TOP);
        back.setName("careerBack");
        next.setName("careerNext");
        JButton skip = new JButton(Texts.get("shell.first.skip"));
        skip.setName("careerSkip");
        skip.setToolTipText(Texts.get("shell.first.skip.tip"));
        skip.addActionListener(e -> actions.done());
        back.addActionListener(e -> show(at - 1));
        next.addActionListener(e -> {
            if (at + 1 < steps.size()) {
                show(at + 1);
            } else {
                actions.done();
            }
        });
        JPanel nav = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        nav.add(back);
        nav.add(next);
        nav.add(skip);
        nav.add(stepCount);
        JPanel top = new JPanel(new GridLayout(0, 1, 0, 4));
        JLabel path = new JLabel(Texts.get("shell.first.path"));
        path.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        top.add(path);
        top.add(stepTitle);
        walkPage.add(top, BorderLayout.NORTH);
        walkPage.add(stepBody, BorderLayout.CENTER);
        walkPage.add(nav, BorderLayout.SOUTH);
        add(whoPage, BorderLayout.CENTER);
    }

    private final JPanel pickRow;

    /** The "who is training?" page, with the learners there are. */
    public void showWho(List<String> learners, String problemText) {
        existing.setModel(new DefaultComboBoxModel<>(learners.toArray(new String[0])));
        pickRow.setVisible(!learners.isEmpty());
        problem.setText(problemText == null || problemText.isBlank() ? " " : problemText);
        swap(whoPage);
        name.requestFocusInWindow();
    }

    /** The walk up the career path. */
    public void showWalk(List<Step> ranks) {
        steps = List.copyOf(ranks);
        swap(walkPage);
        show(0);
        next.requestFocusInWindow();
    }

    private void show(int i) {
        if (steps.isEmpty()) {
            stepTitle.setText(Texts.get("shell.first.noCareer"));
            stepBody.setText(" ");
            back.setEnabled(false);
            next.setText(Texts.get("shell.first.finish"));
            return;
        }
        at = Math.max(0, Math.min(i, steps.size() - 1));
        Step s = steps.get(at);
        stepTitle.setText(Texts.get("shell.first.rank", at + 1, s.name(), s.xp()));
        String opens = s.opens().isEmpty() ? Texts.get("shell.first.opensNone")
                : Texts.get("shell.first.opens", s.opens().size(), String.join(", ", s.opens().subList(0,
                        Math.min(5, s.opens().size()))) + (s.opens().size() > 5 ? ", \u2026" : ""));
        stepBody.setText("<html><body style='width: 640px'><p>" + HomePanel.esc(s.role()) + "</p><p>"
                + HomePanel.esc(opens) + "</p></body></html>");
        stepCount.setText(Texts.get("shell.first.count", at + 1, steps.size()));
        back.setEnabled(at > 0);
        next.setText(at + 1 < steps.size() ? Texts.get("shell.first.next") : Texts.get("shell.first.finish"));
    }

    private void swap(JPanel page) {
        removeAll();
        add(page, BorderLayout.CENTER);
        revalidate();
        repaint();
    }
}
