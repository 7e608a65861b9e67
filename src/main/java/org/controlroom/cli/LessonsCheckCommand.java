package org.controlroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.controlroom.lesson.pack.LessonLibrary;
import org.controlroom.lesson.pack.TutorLessons;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.ScriptProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lessons check FILE}: checks one lesson script wherever it is (the authoring screen's check): its
 * assets are looked up in its own folder, then in the shipped audio-assets; its rank on the shipped ladder.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Checks one lesson script (assets from its own folder, then audio-assets; ranks from the shipped "
                + "career.yaml).",
                "Exit 0 when valid, 1 with one 'file:line:column: message' line per problem on standard error."})
public final class LessonsCheckCommand extends UsesLessonKinds implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LessonsDirOption lessonsDir;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "FILE", description = "The lesson script.")
    Path file;

    @Override
    public Integer call() {
        String text = LessonsSaveCommand.read(file);
        LessonLibrary library = lessonsDir.library(kinds, db.dataFolder());
        var check = new LessonLoader(kinds.formats()).check(file, text, lessonsDir.assetsDir(), library.catalog().career());
        PrintWriter err = spec.commandLine().getErr();
        for (ScriptProblem p : check.problems()) {
            err.println(p);
        }
        if (check.lesson().isPresent() && check.problems().isEmpty()) {
            var l = check.lesson().get();
            spec.commandLine().getOut().println(Terminal.safe(file.toString()) + ": valid (" + l.id() + ", "
                    + l.kind().id() + ", " + Terminal.safe(l.title()) + ")");
            return ExitCodes.OK;
        }
        spec.commandLine().getOut().println(Terminal.safe(file.toString()) + ": " + check.problems().size()
                + (check.problems().size() == 1 ? " problem" : " problems"));
        return ExitCodes.INVALID;
    }
}
