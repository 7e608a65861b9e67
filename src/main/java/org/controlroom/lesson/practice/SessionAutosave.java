package org.controlroom.lesson.practice;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SessionListener;
import org.controlroom.store.SessionRepository;
import org.controlroom.store.StoreException;

/**
 * Saves a session in progress to the learner database as the learner works: the first edit after a
 * quiet spell is saved at once, later ones at most every {@link #INTERVAL_MILLIS} (so no edit older
 * than that is ever lost), and everything on {@link #flush()} (submit, closing the screen).
 *
 * <p>The plan is captured on the thread that edits the session, at the edit; the save itself runs on
 * the autosave's own thread.
 */
public final class SessionAutosave implements SessionListener, AutoCloseable {
    public static final long INTERVAL_MILLIS = 2000;

    private final SessionRepository sessions;
    private final long learnerId;
    private final Lesson lesson;
    private final String lessonHash;
    private final Clock clock;
    private final Consumer<String> problems;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private String pending;
    private ScheduledFuture<?> scheduled;
    private long lastSaveMillis = Long.MIN_VALUE / 2;
    private boolean closed;

    /**
     * @param problems hears a save that failed (the learner database locked, the disk full); the edit
     *                 stays pending and is saved with the next one
     */
    public SessionAutosave(SessionRepository sessions, long learnerId, Lesson lesson, String lessonHash, Clock clock,
                           Consumer<String> problems) {
        this.sessions = sessions;
        this.learnerId = learnerId;
        this.lesson = lesson;
        this.lessonHash = lessonHash;
        this.clock = clock;
        this.problems = problems;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-autosave");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts saving the session's edits. */
    public void attach(LessonSession session) {
        session.addListener(this);
    }

    @Override
    public void sessionChanged(LessonSession session, String what) {
        String yaml = PlanFile.write(lesson, session.plan());
        synchronized (lock) {
            if (closed) {
                return;
            }
            pending = yaml;
            if (scheduled == null) {
                long delay = Math.max(0, lastSaveMillis + INTERVAL_MILLIS - clock.millis());
                scheduled = timer.schedule(this::saveNow, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private final Object saving = new Object();
    private boolean failing;

    /** Saves are one at a time: a flush waits for a save the timer has under way. */
    private void saveNow() {
        synchronized (saving) {
            saveOnce();
        }
    }

    private void saveOnce() {
        String yaml;
        synchronized (lock) {
            scheduled = null;
            yaml = pending;
            pending = null;
            if (yaml == null) {
                return;
            }
            lastSaveMillis = clock.millis();
        }
        try {
            sessions.save(learnerId, lesson.id(), lessonHash, yaml, clock.instant());
            if (failing) {
                failing = false;
                problems.accept("Your session is saved again.");
            }
        } catch (StoreException e) {
            synchronized (lock) {
                if (pending == null) {
                    pending = yaml;
                }
                if (scheduled == null && !closed && !timer.isShutdown()) {
                    scheduled = timer.schedule(this::saveNow, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
            if (!failing) {
                failing = true;
                problems.accept("Your session could not be saved: " + e.getMessage()
                        + ". Keep working: it is saved again as soon as the database can be written.");
            }
        }
    }

    /** Saves any pending edit now, on the caller's thread. */
    public void flush() {
        synchronized (lock) {
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
        }
        saveNow();
    }

    /** Forgets the saved session (after a submit that was scored and stored). */
    public void discard() {
        synchronized (lock) {
            pending = null;
        }
        sessions.delete(learnerId, lesson.id());
    }

    @Override
    public void close() {
        flush();
        synchronized (lock) {
            closed = true;
        }
        timer.shutdown();
    }
}
