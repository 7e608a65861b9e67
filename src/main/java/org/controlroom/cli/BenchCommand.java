package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code bench} command group; its subcommands are registered in {@code subcommands}. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: mixer, store, decode, mix-score, live-mix, drill, analyze-take. Results are printed; record them in the README with the machine.",
        subcommands = {
                BenchMixerCommand.class,
                BenchStoreCommand.class,
                BenchDecodeCommand.class,
                BenchMixScoreCommand.class,
                BenchLiveMixCommand.class,
                BenchDrillCommand.class,
                BenchAnalyzeTakeCommand.class,
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "bench: name a subcommand");
    }
}
