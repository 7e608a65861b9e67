package org.controlroom.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.controlroom.lesson.tutor.TutorAuth;
import org.controlroom.store.LearnerStore;

/**
 * Where tutor commands get the PIN: {@value #ENV} (for scripts), else asked on the terminal without echo.
 * With neither (no terminal, e.g. in a pipe) a command stops with a one-line error saying so.
 */
public final class TutorPin {

    public static final String ENV = "CONTROL_ROOM_TUTOR_PIN";
    /** The new PIN for {@code tutor set-pin} in scripts. */
    public static final String NEW_ENV = "CONTROL_ROOM_TUTOR_NEW_PIN";

    private final Map<String, String> env;
    private final Supplier<Optional<Console>> console;

    public TutorPin(Map<String, String> env, Supplier<Optional<Console>> console) {
        this.env = Map.copyOf(env);
        this.console = console;
    }

    /** The process's environment and terminal. */
    public static TutorPin system() {
        return new TutorPin(System.getenv(), () -> Optional.ofNullable(System.console()));
    }

    /** The tutor's PIN now: from {@value #ENV}, else asked. */
    char[] current(String action) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console c = console.get().orElseThrow(() -> new UserInputException(action + " needs the tutor PIN, and there is"
                + " no terminal to ask for it; set " + ENV + " in the environment"));
        char[] pin = c.readPassword("Tutor PIN: ");
        if (pin == null) {
            throw new UserInputException(action + " needs the tutor PIN; none was typed");
        }
        return pin;
    }

    /** A new PIN: from {@value #NEW_ENV}, else (the first PIN only) {@value #ENV}, else asked twice. */
    char[] chooseNew(boolean first) {
        String fromEnv = env.get(NEW_ENV);
        if ((fromEnv == null || fromEnv.isEmpty()) && first) {
            fromEnv = env.get(ENV);
        }
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console c = console.get().orElseThrow(() -> new UserInputException("tutor set-pin: there is no terminal to ask"
                + " for the new PIN; set " + NEW_ENV + (first ? " (or " + ENV + ")" : "") + " in the environment"));
        char[] a = c.readPassword("New tutor PIN (at least %d characters): ", TutorAuth.MIN_LENGTH);
        char[] b = c.readPassword("The new PIN again: ");
        if (a == null || b == null || !Arrays.equals(a, b)) {
            throw new UserInputException("tutor set-pin: the two entries differ; nothing was changed");
        }
        Arrays.fill(b, '\0');
        return a;
    }

    /**
     * Lets the tutor in or stops the command: no PIN set, no PIN given, or a wrong one (which is counted, so
     * the next try waits longer; the wait is announced on {@code err}).
     */
    void require(LearnerStore store, String action, PrintWriter err) {
        TutorAuth auth = new TutorAuth(store.tutor());
        if (!auth.hasPin()) {
            auth.require(new char[0], action); // says how to set one
        }
        char[] pin = current(action);
        try {
            Duration wait = auth.waitBeforeNextTry();
            if (!wait.isZero()) {
                err.println("control-room: after wrong tutor PINs, the next check waits "
                        + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
                err.flush();
            }
            auth.require(pin, action);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** As {@link #require}, but only once a tutor PIN exists (before that, everyone may). */
    void requireOnceSet(LearnerStore store, String action, PrintWriter err) {
        if (new TutorAuth(store.tutor()).hasPin()) {
            require(store, action, err);
        }
    }

    /**
     * As {@link #requireOnceSet}, and while no PIN exists says on {@code err} that anyone may do it (a
     * tutor action open to everyone until a tutor sets a PIN).
     */
    void requireOnceSetOrSay(LearnerStore store, String action, PrintWriter err) {
        if (new TutorAuth(store.tutor()).hasPin()) {
            require(store, action, err);
        } else {
            err.println("control-room: no tutor PIN is set, so anyone may " + action + "; set one with"
                    + " 'tutor set-pin' to keep it for the tutor");
            err.flush();
        }
    }
}
