package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.controlroom.lesson.run.LessonKinds;

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
                MusicCommand.class,
                DrillCommand.class,
                ProgressCommand.class,
                ScenarioCommand.class,
                MixCommand.class,
                TutorCommand.class,
                ClassCommand.class,
                AssignCommand.class,
                AssignmentsCommand.class,
                GradebookCommand.class,
                PackCommand.class,
                CareerCommand.class,
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
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, LessonKinds.builtIn(), args);
        // PrintStream swallows write errors too: ask it as well (a full disk, a closed pipe, /dev/full)
        return outputFailed(code, out.checkError() || System.out.checkError(), err);
    }

    /**
     * Runs the command line with the given streams (tests capture them). When the standard output
     * could not be written (PrintWriter keeps that to itself until asked), the run has failed: exit
     * code 2 and one line on standard error, whatever the command returned.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, LessonKinds.builtIn(), args);
    }

    /** Runs the command line with the given streams and lesson kinds (a test registers its own kind). */
    public static int run(PrintWriter out, PrintWriter err, LessonKinds kinds, String... args) {
        int code = execute(out, err, kinds, TutorPin.system(), args);
        return outputFailed(code, out.checkError(), err);
    }

    /** Runs the command line with the given streams and where the tutor PIN comes from (tests pass an environment). */
    public static int run(PrintWriter out, PrintWriter err, TutorPin pin, String... args) {
        int code = execute(out, err, LessonKinds.builtIn(), pin, args);
        return outputFailed(code, out.checkError(), err);
    }

    private static int execute(PrintWriter out, PrintWriter err, LessonKinds kinds, String... args) {
        return execute(out, err, kinds, TutorPin.system(), args);
    }

    private static int execute(PrintWriter out, PrintWriter err, LessonKinds kinds, TutorPin pin, String... args) {
        CommandLine cl = newCommandLine(out, err, kinds, pin);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int outputFailed(int code, boolean outputFailed, PrintWriter err) {
        if (!outputFailed) {
            return code;
        }
        if (code != ExitCodes.USAGE) {
            // a command that failed already said why in its own line
            err.println("control-room: could not write to standard output (the disk may be full or the "
                    + "output closed); the output is incomplete");
            err.flush();
        }
        return ExitCodes.USAGE;
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, LessonKinds.builtIn());
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, LessonKinds kinds) {
        return newCommandLine(out, err, kinds, TutorPin.system());
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, LessonKinds kinds, TutorPin pin) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = defaults.create(cls);
                if (made instanceof UsesLessonKinds k) {
                    k.use(kinds);
                }
                if (made instanceof UsesTutorPin t) {
                    t.use(pin);
                }
                return made;
            }
        };
        CommandLine cl = new CommandLine(new ControlRoomCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(new OneLineErrors());
        return cl;
    }
}
