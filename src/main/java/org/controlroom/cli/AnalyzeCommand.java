package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code analyze} command group; its subcommands are registered in {@code subcommands}. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Measures audio files: loudness, spectrum, a mix against a reference, takes.",
        subcommands = {
                AnalyzeLoudnessCommand.class,
                AnalyzeSpectrumCommand.class,
                AnalyzeMixCommand.class,
                AnalyzeTakeCommand.class,
        })
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "analyze: name a subcommand");
    }
}
