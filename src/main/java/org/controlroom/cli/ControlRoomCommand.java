package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root of the command line. Each subcommand lives in its own class; register it in
 * {@code subcommands} below.
 *
 * <p>Exit codes follow DESIGN.md: 0 success, 1 "checked and found invalid", 2 bad usage or input.
 */
@Command(name = "control-room",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Control Room: ear training and producer training. Without arguments the app opens.",
        subcommands = {
                CommandLine.HelpCommand.class,
                RenderCommand.class,
                AnalyzeCommand.class,
                BenchCommand.class,
                LessonsCommand.class,
                SongsCommand.class,
                LearnerCommand.class,
                ProgressCommand.class,
                ScenarioCommand.class,
        })
public final class ControlRoomCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = newCommandLine(out, err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ControlRoomCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(new OneLineErrors());
        return cl;
    }
}
