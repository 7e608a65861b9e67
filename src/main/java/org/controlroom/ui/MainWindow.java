package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.controlroom.lesson.practice.DrillSound;
import org.controlroom.lesson.practice.LessonService;
import org.controlroom.lesson.practice.Practice;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.practice.PracticeController;
import org.controlroom.lesson.practice.PracticeException;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonResult;
import org.controlroom.store.StoreException;

import com.formdev.flatlaf.FlatClientProperties;

/**
 * The main window: home, the lesson list and the practice screen. Loading lessons, the learner
 * database and every answer run on one background worker, never on the event thread.
 */
public final class MainWindow extends JFrame {

    private final AppConfig config;
    private final CardLayout screens = new CardLayout();
    private final JPanel root = new JPanel(screens);
    private final LessonsPanel lessons;
    private final PracticePanel practice;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "control-room-worker");
        t.setDaemon(true);
        return t;
    });

    // touched only on the worker thread
    private LearnerStore store;
    private final LessonKinds kinds = LessonKinds.builtIn();
    private LessonCatalog catalog;
    private LessonService lessonService;
    private String learner;
    private PracticeController controller;

    public MainWindow() {
        this(AppConfig.defaults());
    }

    public MainWindow(AppConfig config) {
        super("Control Room");
        this.config = config;
        setName("mainWindow");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        setMinimumSize(new Dimension(720, 480));
        setSize(960, 640);
        lessons = new LessonsPanel(() -> screens.show(root, "home"), this::addLearner, this::chooseLearner, this::play);
        practice = new PracticePanel(new PracticePanel.Actions() {
            @Override
            public void begin() {
                withController(PracticeController::begin);
            }

            @Override
            public void listen(LessonRunner.Side side) {
                withController(c -> c.listen(side));
            }

            @Override
            public void answer(Response response) {
                withController(c -> c.answer(response));
            }

            @Override
            public void next() {
                withController(PracticeController::next);
            }

            @Override
            public void submit() {
                withController(PracticeController::submit);
            }

            @Override
            public void work(Runnable r) {
                MainWindow.this.work(r);
            }

            @Override
            public void back() {
                work(() -> {
                    closeController();
                    refresh();
                });
                screens.show(root, "lessons");
            }
        });
        root.add(homeScreen(), "home");
        root.add(lessons, "lessons");
        root.add(practice, "practice");
        setContentPane(root);
        getRootPane().registerKeyboardAction(e -> dispose(),
                KeyStroke.getKeyStroke(KeyEvent.VK_Q, java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                work(() -> {
                    closeController();
                    if (store != null) {
                        store.close();
                    }
                });
                worker.shutdown();
            }
        });
    }

    private JPanel homeScreen() {
        JPanel home = new JPanel(new BorderLayout(0, 24));
        home.setBorder(BorderFactory.createEmptyBorder(32, 40, 32, 40));

        JLabel title = new JLabel("Control Room");
        title.setName("homeTitle");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h00");
        JLabel subtitle = new JLabel("Train your ears. Learn the producer's job. Scores come from the audio.");
        subtitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        JPanel header = new JPanel(new GridLayout(0, 1, 0, 6));
        header.add(title);
        header.add(subtitle);
        home.add(header, BorderLayout.NORTH);

        JPanel cards = new JPanel(new GridLayout(1, 3, 16, 0));
        cards.add(card("Ear training", "EQ boosts and cuts, gain steps, Q, compression, level and pan."));
        cards.add(card("Scenarios", "Arrange a song, choose and comp takes, mix to a brief, run a budget."));
        cards.add(card("Career", "Runner \u2192 Assistant Engineer \u2192 Engineer \u2192 Producer "
                + "\u2192 Executive Producer."));
        JButton start = new JButton("Start training \u2192");
        start.setName("startTraining");
        start.putClientProperty(FlatClientProperties.STYLE, "font: +2");
        start.addActionListener(e -> openLessons());
        JPanel startRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        startRow.add(start);
        JPanel top = new JPanel(new BorderLayout(0, 24));
        top.add(cards, BorderLayout.NORTH);
        top.add(startRow, BorderLayout.CENTER);
        home.add(top, BorderLayout.CENTER);
        return home;
    }

    private static JComponent card(String heading, String text) {
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.putClientProperty(FlatClientProperties.STYLE, "arc: 12; background: lighten(@background,5%)");
        p.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        JLabel h = new JLabel(heading);
        h.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel body = new JLabel("<html>" + text + "</html>");
        body.setVerticalAlignment(SwingConstants.TOP);
        p.add(h, BorderLayout.NORTH);
        p.add(body, BorderLayout.CENTER);
        return p;
    }

    private void openLessons() {
        lessons.showStatus("Loading lessons and your progress\u2026");
        screens.show(root, "lessons");
        work(this::refresh);
    }

    private void addLearner(String name) {
        work(() -> {
            ensureOpen();
            try {
                learner = store.learners().add(name).name();
            } catch (StoreException e) {
                ui(() -> lessons.showStatus(e.getMessage()));
                return;
            }
            refresh();
        });
    }

    private void chooseLearner(String name) {
        work(() -> {
            learner = name;
            refresh();
        });
    }

    private void play(String who, String lessonId) {
        work(() -> {
            ensureOpen();
            closeController();
            try {
                Practice p = new Practice(lessonService, store.learners(), store.attempts(), store.progress(),
                        Optional.of(store.sessions()));
                Practice.Attempt attempt = p.start(who, lessonId, Optional.empty(), Clock.systemUTC(),
                        message -> ui(() -> practice.showError(message)));
                controller = new PracticeController(attempt, practice, new DrillSound());
                ui(() -> {
                    screens.show(root, "practice");
                    practice.requestFocusInWindow();
                });
            } catch (PracticeException | StoreException e) {
                ui(() -> lessons.showStatus(e.getMessage()));
            }
        });
    }

    private void withController(java.util.function.Consumer<PracticeController> action) {
        work(() -> {
            if (controller != null) {
                action.accept(controller);
            }
        });
    }

    private void closeController() {
        if (controller != null) {
            controller.close();
            controller = null;
        }
    }

    /** Opens the database and loads the lessons the first time (on the worker). */
    private void ensureOpen() {
        if (catalog == null) {
            catalog = new LessonLoader(kinds.formats()).load(config.lessonsDir(), config.assetsDir());
            lessonService = new LessonService(catalog, kinds);
        }
        if (store == null) {
            store = LearnerStore.open(config.database());
            if (!store.notices().isEmpty()) {
                String notice = String.join(" ", store.notices());
                ui(() -> javax.swing.JOptionPane.showMessageDialog(this, "<html><body style='width: 420px'>" + notice,
                        "Learner database", javax.swing.JOptionPane.WARNING_MESSAGE));
            }
        }
    }

    /** Reads learners, lessons and progress, then redraws the lesson list (on the worker). */
    private void refresh() {
        try {
            ensureOpen();
        } catch (StoreException e) {
            ui(() -> lessons.showStatus(e.getMessage()));
            return;
        }
        List<Learner> all = store.learners().list();
        if (learner == null && !all.isEmpty()) {
            learner = all.get(0).name();
        }
        Optional<Learner> current = learner == null ? Optional.empty() : store.learners().findByName(learner);
        Optional<LearnerProgress> progress = current.map(l -> store.progress().progress(l, Practice.lessonHashes(catalog)));
        long xp = progress.map(LearnerProgress::xp).orElse(0L);
        List<LessonsPanel.Row> rows = new ArrayList<>();
        for (LessonService.LessonStatus st : lessonService.statuses(progress)) {
            Lesson l = st.lesson();
            rows.add(new LessonsPanel.Row(l.id(), l.title(), l.kind().id(), st.rankName(), st.text(), st.canPlay()));
        }
        String careerLine = lessonService.careerLine(current.map(Learner::name).orElse("Nobody"), xp);
        String problems = catalog.problems().isEmpty() ? ""
                : catalog.problems().size() + " problem(s) in the lesson files, e.g. " + catalog.problems().get(0)
                        + " (run 'lessons validate')";
        List<String> names = all.stream().map(Learner::name).toList();
        String selected = current.map(Learner::name).orElse(null);
        ui(() -> {
            lessons.showLearners(names, selected);
            lessons.showLessons(rows, careerLine);
            lessons.showStatus(names.isEmpty() ? "No learners yet: type a name and press Add learner."
                    : problems.isEmpty() ? "Choose a lesson and press Play (or Enter)." : problems);
        });
    }

    private void work(Runnable r) {
        if (worker.isShutdown()) {
            return;
        }
        worker.submit(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                ui(() -> lessons.showStatus("Something went wrong: " + e.getMessage()));
            }
        });
    }

    private static void ui(Runnable r) {
        SwingUtilities.invokeLater(r);
    }
}
