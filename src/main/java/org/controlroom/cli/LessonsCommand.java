package org.controlroom.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code lessons} command group; its subcommands are registered in {@code subcommands}. */
@Command(name = "lessons",
        mixinStandardHelpOptions = true,
        description = "Checks and lists scenario scripts.",
        subcommands = {
                LessonsValidateCommand.class,
                LessonsListCommand.class,
                LessonsCheckCommand.class,
                LessonsSaveCommand.class,
        })
public final class LessonsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "lessons: name a subcommand");
    }
}
