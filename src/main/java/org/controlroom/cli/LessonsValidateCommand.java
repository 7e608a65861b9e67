package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.ScriptProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lessons validate [DIR]}: checks every lesson script and career.yaml. Problems go to standard
 * error, one {@code file:line:column: message} line each; the summary goes to standard output.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Checks every lesson script under DIR and its career.yaml; assets are looked up in the "
                + "lesson's own folder and in DIR/../audio-assets.",
                "Exit 0 when all are valid, 1 with one 'file:line:column: message' line per problem on standard "
                        + "error, 2 when DIR does not exist."})
public final class LessonsValidateCommand extends UsesLessonKinds implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The lessons folder (default: ./lessons, else the lessons beside the program).")
    Path dir;

    @Override
    public Integer call() {
        LessonCatalog catalog = LessonsFolder.of(dir != null ? dir : LessonsDirOption.defaultDir()).load(kinds);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ScriptProblem p : catalog.problems()) {
            err.println(p);
        }
        int lessons = catalog.lessons().size();
        if (catalog.valid()) {
            out.println(lessons + (lessons == 1 ? " lesson" : " lessons") + " valid");
            return ExitCodes.OK;
        }
        long files = catalog.problems().stream().map(ScriptProblem::file).distinct().count();
        int problems = catalog.problems().size();
        out.println(lessons + (lessons == 1 ? " lesson" : " lessons") + " valid; " + problems
                + (problems == 1 ? " problem" : " problems") + " in " + files + (files == 1 ? " file" : " files"));
        return ExitCodes.INVALID;
    }
}
