package org.controlroom.ui.drill;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.lesson.run.EqMatch;
import org.controlroom.lesson.run.Response;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner.Side;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.DrillExercise;


import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The drill screen: big answer targets in a row across the width (bands low to high, as How to Listen
 * and Quiztones lay them out), growing with the window; keys 1–9 and 0 answer, arrows move between
 * targets and Enter answers the one marked; Space plays or stops, A and B (or Tab) switch sides with the
 * playing side lit; the sound loops; a listen counter; Escape pauses ("resume / quit, answers kept").
 * After an answer the truth and the answer are drawn on one frequency axis over the excerpt's spectrum
 * (EQ drills), and A/B can still be played. Each question can be exported as WAV (no sound device needed).
 */
public final class DrillScreen extends JPanel {

    /** What the learner did; the window runs it off the event thread. */
    public interface Actions {
        void listen(Side side);

        void stop();

        void answer(double value);

        /** Answers a several-band question: one choice id per band. */
        default void answerAll(List<String> ids) {
        }

        /** Answers an eq-match question with the bands the learner dialled. */
        default void answerMatch(List<Response.Band> bands) {
        }

        /** eq-match: B as the learner's bands make it (rendered off the event thread), to swap in while it plays. */
        default void dial(AudioClip b) {
        }

        void next();

        /** Leaves the attempt; the answers given are kept. */
        void quit();

        void work(Runnable r);
    }

    private final Actions actions;
    private final JLabel counter = new JLabel();
    private final JLabel prompt = new JLabel();
    /** Which of the learner's own files the drill plays, when it does. */
    private final JLabel myMusic = new JLabel(" ");
    private final JButton sideA = new JButton(Texts.get("drill.side.a"));
    private final JButton sideB = new JButton(Texts.get("drill.side.b"));
    private final JLabel listens = new JLabel();
    private final JLabel loop = new JLabel(Texts.get("drill.loop"));
    /** Several bands: how many are picked of how many. */
    private final JLabel pickStatus = new JLabel(" ");
    private final JPanel targets = new JPanel(new GridLayout(1, 0, 6, 0));
    private final JLabel feedback = new JLabel(" ");
    private final JPanel picture = new JPanel(new BorderLayout());
    private final JLabel status = new JLabel(" ");
    private final JButton next = new JButton(Texts.get("drill.next"));
    private final JButton export = new JButton(Texts.get("drill.export"));
    private final List<JButton> targetButtons = new ArrayList<>();
    private List<Choice> choices = List.of();
    private Step step;
    private volatile DrillAudio.Pair pair;
    private boolean answered;
    private int marked = -1;
    private double given;
    private Optional<Side> playing = Optional.empty();
    private Side lastSide = Side.A;
    private int playsA;
    private int playsB;
    /** Several-band questions: the targets picked so far. */
    private final List<Integer> picked = new ArrayList<>();
    /** The compression lessons' explore step, shown before their first question. */
    private final ExplorePanel explore;
    private final java.awt.CardLayout centreCards = new java.awt.CardLayout();
    private final JPanel centreSwitch = new JPanel(centreCards);
    private boolean exploring;
    /** eq-match: the dials, shown instead of the answer targets. */
    private final MatchPanel matchPanel = new MatchPanel(this::dialChanged, this::submitMatch);
    private final java.awt.CardLayout answerCards = new java.awt.CardLayout();
    private final JPanel answerArea = new JPanel(answerCards);
    private List<Response.Band> givenBands = List.of();
    private List<Double> givenValues = List.of();
    private final AtomicReference<List<Response.Band>> pendingDial = new AtomicReference<>();
    private final AtomicBoolean rendering = new AtomicBoolean();

    public DrillScreen(Actions actions) {
        super(new BorderLayout(0, 12));
        this.actions = actions;
        setName("drillScreen");
        setBorder(BorderFactory.createEmptyBorder(20, 28, 20, 28));
        setFocusable(true);
        setFocusTraversalKeysEnabled(false);
        counter.setName("drillCounter");
        prompt.setName("drillPrompt");
        prompt.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        sideA.setName("drillA");
        sideB.setName("drillB");
        listens.setName("drillListens");
        feedback.setName("drillFeedback");
        feedback.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        targets.setName("drillTargets");
        next.setName("drillNext");
        export.setName("drillExport");
        status.setName("drillStatus");
        for (JComponent c : new JComponent[] {sideA, sideB, next, export}) {
            c.setFocusTraversalKeysEnabled(false);
            c.setFocusable(false);
        }
        sideA.addActionListener(e -> listen(Side.A));
        sideB.addActionListener(e -> listen(Side.B));
        next.addActionListener(e -> {
            if (answered) {
                actions.next();
            }
        });
        export.addActionListener(e -> exportWav());

        JPanel head = new JPanel(new GridLayout(0, 1, 0, 4));
        head.add(counter);
        head.add(prompt);
        myMusic.setName("drillMyMusic");
        myMusic.setVisible(false);
        head.add(myMusic);
        JPanel ab = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 8, 0));
        ab.add(sideA);
        ab.add(sideB);
        ab.add(listens);
        ab.add(loop);
        pickStatus.setName("drillPick");
        pickStatus.putClientProperty(FlatClientProperties.STYLE, "foreground: #e0a050");
        ab.add(pickStatus);
        ab.add(export);
        head.add(ab);
        add(head, BorderLayout.NORTH);

        explore = new ExplorePanel(actions::work, this::endExplore);
        JPanel centre = new JPanel(new BorderLayout(0, 10));
        targets.setPreferredSize(new java.awt.Dimension(800, 120));
        answerArea.add(targets, "targets");
        answerArea.add(matchPanel, "match");
        centre.add(answerArea, BorderLayout.NORTH);
        JPanel after = new JPanel(new BorderLayout(0, 6));
        after.add(feedback, BorderLayout.NORTH);
        after.add(picture, BorderLayout.CENTER);
        centre.add(after, BorderLayout.CENTER);
        centreSwitch.add(centre, "test");
        centreSwitch.add(explore, "explore");
        add(centreSwitch, BorderLayout.CENTER);

        JPanel south = new JPanel(new BorderLayout());
        // a way back, as Escape: the window asks "resume later / quit (answers kept) / keep going"
        JButton leave = new JButton(Texts.get("drill.leave"));
        leave.setName("leaveDrill");
        leave.setToolTipText(Texts.get("drill.leave.tip"));
        leave.setFocusable(false);
        leave.addActionListener(e -> pause());
        south.add(leave, BorderLayout.WEST);
        south.add(status, BorderLayout.CENTER);
        south.add(next, BorderLayout.EAST);
        add(south, BorderLayout.SOUTH);

        targets.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                scaleTargets();
            }
        });
        bindKeys();
    }

    private void bindKeys() {
        for (int i = 1; i <= 10; i++) {
            int n = i;
            key(KeyEvent.VK_0 + (i % 10), "target" + i, () -> answerTarget(n - 1));
            key(KeyEvent.VK_NUMPAD0 + (i % 10), "numpad" + i, () -> answerTarget(n - 1));
        }
        key(KeyEvent.VK_LEFT, "markLeft", () -> mark(marked <= 0 ? 0 : marked - 1));
        key(KeyEvent.VK_RIGHT, "markRight", () -> mark(Math.min(targetButtons.size() - 1, marked + 1)));
        key(KeyEvent.VK_ENTER, "enter", () -> {
            if (answered) {
                actions.next();
            } else if (dialled()) {
                submitMatch();
            } else if (marked >= 0) {
                answerTarget(marked);
            }
        });
        key(KeyEvent.VK_SPACE, "playStop", () -> {
            if (playing.isPresent()) {
                actions.stop();
                showListening(Optional.empty());
            } else {
                listen(lastSide);
            }
        });
        key(KeyEvent.VK_A, "sideA", () -> listen(Side.A));
        key(KeyEvent.VK_B, "sideB", () -> listen(Side.B));
        key(KeyEvent.VK_TAB, "switchSide", () -> listen(playing.orElse(lastSide) == Side.A ? Side.B : Side.A));
        key(KeyEvent.VK_ESCAPE, "pause", this::pause);
    }

    private void key(int code, String name, Runnable r) {
        for (int when : new int[] {JComponent.WHEN_IN_FOCUSED_WINDOW, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT}) {
            getInputMap(when).put(KeyStroke.getKeyStroke(code, 0), name);
        }
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (DrillScreen.this.isShowing() && step != null) {
                    r.run();
                }
            }
        });
    }

    private void listen(Side side) {
        if (step == null || exploring) {
            return;
        }
        if (!answered) {
            if (side == Side.A) {
                playsA++;
            } else {
                playsB++;
            }
        }
        lastSide = side;
        actions.listen(side);
        showListening(Optional.of(side));
        updateListens();
    }

    private void updateListens() {
        listens.setText(Texts.get("drill.listens", playsA, playsB));
    }

    private void mark(int index) {
        if (answered || targetButtons.isEmpty()) {
            return;
        }
        marked = index;
        for (int i = 0; i < targetButtons.size(); i++) {
            targetButtons.get(i).putClientProperty(FlatClientProperties.STYLE,
                    i == marked ? "borderColor: #4a90d9; borderWidth: 3" : null);
        }
    }

    private void answerTarget(int index) {
        if (answered || exploring || index < 0 || index >= choices.size()) {
            return;
        }
        if (step.multipleChoice()) {
            pickBand(index);
            return;
        }
        answered = true;
        given = choices.get(index).value();
        givenValues = List.of(given);
        targetButtons.forEach(b -> b.setEnabled(false));
        targetButtons.get(index).putClientProperty(FlatClientProperties.STYLE, "borderColor: #e0a050; borderWidth: 3");
        actions.answer(given);
    }

    /** Several bands: a target is picked (or unpicked); the answer goes when as many as the bands are picked. */
    private void pickBand(int index) {
        int want = step.drillQuestion().map(q -> q.bands().size()).orElse(1);
        if (picked.contains(index)) {
            picked.remove(Integer.valueOf(index));
            targetButtons.get(index).putClientProperty(FlatClientProperties.STYLE, null);
        } else {
            picked.add(index);
            targetButtons.get(index).putClientProperty(FlatClientProperties.STYLE, "borderColor: #e0a050; borderWidth: 3");
        }
        pickStatus.setText(Texts.get("drill.bands.pick", want, picked.size()));
        if (picked.size() == want) {
            answered = true;
            targetButtons.forEach(b -> b.setEnabled(false));
            given = choices.get(picked.get(0)).value();
            givenValues = picked.stream().map(i -> choices.get(i).value()).toList();
            actions.answerAll(picked.stream().map(i -> choices.get(i).id()).toList());
        }
    }

    private boolean dialled() {
        return step != null && step.drillQuestion().filter(q -> q.exercise().dialled()).isPresent();
    }

    /** eq-match: Submit (or Enter) answers with the bands as dialled. */
    private void submitMatch() {
        if (answered || !dialled()) {
            return;
        }
        answered = true;
        givenBands = matchPanel.bands();
        matchPanel.lock();
        actions.answerMatch(givenBands);
    }

    /**
     * eq-match: the dials moved; B is rendered through them off the event thread and swapped in while it plays.
     * Only the latest setting is rendered: moves that arrive during a render are folded into the next.
     */
    private void dialChanged(List<Response.Band> bands) {
        pendingDial.set(bands);
        DrillAudio.Pair p = pair;
        if (p != null && rendering.compareAndSet(false, true)) {
            actions.work(() -> renderDials(p));
        }
    }

    private void renderDials(DrillAudio.Pair p) {
        try {
            List<Response.Band> b;
            while ((b = pendingDial.getAndSet(null)) != null) {
                AudioClip clip = EqMatch.through(p.b(), b);
                if (pair == p) {
                    actions.dial(clip);
                }
            }
        } finally {
            rendering.set(false);
        }
        DrillAudio.Pair now = pair;
        if (pendingDial.get() != null && now != null && rendering.compareAndSet(false, true)) {
            actions.work(() -> renderDials(now));
        }
    }

    /** The dials of the eq-match question shown (for tests: what the learner sees). */
    MatchPanel matchPanel() {
        return matchPanel;
    }

    /** Leaves the explore step for the first question. */
    private void endExplore() {
        exploring = false;
        centreCards.show(centreSwitch, "test");
        requestFocusInWindow();
    }

    /** Whether the explore step shows (a compression lesson's first question, before its answer). */
    public boolean exploring() {
        return exploring;
    }

    /**
     * Escape: the sound stops and the window asks, as for every attempt under way, "resume later / quit
     * (answers kept) / keep going".
     */
    private void pause() {
        explore.close();
        actions.stop();
        showListening(Optional.empty());
        actions.quit();
        requestFocusInWindow();
    }

    private void scaleTargets() {
        int h = targets.getHeight();
        int w = targetButtons.isEmpty() ? 0 : targets.getWidth() / targetButtons.size();
        float size = (float) Math.max(13, Math.min(30, Math.min(h / 4.0, w / 5.0)));
        for (JButton b : targetButtons) {
            b.setFont(b.getFont().deriveFont(Font.BOLD, size));
        }
    }

    /** A new question (on the event thread). */
    public void showStep(Step s) {
        step = s;
        answered = false;
        marked = -1;
        playsA = 0;
        playsB = 0;
        pair = null;
        counter.setText(Texts.get(s.drillQuestion().filter(q -> q.exercise().dialled()).isPresent()
                ? "match.counter" : "drill.counter", s.index() + 1, s.count()));
        prompt.setText("<html>" + escape(s.prompt()) + "</html>");
        feedback.setText(" ");
        feedback.putClientProperty(FlatClientProperties.STYLE, null);
        picture.removeAll();
        status.setText(" ");
        next.setEnabled(false);
        next.setText(Texts.get("drill.next"));
        choices = s.choices();
        picked.clear();
        givenValues = List.of();
        givenBands = List.of();
        pendingDial.set(null);
        boolean dial = s.drillQuestion().filter(q -> q.exercise().dialled()).isPresent();
        answerCards.show(answerArea, dial ? "match" : "targets");
        s.drillQuestion().filter(q -> dial).ifPresent(matchPanel::start);
        targets.removeAll();
        targetButtons.clear();
        boolean mix = s.drillQuestion().filter(q -> q.exercise() == DrillExercise.MIX_LEVEL).isPresent();
        int rows = mix ? (int) choices.stream().mapToLong(c -> Math.round(c.value() / 100)).distinct().count() : 1;
        targets.setLayout(new GridLayout(rows, 0, 6, 6));
        pickStatus.setText(s.multipleChoice()
                ? Texts.get("drill.bands.pick", s.drillQuestion().map(q -> q.bands().size()).orElse(1), 0) : " ");
        boolean firstCompression = s.index() == 0
                && s.drillQuestion().filter(q -> q.exercise().compression()).isPresent();
        exploring = firstCompression;
        centreCards.show(centreSwitch, exploring ? "explore" : "test");
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            String key = i < 9 ? Integer.toString(i + 1) : i == 9 ? "0" : "";
            JButton b = new JButton("<html><center><small>" + key + "</small><br>" + escape(c.label()) + "</center></html>");
            b.setName("target" + (i + 1));
            b.setFocusable(false);
            int index = i;
            b.addActionListener(e -> answerTarget(index));
            targetButtons.add(b);
            targets.add(b);
        }
        scaleTargets();
        updateListens();
        showListening(Optional.empty());
        targets.revalidate();
        picture.revalidate();
        repaint();
        requestFocusInWindow();
    }

    /** Says which of the learner's files the drill plays ("Plays on your music: …"), or nothing (event thread). */
    public void showMyMusic(Optional<String> line) {
        myMusic.setText(line.map(t -> "<html>\u266B " + escape(t) + "</html>").orElse(" "));
        myMusic.setVisible(line.isPresent());
    }

    /** The question's sound, for the picture's spectrum and for export (on the event thread, after its step). */
    public void showSound(DrillAudio.Pair p) {
        pair = p;
        if (dialled() && !answered && matchPanel.bands().stream().anyMatch(b -> b.gainDb() != 0)) {
            dialChanged(matchPanel.bands());   // dialled before the sound was ready
        }
        if (exploring && step != null) {
            explore.start(p, step.drillQuestion().orElseThrow());
        }
    }

    public void showListening(Optional<Side> side) {
        playing = side;
        sideA.putClientProperty(FlatClientProperties.STYLE, side.filter(x -> x == Side.A).isPresent()
                ? "background: #3d6185" : null);
        sideB.putClientProperty(FlatClientProperties.STYLE, side.filter(x -> x == Side.B).isPresent()
                ? "background: #3d6185" : null);
    }

    /** The feedback on an answer, with the picture of truth and answer (on the event thread). */
    public void showFeedback(Feedback f, boolean lastStep) {
        answered = true;
        String mark = f.correct().map(c -> c ? "\u2714 " : "\u2718 ").orElse("");
        feedback.setText("<html>" + mark + escape(f.message()) + String.format(Locale.ROOT, "  (%s / %s)",
                trim(f.points()), trim(f.maxPoints())) + "</html>");
        feedback.putClientProperty(FlatClientProperties.STYLE, f.correct().map(c -> c
                ? "foreground: #6cc070" : "foreground: #e0a050").orElse(null));
        for (int i = 0; i < choices.size(); i++) {
            double v = choices.get(i).value();
            if (step.drillQuestion().map(q -> q.bands().contains(v) || q.answer() == v).orElse(false)) {
                targetButtons.get(i).putClientProperty(FlatClientProperties.STYLE, "borderColor: #6cc070; borderWidth: 3");
            }
        }
        next.setText(lastStep ? Texts.get("drill.score") : Texts.get("drill.next"));
        next.setEnabled(true);
        status.setText(Texts.get("drill.afterAnswer"));
        step.drillQuestion().ifPresent(this::drawPicture);
        requestFocusInWindow();
    }

    /**
     * The truth and the answer as EQ curves on one frequency axis, for every EQ exercise: each band of a
     * several-band question, shelves and high/low-pass in their shapes, "no change" as the flat line, and for
     * eq-match the EQ that undoes (or copies) the hidden one against the learner's bands.
     */
    private void drawPicture(DrillQuestion q) {
        List<EqBand> truth;
        List<EqBand> answer;
        String truthName;
        String answerName;
        if (q.exercise().dialled()) {
            truth = q.hidden().stream().map(h -> q.undo() ? h.withGain(-h.gainDb()) : h).toList();
            answer = EqMatch.eq(givenBands);
            truthName = Texts.get(q.undo() ? "match.picture.undo" : "match.picture.copy");
            answerName = Texts.get("match.picture.answer");
        } else if (q.exercise().eq() && !givenValues.isEmpty()) {
            truth = q.truthEq();
            answer = q.answerEq(givenValues);
            truthName = Texts.get("drill.picture.truth");
            answerName = Texts.get("drill.picture.answer");
        } else {
            return;
        }
        DrillAudio.Pair p = pair;
        Step shown = step;
        // the curves at once; the excerpt's spectrum is measured off the event thread and joins them
        picture.add(EqPicture.chart(truth, answer, List.of(), truthName, answerName), BorderLayout.CENTER);
        picture.revalidate();
        if (p != null) {
            actions.work(() -> {
                List<SpectrumBand> spectrum = ThirdOctaveSpectrum.of(p.a());
                SwingUtilities.invokeLater(() -> {
                    if (step == shown && answered) {
                        picture.removeAll();
                        picture.add(EqPicture.chart(truth, answer, spectrum, truthName, answerName),
                                BorderLayout.CENTER);
                        picture.revalidate();
                        picture.repaint();
                    }
                });
            });
        }
    }

    public void showSoundProblem(String message) {
        status.setText("<html><body style='width: 620px'>" + escape(Texts.get("drill.noSound", message))
                + "</body></html>");
    }

    public void showError(String message) {
        status.setText("<html>" + escape(message) + "</html>");
        if (answered && next.isEnabled() == false) {
            // the answer was not saved: it can be given again
            answered = false;
            targetButtons.forEach(b -> {
                b.setEnabled(true);
                b.putClientProperty(FlatClientProperties.STYLE, null);
            });
            picked.clear();
            if (dialled()) {
                matchPanel.unlock();
            }
        }
    }

    private void exportWav() {
        DrillAudio.Pair p = pair;
        if (p == null || step == null) {
            status.setText(Texts.get("drill.export.none"));
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle(Texts.get("drill.export.title"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        exportTo(chooser.getSelectedFile().toPath());
    }

    /** Writes the question's A and B as WAV files into {@code dir} (off the event thread). */
    void exportTo(Path dir) {
        DrillAudio.Pair p = pair;
        int number = step.index() + 1;
        actions.work(() -> {
            String text;
            try {
                Path a = dir.resolve(String.format(Locale.ROOT, "q%02d-A.wav", number));
                Path b = dir.resolve(String.format(Locale.ROOT, "q%02d-B.wav", number));
                WavWriter.write(a, p.a());
                WavWriter.write(b, p.b());
                text = Texts.get("drill.export.done", a.getFileName(), b.getFileName(), dir);
            } catch (Exception e) {
                text = Texts.get("drill.export.failed", e.getMessage());
            }
            String shown = text;
            SwingUtilities.invokeLater(() -> status.setText(shown));
        });
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
