package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.controlroom.lesson.tutor.TutorAuth;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code tutor} command group: the tutor's PIN. */
@Command(name = "tutor", mixinStandardHelpOptions = true,
        description = {"The tutor profile: its PIN or passphrase.",
                "Tutor commands (class, assign, assignments, gradebook, and learner rename/remove once a tutor exists)"
                        + " read the PIN from $" + TutorPin.ENV + ", else ask for it without echo."},
        subcommands = {TutorCommand.SetPin.class, TutorCommand.Status.class})
public final class TutorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "tutor: name a subcommand");
    }

    /** {@code tutor set-pin}: the first PIN, or a new one (the old one first). */
    @Command(name = "set-pin", mixinStandardHelpOptions = true,
            description = {"Sets the tutor PIN the first time; changing it needs the old one.",
                    "The old PIN comes from $" + TutorPin.ENV + ", the new one from $" + TutorPin.NEW_ENV
                            + " (the first time also $" + TutorPin.ENV + "), else both are asked without echo."})
    static final class SetPin implements Callable<Integer>, UsesTutorPin {

        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        private TutorPin pin = TutorPin.system();

        @Override
        public void use(TutorPin p) {
            pin = p;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LearnerStore store = db.open(spec.commandLine().getErr())) {
                TutorAuth auth = new TutorAuth(store.tutor());
                if (!auth.hasPin()) {
                    char[] fresh = pin.chooseNew(true);
                    try {
                        auth.setFirstPin(fresh);
                    } finally {
                        Arrays.fill(fresh, '\0');
                    }
                    out.println("Tutor PIN set in " + store.file() + ". Tutor commands now ask for it.");
                    return ExitCodes.OK;
                }
                char[] old = pin.current("tutor set-pin");
                char[] fresh = pin.chooseNew(false);
                try {
                    auth.changePin(old, fresh);
                } finally {
                    Arrays.fill(old, '\0');
                    Arrays.fill(fresh, '\0');
                }
                out.println("Tutor PIN changed in " + store.file() + ".");
                return ExitCodes.OK;
            }
        }
    }

    /** {@code tutor status}: whether a PIN is set and how many wrong ones were given since the last right one. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Says whether a tutor PIN is set, and how many wrong PINs were given since the last right one.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            try (LearnerStore store = db.open(spec.commandLine().getErr())) {
                TutorAuth auth = new TutorAuth(store.tutor());
                PrintWriter out = spec.commandLine().getOut();
                if (!auth.hasPin()) {
                    out.println("No tutor PIN is set in " + store.file() + " (set one with: control-room tutor set-pin).");
                } else {
                    int n = auth.failures();
                    out.println("A tutor PIN is set in " + store.file() + "; " + Words.count(n, "wrong PIN")
                            + " since the last right one" + (n == 0 ? "." : "; the next check waits up to "
                            + TutorAuth.delayAfter(n).toSeconds() + " s after the last."));
                }
                return ExitCodes.OK;
            }
        }
    }
}
