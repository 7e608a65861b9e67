package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MusicStatus;
import org.controlroom.lesson.music.MyMusic;
import org.controlroom.lesson.music.MyMusicDrill;
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
    private final MyMusicPanel music;
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
    /** The learner's music as last checked in full, with the paths it was checked for (by learner id). */
    private final Map<Long, CheckedMusic> checkedMusic = new HashMap<>();
    /** Bumped whenever the music screen starts checking again: older checks still queued stop. */
    private int musicGeneration;
    private long musicLearner = -1;

    private record CheckedMusic(List<Path> paths, List<MusicEntry> entries) {
    }

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
        lessons = new LessonsPanel(() -> screens.show(root, "home"), this::addLearner, this::chooseLearner, this::play,
                this::openMusic);
        music = new MyMusicPanel(new MyMusicPanel.Actions() {
            @Override
            public void add(List<Path> paths) {
                addMusic(paths);
            }

            @Override
            public void remove(Path added) {
                removeMusic(added);
            }

            @Override
            public void back() {
                work(() -> {
                    musicGeneration++;
                    refresh();
                });
                screens.show(root, "lessons");
            }
        });
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

            @Override
            public void keepWorking() {
                MainWindow.this.keepWorking();
            }
        });
        root.add(homeScreen(), "home");
        root.add(lessons, "lessons");
        root.add(practice, "practice");
        root.add(music, "music");
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
        play(who, lessonId, Optional.empty());
    }

    /**
     * Back from a session's result to keep working on it: a new attempt (the submitted one is recorded)
     * starts from the submitted work and opens its screen straight away.
     */
    private void keepWorking() {
        work(() -> {
            if (controller == null || controller.runner().session().isEmpty()) {
                return;
            }
            org.controlroom.lesson.script.LessonPlan plan = controller.runner().session().get().plan();
            play(controller.attempt().learner().name(), controller.runner().lesson().id(), Optional.of(plan));
        });
    }

    private void play(String who, String lessonId, Optional<org.controlroom.lesson.script.LessonPlan> keep) {
        work(() -> {
            ensureOpen();
            closeController();
            try {
                Practice p = new Practice(lessonService, store.learners(), store.attempts(), store.progress(),
                        Optional.of(store.sessions()));
                List<MusicEntry> mine = musicFor(who, lessonId);
                Practice.Attempt attempt = p.start(who, lessonId, Optional.empty(), Clock.systemUTC(),
                        message -> ui(() -> practice.showError(message)), mine);
                practice.showMyMusic(attempt.myMusic().map(x -> "Plays on your music: " + x.file().getFileName()
                        + " from " + clock(x.startSeconds()) + " (" + x.file().getParent() + ")")
                        .or(() -> mine.isEmpty() ? Optional.empty()
                                : Optional.of("None of your music could be used (see My music\u2026): this drill plays"
                                        + " its own sound.")));
                keep.ifPresent(plan -> attempt.runner().session().ifPresent(s -> s.load(plan)));
                controller = new PracticeController(attempt, practice, new DrillSound());
                if (keep.isPresent()) {
                    controller.begin();
                }
                ui(() -> {
                    screens.show(root, "practice");
                    practice.requestFocusInWindow();
                });
            } catch (PracticeException | StoreException e) {
                ui(() -> lessons.showStatus(e.getMessage()));
            }
        });
    }

    /**
     * The learner's music for a lesson that allows it (checked now unless it was checked in full since it
     * last changed); nothing for any other lesson (on the worker).
     */
    private List<MusicEntry> musicFor(String who, String lessonId) {
        if (catalog.lesson(lessonId).filter(MyMusicDrill::allowed).isEmpty()) {
            return List.of();
        }
        Optional<Learner> l = store.learners().findByName(who);
        if (l.isEmpty()) {
            return List.of();
        }
        List<Path> paths = store.music().list(l.get().id());
        if (paths.isEmpty()) {
            return List.of();
        }
        CheckedMusic known = checkedMusic.get(l.get().id());
        if (known != null && known.paths().equals(paths)) {
            return known.entries();
        }
        ui(() -> lessons.showStatus("Checking your music\u2026"));
        List<MusicEntry> entries = MyMusic.scan(paths);
        checkedMusic.put(l.get().id(), new CheckedMusic(paths, entries));
        return entries;
    }

    private static String clock(double seconds) {
        int tenths = (int) Math.round(seconds * 10);
        return String.format(java.util.Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    private void openMusic(String who) {
        music.showLearner(who);
        screens.show(root, "music");
        work(() -> {
            try {
                ensureOpen();
                Optional<Learner> l = store.learners().findByName(who);
                if (l.isEmpty()) {
                    ui(() -> music.showStatus("No learner called '" + who + "'."));
                    return;
                }
                learner = l.get().name();
                musicLearner = l.get().id();
                loadMusic("");
            } catch (StoreException e) {
                ui(() -> music.showStatus(e.getMessage()));
            }
        });
    }

    private void addMusic(List<Path> paths) {
        work(() -> {
            List<String> skipped = new ArrayList<>();
            int added = 0;
            try {
                for (Path p : paths) {
                    if (!Files.isDirectory(p) && !AudioFormatKind.hasAudioExtension(p.getFileName().toString())) {
                        skipped.add(p.getFileName().toString());
                    } else if (store.music().add(musicLearner, p)) {
                        added++;
                    }
                }
            } catch (StoreException e) {
                ui(() -> music.showStatus(e.getMessage()));
                return;
            }
            String note = (added == 1 ? "Added 1 item. " : "Added " + added + " items. ")
                    + (skipped.isEmpty() ? "" : "Not audio files, left out: " + String.join(", ", skipped) + ". ");
            loadMusic(note);
        });
    }

    private void removeMusic(Path added) {
        work(() -> {
            try {
                store.music().remove(musicLearner, added);
            } catch (StoreException e) {
                ui(() -> music.showStatus(e.getMessage()));
                return;
            }
            loadMusic("Removed " + added.getFileName() + " (the files stay on your disk). ");
        });
    }

    /**
     * Lists the learner's music at once, then checks one file per worker task so the screen fills in as
     * it goes and other work is not held up; a newer listing stops an older one (on the worker).
     */
    private void loadMusic(String note) {
        int generation = ++musicGeneration;
        long who = musicLearner;
        List<Path> paths;
        try {
            paths = store.music().list(who);
        } catch (StoreException e) {
            ui(() -> music.showStatus(note + e.getMessage()));
            return;
        }
        if (paths.isEmpty()) {
            List<String> using = catalog.lessons().stream().filter(MyMusicDrill::allowed).map(Lesson::title).toList();
            checkedMusic.put(who, new CheckedMusic(paths, List.of()));
            ui(() -> {
                music.showEmpty(using);
                if (!note.isEmpty()) {
                    music.showStatus(note.strip());
                }
            });
            return;
        }
        List<MyMusicPanel.Row> rows = new ArrayList<>();
        List<Integer> fileRows = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path added : paths) {
            if (Files.isDirectory(added)) {
                List<Path> inside = MyMusic.files(List.of(added));
                rows.add(new MyMusicPanel.Row(added, false, added.getFileName() + "/", MyMusicPanel.State.FOLDER,
                        inside.size() + (inside.size() == 1 ? " file" : " files"),
                        inside.isEmpty() ? "no audio files in it" : added.toString()));
                for (Path f : inside) {
                    if (seen.add(f)) {
                        fileRows.add(rows.size());
                        files.add(f);
                        rows.add(new MyMusicPanel.Row(added, true, added.relativize(f).toString(),
                                MyMusicPanel.State.CHECKING, "", ""));
                    }
                }
            } else if (seen.add(added)) {
                fileRows.add(rows.size());
                files.add(added);
                rows.add(new MyMusicPanel.Row(added, false, String.valueOf(added.getFileName()),
                        MyMusicPanel.State.CHECKING, "", ""));
            }
        }
        List<MyMusicPanel.Row> shown = List.copyOf(rows);
        int total = files.size();
        ui(() -> {
            music.showRows(shown);
            music.showStatus(note + "Checking " + total + (total == 1 ? " file\u2026" : " files\u2026"));
        });
        MusicEntry[] entries = new MusicEntry[total];
        for (int i = 0; i < total; i++) {
            int n = i;
            work(() -> {
                if (generation != musicGeneration) {
                    return;
                }
                MusicEntry e = MyMusic.check(files.get(n));
                entries[n] = e;
                MyMusicPanel.Row before = shown.get(fileRows.get(n));
                MyMusicPanel.Row after = new MyMusicPanel.Row(before.added(), before.inside(), before.name(),
                        MyMusicPanel.State.valueOf(e.status().name()), e.seconds() > 0 ? clock(e.seconds())
                                .replaceAll("\\.\\d$", "") : "\u2014", e.detail());
                String progress;
                if (n == total - 1) {
                    List<MusicEntry> all = List.of(entries);
                    checkedMusic.put(who, new CheckedMusic(paths, all));
                    long ok = all.stream().filter(MusicEntry::usable).count();
                    long marked = all.stream().filter(x -> x.status() == MusicStatus.MOVED
                            || x.status() == MusicStatus.DAMAGED).count();
                    progress = note + ok + " of " + total + (total == 1 ? " file" : " files") + " can be played in drills"
                            + (marked > 0 ? "; " + marked + " moved or damaged (left out of drills)." : ".");
                } else {
                    progress = note + "Checking " + (n + 2) + " of " + total + ": " + files.get(n + 1).getFileName()
                            + "\u2026";
                }
                ui(() -> {
                    music.updateRow(fileRows.get(n), after);
                    music.showStatus(progress);
                });
            });
        }
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
