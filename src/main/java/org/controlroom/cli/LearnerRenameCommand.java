package org.controlroom.cli;

import java.util.concurrent.Callable;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code learner rename NAME NEW_NAME}: attempts, progress, sessions and music stay the learner's. */
@Command(name = "rename", mixinStandardHelpOptions = true,
        description = "Renames a learner; their attempts, progress, sessions and music stay theirs.")
public final class LearnerRenameCommand implements Callable<Integer>, UsesTutorPin {

    private TutorPin pin = TutorPin.system();

    @Override
    public void use(TutorPin p) {
        pin = p;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "NAME", description = "The learner's name now (any case).")
    String name;

    @Parameters(index = "1", paramLabel = "NEW_NAME", description = "The new name (unique, any case).")
    String newName;

    @Override
    public Integer call() {
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            // once a tutor exists, changing a learner's name or data is the tutor's (learner add stays open)
            pin.requireOnceSet(store, "learner rename", spec.commandLine().getErr());
            String before = store.learners().findByName(name).map(Learner::name).orElse(name);
            Learner l = store.learners().rename(name, newName);
            spec.commandLine().getOut().println("Renamed learner '" + before + "' to '" + l.name() + "' in " + store.file());
            return ExitCodes.OK;
        }
    }
}
