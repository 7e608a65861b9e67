package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import org.controlroom.lesson.practice.PracticeView;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.Criterion;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The practice screen: the brief, then each question with A/B listening and the choices, feedback,
 * and the result. Keys: A and B listen, 1–9 answer, Enter moves on. It implements the controller's
 * view; every call may come from any thread and is drawn on the event thread.
 */
final class PracticePanel extends JPanel implements PracticeView {

    /** What the learner did, handed to the window (which runs the controller off the event thread). */
    interface Actions {
        void begin();

        void listen(LessonRunner.Side side);

        void answer(Response response);

        void next();

        /** Submits the session (mix, arrange, takes) to be rendered and scored. */
        void submit();

        /** Runs device or file work off the event thread. */
        void work(Runnable r);

        /** Leaves the screen (the window asks "resume later / quit" when an attempt is under way). */
        void back();

        /** Plays the lesson just finished again. */
        default void tryAgain() {
        }

        /** Opens the next lesson in the list. */
        default void nextLesson() {
        }

        /** Stops the drill's sound (Space on the drill screen). */
        default void stopListening() {
        }

        /** eq-match: B as the learner's dials make it, swapped in while it plays. */
        default void dial(org.controlroom.dsp.AudioClip b) {
        }

        /** Back from a session's result to its screen, to keep working (a new attempt on the same work). */
        default void keepWorking() {
        }
    }

    private final Actions actions;
    private final CardLayout cards = new CardLayout();
    private final JLabel briefTitle = new JLabel();
    private final JTextArea briefText = new JTextArea();
    private final JLabel counter = new JLabel();
    /** Which of the learner's files this drill plays (on the brief and on every question); blank otherwise. */
    private final JLabel briefMusic = new JLabel(" ");
    private final JLabel stepMusic = new JLabel(" ");
    private final JLabel prompt = new JLabel();
    private final JButton listenA = new JButton(Texts.get("shell.practice.listenA"));
    private final JButton listenB = new JButton(Texts.get("shell.practice.listenB"));
    private final JLabel soundProblem = new JLabel(" ");
    private final JPanel choices = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 8));
    private final JLabel feedback = new JLabel(" ");
    private final JButton next = new JButton(Texts.get("shell.practice.next"));
    private final JLabel resultScore = new JLabel();
    private final JPanel criteria = new JPanel(new GridLayout(0, 1, 0, 6));
    private final JPanel drillSummary = new JPanel(new BorderLayout());
    private final JLabel resultCareer = new JLabel();
    private final List<JButton> choiceButtons = new ArrayList<>();
    private boolean answered;
    private final JPanel sessionCard = new JPanel(new BorderLayout());
    private final JPanel sessionResultCard = new JPanel(new BorderLayout());
    private SessionScreens.Screen sessionScreen;

    /** Drill questions are asked on their own screen. */
    private final org.controlroom.ui.drill.DrillScreen drillScreen;
    private boolean drillShown;

    PracticePanel(Actions actions) {
        this.actions = actions;
        this.drillScreen = new org.controlroom.ui.drill.DrillScreen(new org.controlroom.ui.drill.DrillScreen.Actions() {
            @Override
            public void listen(LessonRunner.Side side) {
                actions.listen(side);
            }

            @Override
            public void stop() {
                actions.stopListening();
            }

            @Override
            public void answer(double value) {
                actions.answer(new Response.Value(value));
            }

            @Override
            public void answerAll(List<String> ids) {
                actions.answer(new Response.Options(ids));
            }

            @Override
            public void answerMatch(List<Response.Band> bands) {
                actions.answer(new Response.Match(bands));
            }

            @Override
            public void dial(org.controlroom.dsp.AudioClip b) {
                actions.dial(b);
            }

            @Override
            public void next() {
                actions.next();
            }

            @Override
            public void quit() {
                actions.back();
            }

            @Override
            public void work(Runnable r) {
                actions.work(r);
            }
        });
        setLayout(cards);
        add(briefCard(), "brief");
        add(questionCard(), "question");
        add(resultCard(), "result");
        add(sessionCard, "session");
        add(drillScreen, "drill");
        add(sessionResultCard, "sessionResult");
        bindKeys();
    }

    private JPanel briefCard() {
        JPanel p = padded();
        briefTitle.setName("briefTitle");
        briefTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        briefText.setName("briefText");
        briefText.setEditable(false);
        briefText.setLineWrap(true);
        briefText.setWrapStyleWord(true);
        briefText.setOpaque(false);
        briefText.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        JButton start = new JButton(Texts.get("shell.practice.start"));
        start.setToolTipText(Texts.get("shell.practice.start.tip"));
        start.setName("startAttempt");
        start.addActionListener(e -> actions.begin());
        JButton back = new JButton(Texts.get("shell.practice.back"));
        back.setName("briefBack");
        back.setToolTipText(Texts.get("shell.back.tip"));
        back.addActionListener(e -> actions.back());
        briefMusic.setName("briefMyMusic");
        briefMusic.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        JPanel centre = new JPanel(new BorderLayout(0, 12));
        centre.add(briefText, BorderLayout.CENTER);
        centre.add(briefMusic, BorderLayout.SOUTH);
        p.add(briefTitle, BorderLayout.NORTH);
        p.add(centre, BorderLayout.CENTER);
        p.add(row(back, start), BorderLayout.SOUTH);
        return p;
    }

    private JPanel questionCard() {
        JPanel p = padded();
        counter.setName("stepCounter");
        prompt.setName("prompt");
        prompt.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JPanel head = new JPanel(new GridLayout(0, 1, 0, 4));
        head.add(counter);
        head.add(prompt);
        stepMusic.setName("stepMyMusic");
        head.add(stepMusic);
        listenA.setName("listenA");
        listenB.setName("listenB");
        listenA.setToolTipText(Texts.get("shell.practice.listenA.tip"));
        listenB.setToolTipText(Texts.get("shell.practice.listenB.tip"));
        listenA.addActionListener(e -> actions.listen(LessonRunner.Side.A));
        listenB.addActionListener(e -> actions.listen(LessonRunner.Side.B));
        soundProblem.setName("soundProblem");
        choices.setName("choices");
        feedback.setName("feedback");
        feedback.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        next.setName("nextStep");
        next.setToolTipText(Texts.get("shell.practice.next.tip"));
        next.addActionListener(e -> {
            if (answered) {
                actions.next();
            }
        });
        JPanel middle = new JPanel(new BorderLayout(0, 12));
        JPanel listen = new JPanel(new BorderLayout(0, 4));
        listen.add(row(listenA, listenB), BorderLayout.NORTH);
        listen.add(soundProblem, BorderLayout.CENTER);
        middle.add(listen, BorderLayout.NORTH);
        middle.add(choices, BorderLayout.CENTER);
        middle.add(feedback, BorderLayout.SOUTH);
        JPanel top = new JPanel(new BorderLayout(0, 16));
        top.add(head, BorderLayout.NORTH);
        top.add(middle, BorderLayout.CENTER);
        p.add(top, BorderLayout.NORTH);
        JButton leave = new JButton(Texts.get("shell.practice.back"));
        leave.setName("leaveAttempt");
        leave.setToolTipText(Texts.get("shell.practice.leave.tip"));
        leave.addActionListener(e -> actions.back());
        JPanel south = new JPanel(new BorderLayout());
        south.add(leave, BorderLayout.WEST);
        south.add(next, BorderLayout.EAST);
        p.add(south, BorderLayout.SOUTH);
        return p;
    }

    private JPanel resultCard() {
        JPanel p = padded();
        resultScore.setName("resultScore");
        resultScore.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        resultCareer.setName("resultCareer");
        resultCareer.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        JButton back = new JButton(Texts.get("shell.practice.back"));
        back.setName("backToLessons");
        back.setToolTipText(Texts.get("shell.back.tip"));
        back.addActionListener(e -> actions.back());
        JButton again = new JButton(Texts.get("shell.practice.again"));
        again.setName("tryAgain");
        again.setToolTipText(Texts.get("shell.practice.again.tip"));
        again.addActionListener(e -> actions.tryAgain());
        JButton onward = new JButton(Texts.get("shell.practice.nextLesson"));
        onward.setName("nextLesson");
        onward.setToolTipText(Texts.get("shell.practice.nextLesson.tip"));
        onward.addActionListener(e -> actions.nextLesson());
        JPanel centre = new JPanel(new BorderLayout(0, 24));
        centre.add(criteria, BorderLayout.NORTH);
        centre.add(resultCareer, BorderLayout.CENTER);
        JPanel top = new JPanel(new BorderLayout(0, 16));
        top.add(resultScore, BorderLayout.NORTH);
        top.add(centre, BorderLayout.CENTER);
        p.add(top, BorderLayout.NORTH);
        p.add(drillSummary, BorderLayout.CENTER);   // a drill's session summary (confusion matrix)
        p.add(row(back, again, onward), BorderLayout.SOUTH);
        return p;
    }

    private void bindKeys() {
        key(KeyEvent.VK_A, "listenA", () -> listenA.doClick());
        key(KeyEvent.VK_B, "listenB", () -> listenB.doClick());
        key(KeyEvent.VK_ENTER, "next", () -> {
            if (isShowing(0)) {
                actions.begin();
            } else if (answered) {
                actions.next();
            }
        });
        for (int i = 1; i <= 9; i++) {
            int n = i;
            key(KeyEvent.VK_0 + i, "choice" + i, () -> {
                if (!answered && n <= choiceButtons.size()) {
                    choiceButtons.get(n - 1).doClick();
                }
            });
        }
    }

    /** Which card shows: "brief", "question", "result" or "session" (event thread). */
    String showing() {
        // in the order the cards are added in the constructor
        String[] names = {"brief", "question", "result", "session", "drill", "sessionResult"};
        for (int i = 0; i < names.length; i++) {
            if (getComponent(i).isVisible()) {
                return names[i];
            }
        }
        return "brief";
    }

    private boolean isShowing(int card) {
        return getComponent(card).isVisible();
    }

    private void key(int code, String name, Runnable r) {
        getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(code, 0), name);
        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(code, 0), name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (PracticePanel.this.isShowing()) {
                    r.run();
                }
            }

            @Override
            public boolean isEnabled() {
                // a hidden practice screen leaves the key to the screen that shows (the window's other
                // keys); the drill screen has its own keys
                return PracticePanel.this.isShowing() && !drillShown;
            }
        });
    }

    private static JPanel padded() {
        JPanel p = new JPanel(new BorderLayout(0, 16));
        p.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        return p;
    }

    private static JPanel row(JComponent... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        for (JComponent c : parts) {
            p.add(c);
        }
        return p;
    }

    private static void edt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
        } else {
            SwingUtilities.invokeLater(r);
        }
    }

    @Override
    public void showBrief(String title, String brief, int steps) {
        edt(() -> {
            drillShown = false;
            briefTitle.setText(title);
            // a session lesson (steps == 0: a mix, a budget) has its own screen, which shows its own keys
            briefText.setText(brief.strip() + "\n\n" + (steps == 0 ? "Enter starts; the screen shows its keys."
                    : steps + (steps == 1 ? " step." : " steps.") + "  Keys: A / B listen, 1\u20139 answer, Enter moves on."));
            soundProblem.setText(" ");
            cards.show(this, "brief");
        });
    }

    /**
     * Says which of the learner's own files the drill plays and from where ("Plays on your music:
     * song.flac from 1:02.5"), or why none of it could be used; empty clears it. Any thread.
     */
    void showMyMusic(Optional<String> line) {
        edt(() -> {
            String text = line.map(t -> "<html>\u266B " + escape(t) + "</html>").orElse(" ");
            briefMusic.setText(text);
            stepMusic.setText(text);
            stepMusic.setVisible(line.isPresent());
            drillScreen.showMyMusic(line);
        });
    }

    @Override
    public void showSession(org.controlroom.lesson.session.LessonSession session) {
        // called off the event thread: the session's sounds are decoded here, then the screen is built
        Optional<org.controlroom.lesson.practice.SessionPlayer> player;
        String problem = null;
        try {
            player = Optional.of(new org.controlroom.lesson.practice.SessionPlayer(session));
        } catch (org.controlroom.dsp.io.AudioFileException e) {
            player = Optional.empty();
            problem = e.getMessage();
        }
        Optional<org.controlroom.lesson.practice.SessionPlayer> p = player;
        String why = problem;
        edt(() -> {
            closeSessionScreen();
            sessionScreen = SessionScreens.screenFor(session, p, actions::work, actions::submit, () -> {
                closeSessionScreen();
                actions.back();
            });
            sessionCard.removeAll();
            sessionCard.add(sessionScreen.component(), BorderLayout.CENTER);
            if (why != null) {
                sessionCard.add(new JLabel("<html>" + escape(why) + "</html>"), BorderLayout.SOUTH);
            }
            sessionCard.revalidate();
            cards.show(this, "session");
        });
    }

    @Override
    public void showWorking(String message) {
        edt(() -> {
            if (sessionScreen != null) {
                sessionScreen.working(message);
            }
        });
    }

    @Override
    public void showNotice(String message) {
        edt(() -> soundProblem.setText("<html><body style='width: 640px'>" + escape(message) + "</body></html>"));
    }

    /** Leaves the session screen: its player and meters stop. */
    void closeSessionScreen() {
        if (sessionScreen != null) {
            sessionScreen.close();
            sessionScreen = null;
        }
    }

    @Override
    public void showStep(Step step) {
        edt(() -> {
            drillShown = step.drillQuestion().isPresent() && !step.choices().isEmpty();
            if (drillShown) {
                drillScreen.showStep(step);
                cards.show(this, "drill");
                SwingUtilities.invokeLater(drillScreen::requestFocusInWindow);
                return;
            }
            answered = false;
            counter.setText(Texts.get("shell.practice.step", step.index() + 1, step.count()));
            prompt.setText("<html>" + escape(step.prompt()) + "</html>");
            boolean drill = step.drillQuestion().isPresent();
            listenA.setVisible(drill);
            listenB.setVisible(drill);
            listenA.setSelected(false);
            listenB.setSelected(false);
            feedback.setText(" ");
            // a new step always offers "Next": the last step's "See the score" must not stay on the button
            // into the next attempt
            next.setText(Texts.get("shell.practice.next"));
            next.setEnabled(false);
            choices.removeAll();
            choiceButtons.clear();
            if (step.multipleChoice()) {
                List<JCheckBox> boxes = new ArrayList<>();
                for (Choice c : step.choices()) {
                    JCheckBox box = new JCheckBox(c.label());
                    box.setName("option-" + c.id());
                    boxes.add(box);
                    choices.add(box);
                }
                JButton confirm = new JButton(Texts.get("shell.practice.confirm"));
                confirm.setName("choice1");
                confirm.addActionListener(e -> answer(new Response.Options(boxes.stream().filter(JCheckBox::isSelected)
                        .map(b -> b.getName().substring("option-".length())).toList())));
                choiceButtons.add(confirm);
                choices.add(confirm);
            } else {
                int i = 1;
                for (Choice c : step.choices()) {
                    JButton b = new JButton((i <= 9 ? i + "  " : "") + c.label());
                    b.setName("choice" + i);
                    b.addActionListener(e -> answer(drill ? new Response.Value(c.value()) : Response.Options.of(c.id())));
                    choiceButtons.add(b);
                    choices.add(b);
                    i++;
                }
            }
            choices.revalidate();
            choices.repaint();
            cards.show(this, "question");
        });
    }

    private void answer(Response r) {
        if (!answered) {
            choiceButtons.forEach(b -> b.setEnabled(false));
            actions.answer(r);
        }
    }

    @Override
    public void showFeedback(Feedback f, boolean lastStep) {
        edt(() -> {
            if (drillShown) {
                drillScreen.showFeedback(f, lastStep);
                return;
            }
            answered = true;
            String mark = f.correct().map(c -> c ? "\u2714 " : "\u2718 ").orElse("");
            String points = f.maxPoints() > 0
                    ? "  " + Texts.get("shell.practice.points", trim(f.points()), trim(f.maxPoints())) : "";
            feedback.setText("<html>" + mark + escape(f.message()) + points + "</html>");
            feedback.putClientProperty(FlatClientProperties.STYLE, f.correct().map(c -> c
                    ? "foreground: #6cc070" : "foreground: #e0a050").orElse("foreground: null"));
            next.setText(Texts.get(lastStep ? "shell.practice.score" : "shell.practice.next"));
            next.setEnabled(true);
            next.requestFocusInWindow();
        });
    }

    @Override
    public void showResult(AttemptFinished result, String careerLine) {
        edt(() -> {
            drillShown = false;
            Optional<JComponent> own = sessionScreen == null ? Optional.empty()
                    : sessionScreen.result(result, careerLine, actions::back, actions::keepWorking,
                            actions::tryAgain, actions::nextLesson);
            closeSessionScreen();
            if (own.isPresent()) {
                sessionResultCard.removeAll();
                sessionResultCard.add(own.get(), BorderLayout.CENTER);
                sessionResultCard.revalidate();
                cards.show(this, "sessionResult");
                return;
            }
            resultScore.setText(Texts.get("shell.practice.result", String.format(Locale.ROOT, "%.1f", result.score()),
                    Texts.get(result.passed() ? "shell.practice.passed" : "shell.practice.notPassed")));
            criteria.removeAll();
            for (Criterion c : result.criteria()) {
                JLabel l = new JLabel("<html>" + Texts.get("shell.practice.criterion", escape(c.name()),
                        String.format(Locale.ROOT, "%.1f", c.score()), trim(c.weight()), escape(c.detail())) + "</html>");
                l.setName("criterion-" + c.name());
                criteria.add(l);
            }
            drillSummary.removeAll();
            org.controlroom.ui.drill.DrillSummaryPanel.of(result).ifPresent(x -> drillSummary.add(x, BorderLayout.NORTH));
            resultCareer.setText(careerLine);
            cards.show(this, "result");
        });
    }

    @Override
    public void showListening(LessonRunner.Side side) {
        edt(() -> {
            drillScreen.showListening(Optional.of(side));
            listenA.putClientProperty(FlatClientProperties.STYLE, side == LessonRunner.Side.A ? "background: #3d6185" : null);
            listenB.putClientProperty(FlatClientProperties.STYLE, side == LessonRunner.Side.B ? "background: #3d6185" : null);
        });
    }

    @Override
    public void showDrillSound(org.controlroom.lesson.run.DrillAudio.Pair pair) {
        edt(() -> drillScreen.showSound(pair));   // after the step it belongs to (both go through the event queue)
    }

    @Override
    public void showSoundProblem(String message) {
        edt(() -> drillScreen.showSoundProblem(message));
        edt(() -> soundProblem.setText("<html><body style='width: 640px'>"
                + escape(Texts.get("shell.practice.noSound", message)) + "</body></html>"));
    }

    @Override
    public void showError(String message) {
        edt(() -> {
            if (sessionScreen != null) {
                sessionScreen.problem(message);
                return;
            }
            if (drillShown) {
                drillScreen.showError(message);
                return;
            }
            feedback.setText("<html>" + escape(message) + "</html>");
            if (!answered) {
                choiceButtons.forEach(b -> b.setEnabled(true));
            }
        });
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
