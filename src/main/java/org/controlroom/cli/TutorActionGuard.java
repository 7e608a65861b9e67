package org.controlroom.cli;

import java.io.Console;
import java.io.PrintWriter;

import org.controlroom.lesson.tutor.TutorAuth;
import org.controlroom.lesson.tutor.TutorException;
import org.controlroom.store.LearnerStore;

/**
 * The tutor's PIN before a tutor action of the command line (pack import, saving a lesson into the
 * tutor's folder): read from {@value #ENV} for scripted use, else asked at the terminal without echo.
 * Before any tutor PIN is set the action is allowed, and the command says so.
 */
final class TutorActionGuard {
    static final String ENV = "CONTROL_ROOM_TUTOR_PIN";

    private TutorActionGuard() {
    }

    /**
     * @throws UserInputException when the PIN is wrong (after the slowdown wrong PINs earn) or cannot be asked for
     */
    static void require(LearnerStore store, String action, PrintWriter err, java.util.function.Function<String, String> env) {
        TutorAuth auth = new TutorAuth(store.tutor());
        if (!auth.hasPin()) {
            err.println("control-room: no tutor PIN is set, so anyone may " + action
                    + "; set one with 'tutor set-pin' to keep it for the tutor");
            err.flush();
            return;
        }
        String given = env.apply(ENV);
        char[] pin;
        if (given != null && !given.isEmpty()) {
            pin = given.toCharArray();
        } else {
            Console console = System.console();
            if (console == null) {
                throw new UserInputException("to " + action + " give the tutor's PIN: set " + ENV
                        + " or run it at a terminal");
            }
            pin = console.readPassword("Tutor PIN: ");
            if (pin == null) {
                throw new UserInputException("no tutor PIN given; nothing done");
            }
        }
        try {
            auth.require(pin, action);
        } catch (TutorException e) {
            throw new UserInputException(e.getMessage());
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }
}
