package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.controlroom.lesson.script.ScriptProblem;
import org.controlroom.lesson.script.SongLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code songs validate [DIR]}: checks every song manifest; problems as file:line:column lines. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Checks every DIR/<song>/song.yaml: fields and types, the form (sections follow each other "
                + "from bar 0), stems (names, roles, files inside the song's folder and readable as audio), the "
                + "melody and the licences.",
                "Exit 0 when all are valid, 1 with one 'file:line:column: message' line per problem on standard "
                        + "error, 2 when DIR does not exist."})
public final class SongsValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The songs folder (default: audio-assets/songs beside the lessons).")
    Path dir;

    @Override
    public Integer call() {
        SongLoader.Library library = SongLoader.loadAll(SongsCommand.folder(dir));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ScriptProblem p : library.problems()) {
            err.println(p);
        }
        int songs = library.songs().size();
        String summary = songs + (songs == 1 ? " song" : " songs") + " valid";
        if (library.valid()) {
            out.println(summary);
            return ExitCodes.OK;
        }
        long files = library.problems().stream().map(ScriptProblem::file).distinct().count();
        int problems = library.problems().size();
        out.println(summary + "; " + problems + (problems == 1 ? " problem" : " problems") + " in " + files
                + (files == 1 ? " file" : " files"));
        return ExitCodes.INVALID;
    }
}
