package org.controlroom.ui;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import java.awt.event.KeyEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.KeyStroke;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;

import org.controlroom.analysis.take.SungNote;
import org.controlroom.analysis.take.TakeAnalysis;
import org.controlroom.analysis.take.TakeReport;
import org.controlroom.dsp.AudioClip;
import org.controlroom.lesson.practice.SessionPlayer;
import org.controlroom.lesson.script.Phrase;
import org.controlroom.lesson.script.Take;
import org.controlroom.lesson.session.SessionListener;
import org.controlroom.lesson.session.SoundLibrary;
import org.controlroom.lesson.session.TakesBacking;
import org.controlroom.lesson.session.TakesBackings;
import org.controlroom.lesson.session.TakesSession;
import org.controlroom.ui.text.Texts;

/**
 * The takes screen: for the chosen phrase, a lane per take (its waveform, its measured pitch trace over
 * the melody's notes) under the comp lane; click a take to keep it, drag across one to use it for that
 * stretch; solo a take, hear the comp in the song's mix, loop the phrase, all through the live player
 * (the crossfades are heard as they will be scored). Decoding and analysis run on the worker.
 */
public final class TakesPanel extends JPanel {
    private static final Color[] COLOURS = {new Color(0x4e9af1), new Color(0xf1a44e), new Color(0x5ec27a),
            new Color(0xd65db1), new Color(0xc9c44b), new Color(0x8b7cf6)};
    static final int LANE_H = 86;
    static final int HEADER_W = 110;

    private final TakesSession session;
    private final Optional<SessionPlayer> player;
    private final Consumer<Runnable> work;
    private final JComboBox<String> phraseChooser = new JComboBox<>();
    private final JButton play = new JButton(Texts.get("takes.play"));
    private final JCheckBox loop = new JCheckBox(Texts.get("takes.loop"));
    private final JSpinner crossfade;
    private final JLabel status = new JLabel(Texts.get("takes.analysing"));
    private final JButton submitButton = new JButton(Texts.get("takes.submit"));
    private final Lanes lanes = new Lanes();
    private final JPanel soloButtons = new JPanel();
    private final SessionListener listener;
    private volatile Map<String, float[]> envelopes = Map.of();
    private volatile Map<String, TakeReport> reports = Map.of();
    private volatile Map<String, Double> seconds = Map.of();
    // in the mix: the song's other stems under the take, decoded on their own thread the first time
    private final JToggleButton inMix = new JToggleButton(Texts.get("takes.inMix"));
    private final JPanel compHeader = new JPanel(new BorderLayout(0, 4));
    private final JProgressBar backingProgress = new JProgressBar();
    private final JLabel mixStatus = new JLabel(" ");
    private final TakesBackings backings;
    private ExecutorService backingLoader;

    /** Decoded backings, kept for the app's life per song and lesson (reopening a lesson needs no new decode). */
    private static final TakesBackings KEPT_BACKINGS = new TakesBackings(4);

    public TakesPanel(TakesSession session, Optional<SessionPlayer> player, Consumer<Runnable> work, Runnable submit,
                      Runnable back) {
        this(session, player, work, submit, back, KEPT_BACKINGS);
    }

    TakesPanel(TakesSession session, Optional<SessionPlayer> player, Consumer<Runnable> work, Runnable submit,
               Runnable back, TakesBackings backings) {
        super(new BorderLayout(6, 6));
        this.session = session;
        this.player = player;
        this.work = work;
        this.backings = backings;
        setName("takesScreen");
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        JButton backButton = new JButton(Texts.get("takes.back"));
        backButton.setName("backToLessons");
        backButton.addActionListener(e -> back.run());
        top.add(backButton);
        top.add(new JLabel(Texts.get("takes.phrase")));
        for (Phrase p : session.phrases()) {
            phraseChooser.addItem(p.name());
        }
        phraseChooser.setName("phraseChooser");
        phraseChooser.addActionListener(e -> phraseChanged());
        top.add(phraseChooser);
        play.setName("transportPlay");
        play.addActionListener(e -> togglePlay());
        top.add(play);
        loop.setName("loopPhrase");
        loop.addActionListener(e -> applyLoop());
        top.add(loop);
        top.add(new JLabel(Texts.get("takes.crossfade")));
        crossfade = new JSpinner(new SpinnerNumberModel(session.crossfadeMs(), 0.0, 200.0, 1.0));
        crossfade.setName("crossfadeMs");
        crossfade.addChangeListener(e -> {
            double v = ((Number) crossfade.getValue()).doubleValue();
            if (v != session.crossfadeMs()) {
                session.setCrossfadeMs(v);
            }
        });
        top.add(crossfade);
        JButton undo = new JButton(Texts.get("takes.undo"));
        undo.setName("undo");
        undo.addActionListener(e -> session.history().undo());
        JButton redo = new JButton(Texts.get("takes.redo"));
        redo.setName("redo");
        redo.addActionListener(e -> session.history().redo());
        top.add(undo);
        top.add(redo);
        add(top, BorderLayout.NORTH);

        JPanel centre = new JPanel(new BorderLayout());
        soloButtons.setLayout(new javax.swing.BoxLayout(soloButtons, javax.swing.BoxLayout.Y_AXIS));
        centre.add(soloButtons, BorderLayout.WEST);
        lanes.setName("takeLanes");
        centre.add(lanes, BorderLayout.CENTER);
        add(centre, BorderLayout.CENTER);

        JPanel bottom = new JPanel(new BorderLayout());
        status.setName("takesStatus");
        bottom.add(status, BorderLayout.CENTER);
        submitButton.setName("submitTakes");
        submitButton.addActionListener(e -> submit.run());
        bottom.add(submitButton, BorderLayout.EAST);
        JLabel hint = new JLabel(Texts.get("takes.hint"));
        bottom.add(hint, BorderLayout.NORTH);
        JPanel mixRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        backingProgress.setName("backingProgress");
        backingProgress.setStringPainted(true);
        backingProgress.setVisible(false);
        backingProgress.setPreferredSize(new Dimension(260, 18));
        mixStatus.setName("mixStatus");
        mixRow.add(backingProgress);
        mixRow.add(mixStatus);
        bottom.add(mixRow, BorderLayout.SOUTH);
        add(bottom, BorderLayout.SOUTH);

        inMix.setName("inMix");
        inMix.setToolTipText(Texts.get("takes.inMix.tip"));
        // lit when on
        inMix.putClientProperty("FlatLaf.style", "selectedBackground: #2e7d32; selectedForeground: #ffffff; margin: 2,4,2,4");
        inMix.addActionListener(e -> inMixChanged());
        session.whyNotInTheMix().ifPresent(why -> {
            inMix.setEnabled(false);
            inMix.setToolTipText(Texts.get("takes.inMix.noSong", why));
        });
        JLabel compLabel = new JLabel(Texts.get("takes.comp"));
        compHeader.add(compLabel, BorderLayout.NORTH);
        compHeader.add(inMix, BorderLayout.CENTER);
        compHeader.setBorder(BorderFactory.createEmptyBorder(4, 0, 12, 4));
        compHeader.setPreferredSize(new Dimension(HEADER_W, LANE_H));
        compHeader.setMaximumSize(new Dimension(HEADER_W, LANE_H));
        compHeader.setAlignmentX(LEFT_ALIGNMENT);
        getInputMap(WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_M, 0), "inMix");
        getActionMap().put("inMix", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (inMix.isEnabled()) {
                    inMix.doClick();
                }
            }
        });

        listener = (s, what) -> SwingUtilities.invokeLater(this::refresh);
        session.addListener(listener);
        phraseChanged();
        analyse();
    }

    /** Decodes (or generates) every take and analyses it, on the worker. */
    private void analyse() {
        work.accept(() -> {
            try {
                SoundLibrary library = new SoundLibrary();
                Map<String, AudioClip> clips = session.clips(library);
                Map<String, float[]> env = new LinkedHashMap<>();
                Map<String, TakeReport> reps = new LinkedHashMap<>();
                Map<String, Double> secs = new LinkedHashMap<>();
                for (Phrase p : session.phrases()) {
                    TakeAnalysis analysis = new TakeAnalysis(new TakeAnalysis.Settings(session.section().referenceHz(),
                            p.melody().isEmpty() ? OptionalDouble.of(session.section().bpm()) : OptionalDouble.empty(),
                            p.melody()));
                    for (Take t : p.takes()) {
                        AudioClip c = clips.get(t.id());
                        env.put(t.id(), envelope(TakeAnalysis.mono(c), 1200));
                        reps.put(t.id(), analysis.analyse(c));
                        secs.put(t.id(), c.seconds());
                    }
                }
                envelopes = env;
                reports = reps;
                seconds = secs;
                SwingUtilities.invokeLater(() -> {
                    status.setText(Texts.get("takes.analysed"));
                    lanes.repaint();
                });
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> status.setText(Texts.get("takes.loadFailed", e.getMessage())));
            }
        });
    }

    private static float[] envelope(float[] x, int columns) {
        float[] out = new float[columns];
        for (int c = 0; c < columns; c++) {
            int a = (int) ((long) x.length * c / columns);
            int b = (int) ((long) x.length * (c + 1) / columns);
            float m = 0;
            for (int i = a; i < b; i++) {
                m = Math.max(m, Math.abs(x[i]));
            }
            out[c] = m;
        }
        return out;
    }

    Phrase phrase() {
        return session.phrases().get(Math.max(0, phraseChooser.getSelectedIndex()));
    }

    private double phraseSeconds() {
        double s = 0;
        for (Take t : phrase().takes()) {
            s = Math.max(s, seconds.getOrDefault(t.id(), 0.0));
        }
        if (s == 0) {
            s = phrase().melody().isEmpty() ? 8 : phrase().melody().get(phrase().melody().size() - 1).endS() + 0.5;
        }
        return s;
    }

    private void phraseChanged() {
        soloButtons.removeAll();
        soloButtons.add(compHeader);
        for (Take t : phrase().takes()) {
            JToggleButton solo = new JToggleButton(Texts.get("takes.solo") + " " + t.id());
            solo.setName("solo-" + t.id());
            solo.setSelected(session.auditioning().filter(t.id()::equals).isPresent());
            solo.setMaximumSize(new Dimension(HEADER_W, LANE_H));
            solo.setPreferredSize(new Dimension(HEADER_W, LANE_H));
            solo.addActionListener(e -> session.audition(solo.isSelected() ? Optional.of(t.id()) : Optional.empty()));
            soloButtons.add(solo);
        }
        soloButtons.revalidate();
        applyLoop();
        refresh();
    }

    private void refresh() {
        for (java.awt.Component c : soloButtons.getComponents()) {
            if (c instanceof JToggleButton b) {
                b.setSelected(session.auditioning().filter(id -> b.getName().equals("solo-" + id)).isPresent());
            }
        }
        if (((Number) crossfade.getValue()).doubleValue() != session.crossfadeMs()) {
            crossfade.setValue(session.crossfadeMs());
        }
        status.setText(Texts.get("takes.comped", phrase().name(), describe(session.comp(phrase().id()))));
        lanes.repaint();
    }

    static String describe(List<TakesSession.Piece> comp) {
        StringBuilder sb = new StringBuilder();
        for (TakesSession.Piece p : comp) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(p.take());
            p.untilS().ifPresent(u -> sb.append(String.format(java.util.Locale.ROOT, " to %.2f s", u)));
        }
        return sb.toString();
    }

    /** Where the phrase starts in the session's sound, seconds (phrases play one after another). */
    private double phraseStartSeconds() {
        double at = 0;
        for (Phrase p : session.phrases()) {
            if (p.id().equals(phrase().id())) {
                return at;
            }
            double len = 0;
            for (Take t : p.takes()) {
                len = Math.max(len, seconds.getOrDefault(t.id(), 0.0));
            }
            at += len;
        }
        return at;
    }

    private void applyLoop() {
        if (player.isEmpty()) {
            return;
        }
        double from = phraseStartSeconds();
        double to = from + phraseSeconds();
        boolean on = loop.isSelected();
        SessionPlayer sp = player.get();
        work.accept(() -> {
            sp.loop(on ? Optional.of(new double[] {from, to}) : Optional.empty());
            sp.seekSeconds(from);
        });
    }

    private void togglePlay() {
        if (player.isEmpty()) {
            status.setText(Texts.get("takes.noSound", ""));
            return;
        }
        SessionPlayer sp = player.get();
        boolean playing = sp.isPlaying();
        play.setText(playing ? Texts.get("takes.play") : Texts.get("takes.stop"));
        work.accept(() -> {
            if (playing) {
                sp.stop();
            } else {
                sp.play();
            }
            // with no sound device the player runs silently (the transport goes on) and says why
            sp.unavailable().ifPresent(why -> SwingUtilities.invokeLater(
                    () -> status.setText(Texts.get("takes.noSound", why))));
        });
    }

    /**
     * In the mix switched: off plays the takes alone; on plays them over the backing, decoded the first
     * time on the backing thread (progress under the lanes), kept for the next time. If it cannot be
     * decoded the screen says so and stays solo.
     */
    private void inMixChanged() {
        boolean on = inMix.isSelected();
        Optional<String> why = session.whyNotInTheMix();
        if (on && why.isPresent()) {
            inMix.setSelected(false);
            mixStatus.setText(Texts.get("takes.inMix.noSong", why.get()));
            return;
        }
        if (!on) {
            if (session.inMix()) {
                session.hearInMix(false);
            }
            mixStatus.setText(Texts.get("takes.inMix.off"));
            return;
        }
        double rate = player.map(SessionPlayer::sampleRate).orElse(48000.0);
        Optional<TakesBacking> kept = session.backing().filter(b -> b.sampleRate() == rate).or(() -> backings.cached(session, rate));
        if (kept.isPresent()) {
            useBacking(kept.get());
            return;
        }
        inMix.setEnabled(false);
        backingProgress.setIndeterminate(true);
        backingProgress.setString(Texts.get("takes.inMix.loadingShort"));
        backingProgress.setVisible(true);
        mixStatus.setText(Texts.get("takes.inMix.loadingShort"));
        revalidate();
        if (backingLoader == null) {
            backingLoader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "takes-backing");
                t.setDaemon(true);
                return t;
            });
        }
        backingLoader.submit(() -> {
            try {
                TakesBacking b = backings.get(session, rate, (done, of, stem) -> SwingUtilities.invokeLater(() -> {
                    backingProgress.setIndeterminate(false);
                    backingProgress.setMaximum(of);
                    backingProgress.setValue(done);
                    String text = done < of ? Texts.get("takes.inMix.loading", stem, done + 1, of)
                            : Texts.get("takes.inMix.loadingShort");
                    backingProgress.setString(done + " / " + of);
                    mixStatus.setText(text);
                }));
                SwingUtilities.invokeLater(() -> {
                    backingProgress.setVisible(false);
                    inMix.setEnabled(true);
                    if (inMix.isSelected()) {
                        useBacking(b);
                    } else {
                        session.useBacking(b);
                        mixStatus.setText(Texts.get("takes.inMix.off"));
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                SwingUtilities.invokeLater(() -> {
                    backingProgress.setVisible(false);
                    inMix.setSelected(false);
                    inMix.setEnabled(true);
                    mixStatus.setText(Texts.get("takes.inMix.failed", message));
                });
            }
        });
    }

    /** Plays over a decoded backing (event thread). */
    private void useBacking(TakesBacking b) {
        if (session.backing().orElse(null) != b) {
            session.useBacking(b);
        }
        session.hearInMix(true);
        List<String> names = b.stems().stream().map(TakesBacking.StemLevel::name).toList();
        mixStatus.setText(Texts.get("takes.inMix.ready", String.join(", ", names), b.part()));
    }

    public void working(String message) {
        status.setText(message);
        submitButton.setEnabled(false);
    }

    public void problem(String message) {
        status.setText(message);
        submitButton.setEnabled(true);
    }

    /** Stops listening and closes the player (leaving the screen). */
    public void dispose() {
        session.removeListener(listener);
        if (backingLoader != null) {
            backingLoader.shutdownNow();
        }
        player.ifPresent(p -> work.accept(p::close));
    }

    /** The comp lane and one lane per take. */
    private final class Lanes extends JComponent {
        private int dragFrom = -1;
        private int dragLane = -1;
        private int dragTo = -1;

        Lanes() {
            setPreferredSize(new Dimension(800, LANE_H * 5));
            MouseAdapter m = new MouseAdapter() {
                @Override
                public void mousePressed(MouseEvent e) {
                    dragLane = e.getY() / LANE_H - 1;
                    dragFrom = e.getX();
                    dragTo = e.getX();
                }

                @Override
                public void mouseDragged(MouseEvent e) {
                    dragTo = e.getX();
                    repaint();
                }

                @Override
                public void mouseReleased(MouseEvent e) {
                    int lane = dragLane;
                    int from = dragFrom;
                    dragLane = -1;
                    List<Take> takes = phrase().takes();
                    if (lane < 0 || lane >= takes.size()) {
                        repaint();
                        return;
                    }
                    String take = takes.get(lane).id();
                    if (Math.abs(e.getX() - from) < 5) {
                        session.choose(phrase().id(), take);
                    } else {
                        double length = phraseSeconds();
                        session.setComp(phrase().id(), TakesCompEdit.put(session.comp(phrase().id()), take, seconds(from),
                                seconds(e.getX()), length));
                    }
                }
            };
            addMouseListener(m);
            addMouseMotionListener(m);
        }

        double seconds(int x) {
            return Math.max(0, Math.min(phraseSeconds(), (double) x / Math.max(1, getWidth()) * phraseSeconds()));
        }

        int x(double s) {
            return (int) Math.round(s / phraseSeconds() * getWidth());
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0.create();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int w = getWidth();
            g.setColor(getBackground() == null ? Color.DARK_GRAY : getBackground().darker());
            g.fillRect(0, 0, w, getHeight());
            Phrase p = phrase();
            List<Take> takes = p.takes();
            // the comp lane
            double at = 0;
            double length = phraseSeconds();
            for (TakesSession.Piece pc : session.comp(p.id())) {
                double end = pc.untilS().orElse(length);
                int i = indexOf(takes, pc.take());
                g.setColor(COLOURS[Math.max(0, i) % COLOURS.length]);
                g.fillRect(x(at), 6, Math.max(1, x(end) - x(at)), LANE_H - 12);
                g.setColor(Color.BLACK);
                g.drawString(pc.take(), x(at) + 4, LANE_H / 2 + 4);
                if (at > 0) {
                    g.setColor(Color.WHITE);
                    g.drawLine(x(at), 0, x(at), getHeight());
                }
                at = end;
            }
            for (int i = 0; i < takes.size(); i++) {
                int y = (i + 1) * LANE_H;
                lane(g, takes.get(i), p, y, COLOURS[i % COLOURS.length]);
            }
            if (dragLane >= 0 && dragLane < takes.size()) {
                g.setColor(new Color(255, 255, 255, 60));
                g.fillRect(Math.min(dragFrom, dragTo), (dragLane + 1) * LANE_H, Math.abs(dragTo - dragFrom), LANE_H);
            }
            g.dispose();
        }

        private void lane(Graphics2D g, Take t, Phrase p, int y, Color colour) {
            int w = getWidth();
            g.setColor(new Color(0x2b2b2b));
            g.fillRect(0, y + 2, w, LANE_H - 4);
            float[] env = envelopes.get(t.id());
            double len = seconds.getOrDefault(t.id(), phraseSeconds());
            int mid = y + LANE_H / 2;
            if (env != null) {
                g.setColor(colour.darker());
                for (int px = 0; px < x(len); px++) {
                    int c = (int) ((long) px * env.length / Math.max(1, x(len)));
                    int h = (int) (env[Math.min(env.length - 1, c)] * (LANE_H / 2 - 4));
                    g.drawLine(px, mid - h, px, mid + h);
                }
            }
            // the melody's notes and the measured pitch, on a scale of the phrase's range
            int lo = 127;
            int hi = 0;
            for (SungNote n : p.melody()) {
                lo = Math.min(lo, n.midi());
                hi = Math.max(hi, n.midi());
            }
            TakeReport r = reports.get(t.id());
            if (p.melody().isEmpty() && r != null) {
                for (TakeReport.Note n : r.notes()) {
                    lo = Math.min(lo, n.midi());
                    hi = Math.max(hi, n.midi());
                }
            }
            if (lo > hi) {
                return;
            }
            double bottom = lo - 2;
            double top = hi + 2;
            java.util.function.DoubleUnaryOperator yOf = midi -> y + LANE_H - 4 - (midi - bottom) / (top - bottom) * (LANE_H - 8);
            g.setColor(new Color(255, 255, 255, 50));
            for (SungNote n : p.melody()) {
                int yy = (int) yOf.applyAsDouble(n.midi());
                g.fillRect(x(n.onsetS()), yy - 3, Math.max(2, x(n.endS()) - x(n.onsetS())), 6);
            }
            if (r != null) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1.5f));
                float[] track = r.pitchTrack();
                int prevX = -1;
                int prevY = 0;
                double a4 = session.section().referenceHz();
                for (int k = 0; k < track.length; k++) {
                    if (Float.isNaN(track[k])) {
                        prevX = -1;
                        continue;
                    }
                    double midi = 69 + 12 * Math.log(track[k] / a4) / Math.log(2);
                    if (t.recipe().map(rc -> rc.voice() == org.controlroom.analysis.take.TakeSynth.Voice.CELLO).orElse(false)) {
                        midi += 12;
                    }
                    int xx = x(k * r.hopS());
                    int yy = (int) yOf.applyAsDouble(midi);
                    if (prevX >= 0) {
                        g.drawLine(prevX, prevY, xx, yy);
                    }
                    prevX = xx;
                    prevY = yy;
                }
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawString(t.id(), 4, y + 14);
        }

        private int indexOf(List<Take> takes, String id) {
            for (int i = 0; i < takes.size(); i++) {
                if (takes.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
