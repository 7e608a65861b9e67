package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;

import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.dsp.play.OutputDevices;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MusicStatus;
import org.controlroom.lesson.music.MyMusic;
import org.controlroom.lesson.music.MyMusicDrill;
import org.controlroom.lesson.practice.DrillSound;
import org.controlroom.lesson.practice.HomeSummary;
import org.controlroom.lesson.practice.LearnerExport;
import org.controlroom.lesson.practice.LessonService;
import org.controlroom.lesson.practice.Practice;
import org.controlroom.lesson.practice.PracticeController;
import org.controlroom.lesson.practice.PracticeException;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreException;
import org.controlroom.ui.shell.FirstStartPanel;
import org.controlroom.ui.shell.HomePanel;
import org.controlroom.ui.shell.LearnersPanel;
import org.controlroom.ui.shell.Settings;
import org.controlroom.ui.shell.SettingsPanel;
import org.controlroom.ui.shell.Themes;
import org.controlroom.ui.text.Texts;

/**
 * The main window: home (or the first start), the lesson list, the practice screen, My music, the
 * learners and the settings, with a menu bar naming every shortcut. Every screen has a way back
 * (Escape, a back button); leaving an attempt asks "resume later / quit". Loading lessons, the learner
 * database and every answer run on one background worker, never on the event thread; while it works
 * the status bar shows a progress bar.
 */
public final class MainWindow extends JFrame {

    /** What the learner chose when leaving an attempt under way. */
    enum Leave { RESUME_LATER, QUIT, STAY }

    static final String HOME = "home";
    static final String LESSONS = "lessons";
    static final String PRACTICE = "practice";
    static final String MUSIC = "music";
    static final String SETTINGS = "settings";
    static final String LEARNERS = "learners";
    static final String TUTOR_CLASSES = "tutorClasses";
    static final String TUTOR_ASSIGNMENTS = "tutorAssignments";
    static final String TUTOR_GRADEBOOK = "tutorGradebook";
    static final String CAREER = "career";

    private final AppConfig config;
    private final Settings settings;
    private final CardLayout screens = new CardLayout();
    private final JPanel root = new JPanel(screens);
    private final LessonsPanel lessons;
    private final org.controlroom.ui.pack.PackActions packs;
    private final PracticePanel practice;
    private final MyMusicPanel music;
    private final HomePanel home;
    private final FirstStartPanel firstStart;
    private final SettingsPanel settingsPanel;
    private final LearnersPanel learnersPanel;
    /** Tutor mode's PIN door for this window (remembers a right PIN until locked). */
    private final org.controlroom.ui.tutor.TutorGate tutorGate = new org.controlroom.ui.tutor.TutorGate(() -> {
        ensureOpen();
        return new org.controlroom.lesson.tutor.TutorAuth(this.store.tutor());
    }, this::tutorWork);
    private final org.controlroom.ui.tutor.TutorScreens tutorScreens;
    private final org.controlroom.ui.career.CareerScreens careerScreens;
    /** The practice screen was opened from the career dashboard: leaving it goes back there (event thread). */
    private boolean practiceFromCareer;
    private final JProgressBar busy = new JProgressBar();
    private final JLabel busyText = new JLabel(" ");
    /** What the store says now (a classroom server unreachable, answers kept on this computer); hidden when nothing. */
    private final JLabel storeStatus = new JLabel();
    private final java.util.concurrent.ScheduledExecutorService storeWatch =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "control-room-store-status");
                t.setDaemon(true);
                return t;
            });
    private final AtomicInteger pending = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "control-room-worker");
        t.setDaemon(true);
        return t;
    });
    /** The screen showing, and the one "back" returns to from settings and learners (event thread). */
    private String current = HOME;
    private String beforeAside = HOME;
    /** Asks how to leave an attempt under way (a dialog; tests answer it themselves). */
    private java.util.function.Supplier<Leave> leaveChooser = this::askLeave;

    // touched only on the worker thread
    private LearnerStore store;
    private final LessonKinds kinds = LessonKinds.builtIn();
    private LessonCatalog catalog;
    private org.controlroom.lesson.pack.LessonLibrary library;
    /** Career mode on the open store and the loaded lessons' economy (made on first use). */
    private org.controlroom.lesson.career.CareerService careerService;
    private LessonService lessonService;
    private String learner;
    private PracticeController controller;
    private String playing;
    /** Attempts left with "resume later", by learner id and lesson id. */
    private final Map<String, PracticeController> paused = new HashMap<>();
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
        super(Texts.get("shell.app.title"));
        this.config = config;
        this.settings = Settings.load(config.settingsFile());
        OutputDevices.choose(settings.outputDevice());
        OutputDevices.bufferFrames(settings.bufferFrames());
        setName("mainWindow");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        setMinimumSize(new Dimension(720, 480));
        placeWindow();
        lessons = new LessonsPanel(this::goHome, this::addLearner, this::chooseLearner, (who, id) -> {
            practiceFromCareer = false;
            play(who, id);
        }, this::openMusic);
        packs = new org.controlroom.ui.pack.PackActions(this, packHost());
        lessons.packActions(packs::importPack, packs::exportPack, this::openAuthor);
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
                show(LESSONS);
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
            public void stopListening() {
                withController(PracticeController::stopListening);
            }

            @Override
            public void dial(org.controlroom.dsp.AudioClip b) {
                withController(c -> c.dial(b));
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
                leavePractice();
            }

            @Override
            public void tryAgain() {
                MainWindow.this.tryAgain();
            }

            @Override
            public void nextLesson() {
                MainWindow.this.nextLesson();
            }

            @Override
            public void keepWorking() {
                MainWindow.this.keepWorking();
            }
        });
        firstStart = new FirstStartPanel(new FirstStartPanel.Actions() {
            @Override
            public void choose(String name) {
                work(() -> {
                    learner = name;
                    ui(() -> settings.lastLearner(name));
                    walk();
                });
            }

            @Override
            public void add(String name) {
                work(() -> {
                    ensureOpen();
                    try {
                        learner = store.learners().add(name).name();
                    } catch (StoreException e) {
                        List<String> names = store.learners().list().stream().map(Learner::name).toList();
                        ui(() -> firstStart.showWho(names, e.getMessage()));
                        return;
                    }
                    String chosen = learner;
                    ui(() -> settings.lastLearner(chosen));
                    walk();
                });
            }

            @Override
            public void done() {
                settings.firstStartDone(true);
                openLessons();
            }
        });
        home = new HomePanel(new HomePanel.Actions() {
            @Override
            public void lessons() {
                openLessons();
            }

            @Override
            public void showLesson(String lessonId) {
                openLessons();
                work(() -> ui(() -> lessons.select(lessonId)));
            }

            @Override
            public void play(String lessonId) {
                practiceFromCareer = false;
                work(() -> {
                    if (learner != null) {
                        String who = learner;
                        MainWindow.this.play(who, lessonId);
                    }
                });
            }

            @Override
            public void career() {
                work(MainWindow.this::walk);
            }

            @Override
            public void careerDashboard() {
                openCareer();
            }
        }, firstStart);
        settingsPanel = new SettingsPanel(new SettingsPanel.Actions() {
            @Override
            public void theme(Settings.Theme theme) {
                settings.theme(theme);
                applyTheme(theme);
            }

            @Override
            public void device(String name) {
                settings.outputDevice(name);
                OutputDevices.choose(name);
                settingsPanel.showStatus(settings.problem().isEmpty()
                        ? Texts.get("shell.settings.device.chosen", name.isEmpty() ? Texts.get("shell.settings.device.default") : name)
                        : settings.problem());
            }

            @Override
            public void buffer(int frames) {
                settings.bufferFrames(frames);
                OutputDevices.bufferFrames(frames);
                settingsPanel.showStatus(settings.problem().isEmpty() ? Texts.get("shell.settings.buffer.chosen", frames)
                        : settings.problem());
            }

            @Override
            public void testTone() {
                String device = settings.outputDevice();
                int frames = settings.bufferFrames();
                Thread t = new Thread(() -> {
                    Optional<String> error;
                    try {
                        OutputDevices.testTone(device, frames, 0.8);
                        error = Optional.empty();
                    } catch (PlaybackUnavailableException e) {
                        error = Optional.of(e.getMessage());
                    }
                    Optional<String> result = error;
                    ui(() -> settingsPanel.showTone(result));
                }, "control-room-test-tone");
                t.setDaemon(true);
                t.start();
            }

            @Override
            public void dataFolder(Path folder) {
                settings.dataFolder(Optional.of(folder));
                showSettings();
            }

            @Override
            public void myMusic() {
                work(() -> {
                    if (learner != null) {
                        String who = learner;
                        ui(() -> openMusic(who));
                    } else {
                        ui(() -> settingsPanel.showStatus(Texts.get("shell.settings.music.noLearner")));
                    }
                });
            }

            @Override
            public void back() {
                goBackFromAside();
            }
        });
        learnersPanel = new LearnersPanel(new LearnersPanel.Actions() {
            @Override
            public void add(String name) {
                learnerWork(() -> {
                    learner = store.learners().add(name).name();
                    return Texts.get("shell.learners.added", learner);
                });
            }

            @Override
            public void rename(String name, String newName) {
                // once a tutor exists, renaming a learner is the tutor's
                if (!org.controlroom.ui.tutor.TutorGate.permit(MainWindow.this)) {
                    learnersPanel.showStatus(Texts.get("tutor.menu.refused"));
                    return;
                }
                learnerWork(() -> {
                    Learner l = store.learners().rename(name, newName);
                    if (learner != null && learner.equalsIgnoreCase(name)) {
                        learner = l.name();
                    }
                    return Texts.get("shell.learners.renamed", name, l.name());
                });
            }

            @Override
            public void remove(String name, Optional<Path> export) {
                // once a tutor exists, removing a learner (and their attempts) is the tutor's
                if (!org.controlroom.ui.tutor.TutorGate.permit(MainWindow.this)) {
                    learnersPanel.showStatus(Texts.get("tutor.menu.refused"));
                    return;
                }
                learnerWork(() -> {
                    String kept = "";
                    if (export.isPresent()) {
                        int n = LearnerExport.write(store, name, export.get());
                        kept = " " + Texts.get("shell.learners.exported", n, export.get());
                    }
                    Optional<Long> id = store.learners().findByName(name).map(Learner::id);
                    id.ifPresent(i -> paused.entrySet().removeIf(e -> {
                        if (e.getKey().startsWith(i + "\u0000")) {
                            e.getValue().close();
                            return true;
                        }
                        return false;
                    }));
                    store.learners().remove(name);
                    if (learner != null && learner.equalsIgnoreCase(name)) {
                        learner = null;
                    }
                    return Texts.get("shell.learners.removed", name) + kept;
                });
            }

            @Override
            public void choose(String name) {
                work(() -> {
                    learner = name;
                    ui(() -> settings.lastLearner(name));
                    refresh();
                    ui(() -> goHome());
                });
            }

            @Override
            public void back() {
                goBackFromAside();
            }
        });
        root.add(home, HOME);
        root.add(lessons, LESSONS);
        root.add(practice, PRACTICE);
        root.add(music, MUSIC);
        root.add(settingsPanel, SETTINGS);
        root.add(learnersPanel, LEARNERS);
        tutorScreens = new org.controlroom.ui.tutor.TutorScreens(this::work, () -> {
            ensureOpen();
            return new org.controlroom.ui.tutor.TutorScreens.Context(store, catalog);
        }, this::goBackFromAside, Clock.systemUTC());
        root.add(tutorScreens.classesScreen(), TUTOR_CLASSES);
        root.add(tutorScreens.assignmentsScreen(), TUTOR_ASSIGNMENTS);
        root.add(tutorScreens.gradebookScreen(), TUTOR_GRADEBOOK);
        careerScreens = new org.controlroom.ui.career.CareerScreens(this::work, this::careerContext, this::goHome,
                (jobId, lessonId) -> {
                    practiceFromCareer = true;
                    work(() -> {
                        if (learner != null) {
                            play(learner, lessonId);
                        }
                    });
                });
        root.add(careerScreens.screen(), CAREER);
        JPanel content = new JPanel(new BorderLayout());
        content.add(root, BorderLayout.CENTER);
        JPanel statusBar = new JPanel(new BorderLayout(8, 0));
        busy.setName("busy");
        busy.setIndeterminate(true);
        busy.setVisible(false);
        busy.setPreferredSize(new Dimension(120, 8));
        busyText.setName("busyText");
        statusBar.add(busyText, BorderLayout.CENTER);
        statusBar.add(busy, BorderLayout.EAST);
        storeStatus.setName("storeStatus");
        storeStatus.setVisible(false);
        statusBar.add(storeStatus, BorderLayout.NORTH);
        storeWatch.scheduleWithFixedDelay(this::watchStore, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        statusBar.setBorder(javax.swing.BorderFactory.createEmptyBorder(2, 12, 4, 12));
        content.add(statusBar, BorderLayout.SOUTH);
        setContentPane(content);
        tutorGate.install(getRootPane());
        setJMenuBar(menus());
        getRootPane().registerKeyboardAction(e -> back(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                rememberWindow();
            }

            @Override
            public void windowClosed(WindowEvent e) {
                // the window's place was kept when it was asked to close (windowClosing, Quit); writing it again
                // here would race whoever disposed the window and then removes its data folder
                storeWatch.shutdownNow();
                work(() -> {
                    closeController();
                    paused.values().forEach(PracticeController::close);
                    paused.clear();
                    if (store != null) {
                        store.close();
                    }
                });
                worker.shutdown();
            }
        });
        work(this::startUp);
    }

    // ---- window place, theme, menus ----

    /** The saved size and place when they still fit a screen; else 960×640 in the middle. */
    private void placeWindow() {
        Optional<Rectangle> saved = settings.windowBounds();
        Rectangle screen = GraphicsEnvironment.isHeadless() ? new Rectangle(0, 0, 1280, 800)
                : GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        if (saved.isPresent() && screen.intersects(saved.get())) {
            setBounds(saved.get());
            if (settings.windowMaximized()) {
                setExtendedState(getExtendedState() | MAXIMIZED_BOTH);
            }
        } else {
            setSize(960, 640);
            setLocationRelativeTo(null);
        }
    }

    /** Keeps the window's size and place for the next start. */
    void rememberWindow() {
        boolean max = (getExtendedState() & MAXIMIZED_BOTH) == MAXIMIZED_BOTH;
        settings.window(getBounds(), max);
    }

    /** Applies a theme: a "follow the system" question goes to the desktop off the event thread. */
    private void applyTheme(Settings.Theme theme) {
        new SwingWorker<Boolean, Void>() {
            @Override
            protected Boolean doInBackground() {
                return Themes.dark(theme);
            }

            @Override
            protected void done() {
                try {
                    Themes.apply(get());
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    Themes.apply(true);
                }
                if (SETTINGS.equals(current)) {
                    showSettings();
                }
            }
        }.execute();
    }

    private JMenuBar menus() {
        int ctrl = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenuBar bar = new JMenuBar();
        JMenu go = menu("shell.menu.go", KeyEvent.VK_G);
        go.add(item("shell.menu.home", KeyStroke.getKeyStroke(KeyEvent.VK_H, ctrl), this::goHome));
        go.add(item("shell.menu.lessons", KeyStroke.getKeyStroke(KeyEvent.VK_L, ctrl), this::openLessons));
        go.add(item("career.menu", KeyStroke.getKeyStroke(KeyEvent.VK_J, ctrl), this::openCareer));
        go.add(item("shell.menu.back", KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), this::back));
        go.addSeparator();
        go.add(item("shell.menu.settings", KeyStroke.getKeyStroke(KeyEvent.VK_COMMA, ctrl), this::showSettings));
        go.addSeparator();
        go.add(item("shell.menu.quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, ctrl), () -> {
            rememberWindow();
            dispose();
        }));
        JMenu who = menu("shell.menu.learner", KeyEvent.VK_E);
        who.add(item("shell.menu.learners", KeyStroke.getKeyStroke(KeyEvent.VK_L, ctrl | InputEvent.SHIFT_DOWN_MASK),
                this::showLearners));
        who.add(item("shell.menu.music", KeyStroke.getKeyStroke(KeyEvent.VK_M, ctrl), () -> work(() -> {
            if (learner != null) {
                String name = learner;
                ui(() -> openMusic(name));
            }
        })));
        who.add(item("shell.menu.career", KeyStroke.getKeyStroke(KeyEvent.VK_R, ctrl), () -> work(this::walk)));
        // the drill progress screen (thresholds, scores, confusion, career) for the chosen learner
        who.add(item("shell.menu.progress", KeyStroke.getKeyStroke(KeyEvent.VK_P, ctrl), this::showDrillProgress));
        // the practice screen's own keys: shown here, handled by the screen (so these items only name them)
        JMenu tutor = menu("tutor.menu", KeyEvent.VK_T);
        tutor.add(item("tutor.menu.classes", KeyStroke.getKeyStroke(KeyEvent.VK_C, ctrl | InputEvent.SHIFT_DOWN_MASK),
                () -> openTutor(TUTOR_CLASSES)));
        tutor.add(item("tutor.menu.assignments", KeyStroke.getKeyStroke(KeyEvent.VK_A, ctrl | InputEvent.SHIFT_DOWN_MASK),
                () -> openTutor(TUTOR_ASSIGNMENTS)));
        tutor.add(item("tutor.menu.gradebook", KeyStroke.getKeyStroke(KeyEvent.VK_G, ctrl | InputEvent.SHIFT_DOWN_MASK),
                () -> openTutor(TUTOR_GRADEBOOK)));
        tutor.addSeparator();
        tutor.add(item("tutor.menu.lock", KeyStroke.getKeyStroke(KeyEvent.VK_K, ctrl | InputEvent.SHIFT_DOWN_MASK), () -> {
            tutorGate.lock();
            if (isTutorScreen(current)) {
                goBackFromAside();
            }
            busyText.setText(Texts.get("tutor.menu.locked"));
        }));
        JMenu keys = menu("shell.menu.practice", KeyEvent.VK_P);
        // practice mode: a drill on the learner's own bands, gain, Q, sound and number of questions
        keys.add(item("drill.practice.menu", KeyStroke.getKeyStroke(KeyEvent.VK_D, ctrl | InputEvent.SHIFT_DOWN_MASK),
                this::practiseOwn));
        keys.addSeparator();
        keys.add(shown("shell.menu.practice.listenA", KeyStroke.getKeyStroke(KeyEvent.VK_A, 0)));
        keys.add(shown("shell.menu.practice.listenB", KeyStroke.getKeyStroke(KeyEvent.VK_B, 0)));
        keys.add(shown("shell.menu.practice.answer", KeyStroke.getKeyStroke(KeyEvent.VK_1, 0)));
        keys.add(shown("shell.menu.practice.next", KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0)));
        keys.add(shown("shell.menu.practice.leave", KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0)));
        JMenu help = menu("shell.menu.help", KeyEvent.VK_H);
        help.add(item("shell.menu.shortcuts", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), () ->
                JOptionPane.showMessageDialog(this, "<html>" + Texts.get("shell.shortcuts") + Texts.get("career.shortcuts") + "</html>",
                        Texts.get("shell.menu.shortcuts"), JOptionPane.INFORMATION_MESSAGE)));
        bar.add(go);
        bar.add(who);
        bar.add(tutor);
        bar.add(keys);
        bar.add(help);
        return bar;
    }

    private static JMenu menu(String key, int mnemonic) {
        JMenu m = new JMenu(Texts.get(key));
        m.setMnemonic(mnemonic);
        m.setName(key);
        return m;
    }

    private static JMenuItem item(String key, KeyStroke keys, Runnable action) {
        JMenuItem i = new JMenuItem(new AbstractAction(Texts.get(key)) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
        i.setName(key);
        i.setAccelerator(keys);
        return i;
    }

    /** A menu item that names a key the practice screen handles (disabled, so the menu never takes the key). */
    private static JMenuItem shown(String key, KeyStroke keys) {
        JMenuItem i = new JMenuItem(Texts.get(key));
        i.setName(key);
        i.setAccelerator(keys);
        i.setEnabled(false);
        return i;
    }

    // ---- screens and the way back ----

    private void show(String screen) {
        current = screen;
        screens.show(root, screen);
        if (LESSONS.equals(screen)) {
            lessons.focusTable();
        } else if (PRACTICE.equals(screen)) {
            practice.requestFocusInWindow();
        }
    }

    /** Which screen shows (tests). */
    String currentScreen() {
        return current;
    }

    /** Escape and Go ▸ Back: the screen before this one; an attempt under way asks first. */
    void back() {
        switch (current) {
            case LESSONS, CAREER -> goHome();
            case PRACTICE -> leavePractice();
            case MUSIC -> {
                work(() -> {
                    musicGeneration++;
                    refresh();
                });
                show(LESSONS);
            }
            case SETTINGS, LEARNERS, TUTOR_CLASSES, TUTOR_ASSIGNMENTS, TUTOR_GRADEBOOK -> goBackFromAside();
            default -> {
                // home is where the way back ends
            }
        }
    }

    private void goBackFromAside() {
        String to = beforeAside;
        if (LESSONS.equals(to)) {
            openLessons();
        } else if (PRACTICE.equals(to)) {
            show(PRACTICE);
        } else {
            goHome();
        }
    }

    private void goHome() {
        show(HOME);
        work(this::refreshHome);
    }

    private void showSettings() {
        if (!SETTINGS.equals(current) && !LEARNERS.equals(current) && !isTutorScreen(current)) {
            beforeAside = current;
        }
        show(SETTINGS);
        Settings.Theme theme = settings.theme();
        new SwingWorker<Object[], Void>() {
            @Override
            protected Object[] doInBackground() {
                Optional<Boolean> dark = theme == Settings.Theme.SYSTEM ? Themes.systemPrefersDark() : Optional.empty();
                return new Object[] {OutputDevices.list(), dark};
            }

            @Override
            @SuppressWarnings("unchecked")
            protected void done() {
                try {
                    Object[] r = get();
                    settingsPanel.show(settings, (List<OutputDevices.Device>) r[0], config.database(),
                            (Optional<Boolean>) r[1]);
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    settingsPanel.show(settings, List.of(), config.database(), Optional.empty());
                }
            }
        }.execute();
    }

    private void showLearners() {
        if (!SETTINGS.equals(current) && !LEARNERS.equals(current) && !isTutorScreen(current)) {
            beforeAside = current;
        }
        show(LEARNERS);
        learnerWork(() -> "");
    }

    /** Store work for the learners screen, then the list again with what happened (on the worker). */
    private void learnerWork(java.util.function.Supplier<String> action) {
        work(() -> {
            String said;
            try {
                ensureOpen();
                said = action.get();
            } catch (StoreException e) {
                said = e.getMessage();
            }
            List<String> names = store.learners().list().stream().map(Learner::name).toList();
            String chosen = learner;
            String text = said;
            ui(() -> {
                learnersPanel.showLearners(names, chosen);
                learnersPanel.showStatus(text.isEmpty() ? " " : text);
                settings.lastLearner(chosen);
            });
        });
    }

    /** The learners screen (tests answer its dialogs). */
    LearnersPanel learnersPanel() {
        return learnersPanel;
    }

    /** Replaces the "resume later / quit" dialog (tests). */
    void leaveWith(java.util.function.Supplier<Leave> chooser) {
        leaveChooser = chooser;
    }

    private Leave askLeave() {
        Object[] options = {Texts.get("shell.leave.later"), Texts.get("shell.leave.quit"), Texts.get("shell.leave.stay")};
        int r = JOptionPane.showOptionDialog(this, Texts.get("shell.leave.ask"), Texts.get("shell.leave.title"),
                JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[0]);
        return r == 0 ? Leave.RESUME_LATER : r == 1 ? Leave.QUIT : Leave.STAY;
    }

    /** Leaves the practice screen: from the brief or the result at once; from an attempt under way, asked. */
    private void leavePractice() {
        boolean toCareer = practiceFromCareer;
        String card = practice.showing();
        if ("question".equals(card) || "session".equals(card) || "drill".equals(card)) {
            Leave how = leaveChooser.get();
            if (how == Leave.STAY) {
                return;
            }
            practice.closeSessionScreen();
            work(() -> {
                if (controller != null) {
                    if (how == Leave.RESUME_LATER) {
                        controller.pause();
                        paused.put(pauseKey(controller), controller);
                    } else {
                        controller.quit();
                    }
                    controller = null;
                }
                refresh();
                String said = Texts.get(how == Leave.RESUME_LATER ? "shell.leave.paused" : "shell.leave.quitted");
                ui(() -> lessons.showStatus(said));
                if (toCareer) {
                    careerScreens.load(said);
                }
            });
        } else {
            work(() -> {
                closeController();
                refresh();
                if (toCareer) {
                    careerScreens.load("");
                }
            });
        }
        show(toCareer ? CAREER : LESSONS);
    }

    private static String pauseKey(PracticeController c) {
        return c.attempt().learner().id() + "\u0000" + c.runner().lesson().id();
    }

    private void tryAgain() {
        work(() -> {
            if (playing != null && learner != null) {
                String who = learner;
                play(who, playing);
            }
        });
    }

    private void nextLesson() {
        work(() -> {
            ensureOpen();
            Optional<Learner> l = learner == null ? Optional.empty() : store.learners().findByName(learner);
            if (l.isEmpty() || playing == null) {
                return;
            }
            Optional<LearnerProgress> progress = Optional.of(store.progress().progress(l.get(), Practice.lessonHashes(catalog)));
            Optional<LessonService.LessonStatus> next = lessonService.after(playing, progress);
            if (next.isPresent()) {
                play(l.get().name(), next.get().lesson().id());
            } else {
                closeController();
                refresh();
                ui(() -> {
                    show(LESSONS);
                    lessons.showStatus(Texts.get("shell.practice.noNextLesson"));
                });
            }
        });
    }

    // ---- start, home, first start ----

    /** At start: the lessons and the store open; home, or the first start when nobody trains yet (worker). */
    private void startUp() {
        String last = settings.lastLearner();
        ui(() -> busyText.setText(Texts.get("shell.loading")));
        try {
            ensureOpen();
        } catch (StoreException e) {
            ui(() -> firstStart.showWho(List.of(), e.getMessage()));
            return;
        }
        List<Learner> all = store.learners().list();
        if (learner == null && !last.isEmpty()) {
            learner = store.learners().findByName(last).map(Learner::name).orElse(null);
        }
        if (learner == null && !all.isEmpty()) {
            learner = all.get(0).name();
        }
        refreshHome();
    }

    /** Home for the current learner, or the first start (worker). */
    private void refreshHome() {
        try {
            ensureOpen();
        } catch (StoreException e) {
            ui(() -> firstStart.showWho(List.of(), e.getMessage()));
            return;
        }
        List<String> names = store.learners().list().stream().map(Learner::name).toList();
        Optional<Learner> l = learner == null ? Optional.empty() : store.learners().findByName(learner);
        if (l.isEmpty() || names.isEmpty()) {
            ui(() -> {
                firstStart.showWho(names, "");
                home.showFirstStart();
            });
            return;
        }
        LearnerProgress p = store.progress().progress(l.get(), Practice.lessonHashes(catalog));
        HomeSummary s = HomeSummary.of(lessonService, p, store.attempts().history(l.get().id(), 50),
                Clock.systemUTC().instant(), ZoneId.systemDefault(), 5);
        List<String> due = assignmentLines(l.get());
        String careerLine = careerHomeLine();
        ui(() -> {
            home.showSummary(s, ZoneId.systemDefault());
            home.showAssignments(due);
            home.showCareer(careerLine);
        });
    }

    /** The learner's assignments for home, one line each with its state (worker). */
    private List<String> assignmentLines(Learner l) {
        try {
            List<org.controlroom.lesson.tutor.GradeCell> cells = org.controlroom.lesson.tutor.TutorDesk.assignmentsOf(
                    store, l, Practice.lessonHashes(catalog), Clock.systemUTC().instant());
            List<String> lines = new ArrayList<>();
            for (org.controlroom.lesson.tutor.GradeCell c : cells) {
                String titles = String.join(", ", c.assignment().lessonIds().stream()
                        .map(id -> catalog.lesson(id).map(Lesson::title).orElse(id)).toList());
                lines.add(Texts.get("tutor.home.row", titles,
                        org.controlroom.lesson.tutor.DueDates.show(c.assignment().dueAt(), ZoneId.systemDefault()),
                        c.state().words()));
            }
            return lines;
        } catch (StoreException e) {
            return List.of(e.getMessage());
        }
    }

    /** The learner's career in one line for home; null when none, or what went wrong (worker). */
    private String careerHomeLine() {
        try {
            return careerContext().map(org.controlroom.ui.career.CareerScreens::homeLine).orElse(null);
        } catch (RuntimeException e) {
            return Texts.get("career.error", String.valueOf(e.getMessage()));
        }
    }

    /** The walk up the career path, on home (worker). */
    private void walk() {
        ensureOpen();
        List<FirstStartPanel.Step> steps = new ArrayList<>();
        lessonService.career().ifPresent(c -> {
            for (Rank r : c.ranks()) {
                List<String> opens = lessonService.ordered().stream()
                        .filter(x -> x.rank().equals(r.id()) && lessonService.playable(x)).map(Lesson::title).toList();
                steps.add(new FirstStartPanel.Step(r.name(), r.xp(), r.role(), opens));
            }
        });
        ui(() -> {
            firstStart.showWalk(steps);
            home.showFirstStart();
            show(HOME);
        });
    }

    /** The career dashboard for the chosen learner (read on the worker). */
    void openCareer() {
        show(CAREER);
        careerScreens.load("");
    }

    /** The career dashboard's controller (tests). */
    org.controlroom.ui.career.CareerScreens careerScreens() {
        return careerScreens;
    }

    /** What the career dashboard works on: the service and the chosen learner (on the worker). */
    private Optional<org.controlroom.ui.career.CareerScreens.Context> careerContext() {
        ensureOpen();
        Optional<Learner> l = learner == null ? Optional.empty() : store.learners().findByName(learner);
        if (l.isEmpty()) {
            return Optional.empty();
        }
        if (careerService == null || careerService.economy().ladder() != lessonService.career().orElse(null)) {
            careerService = new org.controlroom.lesson.career.CareerService(store,
                    org.controlroom.lesson.career.CareerEconomy.load(config.lessonsDir(), catalog), Clock.systemUTC());
        }
        return Optional.of(new org.controlroom.ui.career.CareerScreens.Context(careerService, l.get().id(),
                l.get().name(), catalog, lessonService.career()));
    }

    private void openLessons() {
        lessons.showStatus(Texts.get("shell.lessons.loading"));
        show(LESSONS);
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
            String chosen = learner;
            ui(() -> settings.lastLearner(chosen));
            refresh();
        });
    }

    private void chooseLearner(String name) {
        work(() -> {
            learner = name;
            ui(() -> settings.lastLearner(name));
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

    /** Practice mode: asks for the drill and its settings, then plays it (no XP, no threshold moves). */
    private void practiseOwn() {
        if (learner == null || catalog == null) {
            lessons.showStatus(Texts.get("drill.practice.noLearner"));
            show(LESSONS);
            return;
        }
        List<org.controlroom.lesson.script.Lesson> drills = catalog.lessons().stream()
                .filter(l -> l.section() instanceof org.controlroom.lesson.script.DrillSection).toList();
        Optional<String> selected = Optional.ofNullable(playing);
        Optional<org.controlroom.ui.drill.DrillPracticeDialog.Choice> choice =
                org.controlroom.ui.drill.DrillPracticeDialog.ask(this, drills, selected, config.assetsDir());
        if (choice.isEmpty()) {
            return;
        }
        String who = learner;
        work(() -> {
            ensureOpen();
            closeController();
            try {
                Practice p = new Practice(lessonService, store.learners(), store.attempts(), store.progress(),
                        Optional.of(store.sessions()));
                Practice.Attempt attempt = p.practise(who, choice.get().lessonId(), choice.get().settings(),
                        Clock.systemUTC(), Optional.empty());
                practice.showMyMusic(Optional.empty());
                controller = new PracticeController(attempt, practice, new DrillSound());
                playing = choice.get().lessonId();
                ui(() -> show(PRACTICE));
            } catch (PracticeException | StoreException e) {
                ui(() -> {
                    show(LESSONS);
                    lessons.showStatus(e.getMessage());
                });
            }
        });
    }

    private void play(String who, String lessonId, Optional<org.controlroom.lesson.script.LessonPlan> keep) {
        work(() -> {
            ensureOpen();
            closeController();
            Optional<Learner> l = store.learners().findByName(who);
            PracticeController resumed = l.isEmpty() ? null : paused.remove(l.get().id() + "\u0000" + lessonId);
            if (resumed != null) {
                controller = resumed;
                playing = lessonId;
                practice.showMyMusic(Optional.empty());
                controller.resume();
                ui(() -> show(PRACTICE));
                return;
            }
            try {
                Practice p = new Practice(lessonService, store.learners(), store.attempts(), store.progress(),
                        Optional.of(store.sessions()));
                List<MusicEntry> mine = musicFor(who, lessonId);
                Practice.Attempt attempt = p.start(who, lessonId, Optional.empty(), Clock.systemUTC(),
                        message -> ui(() -> practice.showError(message)), mine);
                practice.showMyMusic(attempt.myMusic().map(x -> Texts.get("shell.music.playsOn", x.file().getFileName(),
                        clock(x.startSeconds()), x.file().getParent()))
                        .or(() -> mine.isEmpty() ? Optional.empty()
                                : Optional.of(Texts.get("shell.music.noneUsable"))));
                keep.ifPresent(plan -> attempt.runner().session().ifPresent(s -> s.load(plan)));
                controller = new PracticeController(attempt, practice, new DrillSound());
                playing = lessonId;
                if (keep.isPresent()) {
                    controller.begin();
                }
                ui(() -> show(PRACTICE));
            } catch (PracticeException | StoreException e) {
                ui(() -> {
                    if (practiceFromCareer) {
                        // a career job's lesson that cannot start: said on the dashboard it was played from
                        show(CAREER);
                        careerScreens.panel().showStatus(e.getMessage());
                        return;
                    }
                    show(LESSONS);
                    lessons.showStatus(e.getMessage());
                });
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
        ui(() -> lessons.showStatus(Texts.get("shell.music.checking")));
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
        show(MUSIC);
        work(() -> {
            try {
                ensureOpen();
                Optional<Learner> l = store.learners().findByName(who);
                if (l.isEmpty()) {
                    ui(() -> music.showStatus(Texts.get("shell.music.noLearner", who)));
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
            String note = Texts.get("shell.music.added", added)
                    + (skipped.isEmpty() ? "" : " " + Texts.get("shell.music.skipped", String.join(", ", skipped)));
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
            ui(() -> busyText.setText(Texts.get("shell.loading.lessons")));
            // the shipped lessons with the tutor's lessons and the imported packs of the data folder
            library = org.controlroom.lesson.pack.LessonLibrary.load(new LessonLoader(kinds.formats()), config.lessonsDir(),
                    config.assetsDir(), true, Optional.of(dataFolder()));
            catalog = library.catalog();
            lessonService = new LessonService(catalog, kinds, library.xpContent());
        }
        if (store == null) {
            ui(() -> busyText.setText(Texts.get("shell.loading.store")));
            store = LearnerStore.open(config.store());
            if (!store.notices().isEmpty()) {
                String notice = String.join(" ", store.notices());
                ui(() -> JOptionPane.showMessageDialog(this, "<html><body style='width: 420px'>" + notice,
                        Texts.get("shell.store.title"), JOptionPane.WARNING_MESSAGE));
            }
        }
    }

    /** Opens the drill progress screen for the chosen learner (the store is read on the worker). */
    void showDrillProgress() {
        work(() -> {
            ensureOpen();
            Optional<Learner> who = learner == null ? Optional.empty() : store.learners().findByName(learner);
            if (who.isEmpty()) {
                return;
            }
            long xp = store.progress().progress(who.get(), Practice.lessonHashes(catalog)).xp();
            var trials = store.attempts().drillTrials(who.get().id());
            var ladder = lessonService.career().orElse(null);
            List<String> ranks = ladder == null ? List.of() : ladder.ranks().stream()
                    .map(r -> (ladder.rankFor((int) Math.min(Integer.MAX_VALUE, xp)) == r ? "\u25B6 " : "   ")
                            + r.name() + " (" + r.xp() + " XP)").toList();
            String next = ladder == null ? null : ladder.nextRank((int) Math.min(Integer.MAX_VALUE, xp))
                    .map(n -> n.name() + " at " + n.xp() + " XP opens:").orElse(null);
            List<String> opens = lessonService.nextRankOpens(xp).stream()
                    .map(id -> catalog.lesson(id).map(Lesson::title).orElse(id)).toList();
            var career = new org.controlroom.ui.drill.ProgressScreen.Career(who.get().name(), xp, ranks, next, opens);
            ui(() -> {
                javax.swing.JDialog d = new javax.swing.JDialog(this, Texts.get("shell.menu.progress"), false);
                d.setContentPane(new org.controlroom.ui.drill.ProgressScreen(trials, career));
                d.pack();
                d.setLocationRelativeTo(this);
                d.setVisible(true);
            });
        });
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
        if (learner != null && store.learners().findByName(learner).isEmpty()) {
            learner = null;
        }
        if (learner == null && !all.isEmpty()) {
            learner = all.get(0).name();
        }
        Optional<Learner> current = learner == null ? Optional.empty() : store.learners().findByName(learner);
        Optional<LearnerProgress> progress = current.map(l -> store.progress().progress(l, Practice.lessonHashes(catalog)));
        long xp = progress.map(LearnerProgress::xp).orElse(0L);
        List<LessonsPanel.Row> rows = new ArrayList<>();
        var ladder = lessonService.career();
        for (LessonService.LessonStatus st : lessonService.statuses(progress)) {
            Lesson l = st.lesson();
            boolean isPaused = current.isPresent() && paused.containsKey(current.get().id() + "\u0000" + l.id());
            int rankIndex = ladder.map(c -> c.indexOf(l.rank())).filter(i -> i >= 0).orElse(Integer.MAX_VALUE);
            // a pack's lessons are marked with the pack's name where the track stands
            String track = library.pack(l).map(pack -> Texts.get("pack.marker", pack)).orElse(LessonService.track(l));
            rows.add(new LessonsPanel.Row(l.id(), l.title(), l.kind().id(), st.rankName(), rankIndex,
                    track, isPaused ? Texts.get("shell.lessons.paused") : st.text(), st.state().name(),
                    st.canPlay(), lessonService.whyLocked(l, xp).orElse("")));
        }
        String careerLine = lessonService.careerLine(current.map(Learner::name).orElse(Texts.get("shell.lessons.nobody")), xp);
        int problemCount = catalog.problems().size();
        String problems = problemCount == 0 ? ""
                : Texts.get("shell.lessons.problems", problemCount, catalog.problems().get(0));
        List<String> names = all.stream().map(Learner::name).toList();
        String selected = current.map(Learner::name).orElse(null);
        ui(() -> {
            lessons.showLearners(names, selected);
            lessons.showLessons(rows, careerLine);
            lessons.showStatus(names.isEmpty() ? Texts.get("shell.lessons.noLearners")
                    : problems.isEmpty() ? Texts.get("shell.lessons.hint") : problems);
        });
    }

    /** Off the event thread: asks the store what the learner should know now and shows it above the status line. */
    private void watchStore() {
        LearnerStore s = store;
        Optional<String> now;
        try {
            now = s == null ? Optional.empty() : s.status();
        } catch (RuntimeException e) {
            now = Optional.ofNullable(e.getMessage());
        }
        Optional<String> shown = now;
        ui(() -> {
            storeStatus.setText(shown.map(t -> Texts.get("pg.status", t)).orElse(""));
            storeStatus.setToolTipText(shown.orElse(null));
            storeStatus.setVisible(shown.isPresent());
        });
    }

    /** The data folder (the database's folder): packs/ and the tutor's lessons/ live there. */
    private Path dataFolder() {
        return config.database().toAbsolutePath().getParent();
    }

    /** What the pack actions and the authoring window borrow from the window. */
    private org.controlroom.ui.pack.PackActions.Host packHost() {
        return new org.controlroom.ui.pack.PackActions.Host() {
            @Override
            public void work(Runnable r) {
                MainWindow.this.work(r);
            }

            @Override
            public org.controlroom.lesson.pack.LessonLibrary library() {
                ensureOpen();
                return library;
            }

            @Override
            public LessonLoader loader() {
                return new LessonLoader(kinds.formats());
            }

            @Override
            public Path dataFolder() {
                return MainWindow.this.dataFolder();
            }

            @Override
            public void reload() {
                catalog = null;
                ensureOpen();
                refresh();
            }

            @Override
            public void status(String text) {
                lessons.showStatus(text);
            }

            @Override
            public void busy(String text) {
                ui(() -> busyText.setText(text));
            }

            @Override
            public boolean tutorPinSet() {
                ensureOpen();
                return new org.controlroom.lesson.tutor.TutorAuth(store.tutor()).hasPin();
            }
        };
    }

    /** The pack actions of the lesson list (tests choose files through them). */
    org.controlroom.ui.pack.PackActions packs() {
        return packs;
    }

    /** Opens the authoring window (a tutor action). */
    void openAuthor() {
        if (!org.controlroom.ui.tutor.TutorGate.permit(this)) {
            lessons.showStatus(Texts.get("pack.import.refused"));
            return;
        }
        new org.controlroom.ui.author.AuthorWindow(this, packHost(), kinds, config.assetsDir(), this::preview).setVisible(true);
    }

    /**
     * Plays a lesson being authored in the practice screen as a learner would, through the same controller,
     * with nothing recorded and no XP (a preview; Try again and Next do nothing for it).
     */
    void preview(Lesson lesson) {
        work(() -> {
            ensureOpen();
            closeController();
            try {
                Practice p = new Practice(lessonService, store.learners(), store.attempts(), store.progress(),
                        Optional.empty());
                Practice.Attempt attempt = p.preview(lesson, Clock.systemUTC());
                practice.showMyMusic(Optional.empty());
                controller = new PracticeController(attempt, practice, new DrillSound());
                playing = null;
                ui(() -> {
                    show(PRACTICE);
                    toFront();
                });
            } catch (PracticeException e) {
                ui(() -> lessons.showStatus(e.getMessage()));
            }
        });
    }

    private void work(Runnable r) {
        if (worker.isShutdown()) {
            return;
        }
        if (pending.incrementAndGet() == 1) {
            ui(() -> busy.setVisible(pending.get() > 0));
        }
        worker.submit(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                ui(() -> lessons.showStatus(Texts.get("shell.error", String.valueOf(e.getMessage()))));
            } finally {
                if (pending.decrementAndGet() == 0) {
                    ui(() -> {
                        if (pending.get() == 0) {
                            busy.setVisible(false);
                            busyText.setText(" ");
                        }
                    });
                }
            }
        });
    }

    private static boolean isTutorScreen(String screen) {
        return TUTOR_CLASSES.equals(screen) || TUTOR_ASSIGNMENTS.equals(screen) || TUTOR_GRADEBOOK.equals(screen);
    }

    /** A tutor screen, once the tutor is in (the PIN asked through the gate); its data read on the worker. */
    void openTutor(String screen) {
        if (!tutorGate.ask(this)) {
            busyText.setText(Texts.get("tutor.menu.refused"));
            return;
        }
        if (!SETTINGS.equals(current) && !LEARNERS.equals(current) && !isTutorScreen(current)) {
            beforeAside = current;
        }
        show(screen);
        switch (screen) {
            case TUTOR_CLASSES -> tutorScreens.loadClasses("");
            case TUTOR_ASSIGNMENTS -> tutorScreens.loadAssignments("");
            default -> tutorScreens.loadGradebook();
        }
    }

    /** Store work for the tutor gate: on the worker while the window is open (else here, so the gate never waits forever). */
    private void tutorWork(Runnable r) {
        if (worker.isShutdown()) {
            r.run();
        } else {
            work(r);
        }
    }

    /** The window's tutor gate (tests). */
    org.controlroom.ui.tutor.TutorGate tutorGate() {
        return tutorGate;
    }

    private static void ui(Runnable r) {
        SwingUtilities.invokeLater(r);
    }
}
