package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code pack} command group: lesson packs to share lessons between machines. */
@Command(name = "pack",
        mixinStandardHelpOptions = true,
        description = "Exports lessons into a pack (a zip with a manifest of checksums) and imports packs.",
        subcommands = {
                PackExportCommand.class,
                PackImportCommand.class,
        })
public final class PackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "pack: name a subcommand (export or import)");
    }
}
