package org.controlroom.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.controlroom.lesson.music.MyMusic;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code music remove PATH --learner NAME}: forgets a file or folder that was added (the file stays on disk). */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Forgets a file or folder added to the learner's music (nothing is deleted from the disk).")
public final class MusicRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "PATH", description = "A file or folder as added (see 'music list').")
    Path path;

    @Option(names = "--learner", required = true, paramLabel = "NAME", description = "Whose music (see 'learner list').")
    String learner;

    @Override
    public Integer call() {
        Path abs = path.toAbsolutePath().normalize();
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            Learner l = MusicCommand.learner(store, learner);
            if (store.music().remove(l.id(), abs)) {
                spec.commandLine().getOut().println("Removed " + Terminal.safe(abs.toString()) + " from " + l.name()
                        + "'s music");
                return ExitCodes.OK;
            }
            for (Path added : store.music().list(l.id())) {
                if (!added.equals(abs) && MyMusic.files(List.of(added)).contains(abs)) {
                    throw new UserInputException(Terminal.safe(abs.toString()) + " is in " + l.name()
                            + "'s music as part of the folder " + Terminal.safe(added.toString())
                            + "; remove the folder, or move the file out of it");
                }
            }
            throw new UserInputException(Terminal.safe(abs.toString()) + " is not in " + l.name()
                    + "'s music (see: music list --learner \"" + l.name() + "\")");
        }
    }
}
