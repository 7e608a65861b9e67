package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code learner} command group; its subcommands are registered in {@code subcommands}. */
@Command(name = "learner",
        mixinStandardHelpOptions = true,
        description = "Adds, lists, renames and removes learners.",
        subcommands = {
                LearnerAddCommand.class,
                LearnerListCommand.class,
                LearnerRenameCommand.class,
                LearnerRemoveCommand.class,
        })
public final class LearnerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "learner: name a subcommand");
    }
}
