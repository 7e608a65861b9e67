package org.controlroom.cli;

import java.util.concurrent.Callable;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code music} command group ("My music"); its subcommands are registered in {@code subcommands}. */
@Command(name = "music",
        mixinStandardHelpOptions = true,
        description = {"The learner's own music (\"My music\"): files and folders a drill that allows it plays on.",
                "Remembered per learner in the learner database; 'scenario play' uses it on its own."},
        subcommands = {
                MusicAddCommand.class,
                MusicListCommand.class,
                MusicRemoveCommand.class,
        })
public final class MusicCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "music: name a subcommand");
    }

    /** The learner called {@code name}, or a one-line error saying how to add them. */
    static Learner learner(LearnerStore store, String name) {
        return store.learners().findByName(name).orElseThrow(() -> new UserInputException(
                "no learner called '" + name + "'; add one with: learner add \"" + name + "\""));
    }
}
