package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code learner list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the learners.")
public final class LearnerListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            List<Learner> all = store.learners().list();
            if (all.isEmpty()) {
                out.println("No learners yet. Add one with: control-room learner add NAME");
            }
            for (Learner l : all) {
                out.println(l.name() + "\t(since " + l.createdAt().toString().substring(0, 10) + ")");
            }
            return ExitCodes.OK;
        }
    }
}
