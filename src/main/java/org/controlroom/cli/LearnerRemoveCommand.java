package org.controlroom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.controlroom.lesson.practice.LearnerExport;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code learner remove NAME (--export FILE | --discard-attempts)}: removes a learner and everything stored
 * for them; their attempts are first written to FILE (JSON), or thrown away only when the user says so.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Removes a learner with their attempts, progress, sessions and music list.",
                "Give --export FILE to keep their attempts in a JSON file first, or --discard-attempts to confirm"
                        + " they may go."})
public final class LearnerRemoveCommand implements Callable<Integer>, UsesTutorPin {

    private TutorPin pin = TutorPin.system();

    @Override
    public void use(TutorPin p) {
        pin = p;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "NAME", description = "The learner to remove (any case).")
    String name;

    @Option(names = "--export", paramLabel = "FILE",
            description = "Write the learner's attempts and answers to FILE (JSON) before removing them.")
    Path export;

    @Option(names = "--discard-attempts",
            description = "Confirm the learner's attempts may be removed without an export.")
    boolean discard;

    @Override
    public Integer call() {
        if (export == null && !discard) {
            throw new UserInputException("learner remove: removing '" + name + "' removes their attempts too; give"
                    + " --export FILE to keep them in a file first, or --discard-attempts to confirm");
        }
        if (export != null && java.nio.file.Files.isDirectory(export)) {
            throw new UserInputException("--export " + export + " is a folder; give a file name, e.g. "
                    + export.resolve(name + "-attempts.json"));
        }
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            // once a tutor exists, changing a learner's name or data is the tutor's (learner add stays open)
            pin.requireOnceSet(store, "learner remove", spec.commandLine().getErr());
            Learner who = store.learners().findByName(name)
                    .orElseThrow(() -> new StoreException("no learner called '" + name + "' (see 'learner list')"));
            String kept = "";
            if (export != null) {
                int n = LearnerExport.write(store, who.name(), export);
                kept = "; " + Words.count(n, "attempt") + " exported to " + export;
            }
            store.learners().remove(who.name());
            spec.commandLine().getOut().println("Removed learner '" + who.name() + "' from " + store.file() + kept);
            return ExitCodes.OK;
        }
    }
}
