package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code scenario} command group; its subcommands are registered in {@code subcommands}. */
@Command(name = "scenario",
        mixinStandardHelpOptions = true,
        description = "Plays scenarios and drills headless.",
        subcommands = {
                ScenarioPlayCommand.class,
        })
public final class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "scenario: name a subcommand");
    }
}
