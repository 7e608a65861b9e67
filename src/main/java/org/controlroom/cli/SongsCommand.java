package org.controlroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code songs} command group: the multitrack song library in {@code audio-assets/songs}. */
@Command(name = "songs",
        mixinStandardHelpOptions = true,
        description = "Checks and lists the multitrack songs (audio-assets/songs/<song>/song.yaml).",
        subcommands = {
                SongsValidateCommand.class,
                SongsListCommand.class,
        })
public final class SongsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "songs: name a subcommand");
    }

    /** DIR as given, else audio-assets/songs beside the lessons folder the other commands find. */
    static Path folder(Path dir) {
        Path d = dir != null ? dir : LessonsDirOption.defaultDir().toAbsolutePath().normalize()
                .resolveSibling("audio-assets").resolve("songs");
        if (!Files.isDirectory(d)) {
            throw new UserInputException("songs folder not found: " + d
                    + " (give the folder that holds one folder per song, e.g. audio-assets/songs)");
        }
        return d;
    }
}
