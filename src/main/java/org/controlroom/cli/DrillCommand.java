package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code drill} command group: ear-training drills with the learner's own settings. */
@Command(name = "drill",
        mixinStandardHelpOptions = true,
        description = "Ear-training drills on your own settings (practice mode).",
        subcommands = {
                DrillPracticeCommand.class,
        })
public final class DrillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "drill: name a subcommand (practice)");
    }
}
