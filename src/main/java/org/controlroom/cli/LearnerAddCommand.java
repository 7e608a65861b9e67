package org.controlroom.cli;

import java.util.concurrent.Callable;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learner add NAME}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a learner.")
public final class LearnerAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "NAME", description = "The learner's name (unique, any case).")
    String name;

    @Override
    public Integer call() {
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            Learner l = store.learners().add(name);
            spec.commandLine().getOut().println("Added learner '" + l.name() + "' to " + store.where());
            return ExitCodes.OK;
        }
    }
}
