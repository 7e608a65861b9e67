package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.lesson.music.MyMusic;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code music add PATH... --learner NAME}: files or folders (their audio files, sub-folders too). */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Adds audio files or folders to the learner's music.",
                "A folder stands for the audio files in it and its sub-folders, as they are when a drill starts."})
public final class MusicAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Audio files (WAV, AIFF, FLAC, MP3, Ogg Vorbis) or folders.")
    List<Path> paths;

    @Option(names = "--learner", required = true, paramLabel = "NAME", description = "Whose music (see 'learner list').")
    String learner;

    @Override
    public Integer call() {
        List<Path> add = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                throw new UserInputException("there is no file or folder at " + Terminal.safe(abs.toString())
                        + "; nothing was added");
            }
            if (!Files.isDirectory(abs) && !AudioFormatKind.hasAudioExtension(abs.getFileName().toString())) {
                throw new UserInputException(Terminal.safe(abs.toString()) + " is not an audio file Control Room reads"
                        + " (WAV, AIFF, FLAC, MP3 or Ogg Vorbis); nothing was added");
            }
            add.add(abs);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            Learner l = MusicCommand.learner(store, learner);
            for (Path p : add) {
                boolean added = store.music().add(l.id(), p);
                String what = Files.isDirectory(p) ? "folder " + Terminal.safe(p.toString()) + " (" + count(p) + ")"
                        : Terminal.safe(p.toString());
                out.println(added ? "Added " + what + " to " + l.name() + "'s music"
                        : what + " is already in " + l.name() + "'s music");
            }
            out.println("Check it with: control-room music list --learner \"" + l.name() + "\"");
            return ExitCodes.OK;
        }
    }

    private static String count(Path folder) {
        int n = MyMusic.files(List.of(folder)).size();
        return n == 1 ? "1 audio file" : n + " audio files";
    }
}
