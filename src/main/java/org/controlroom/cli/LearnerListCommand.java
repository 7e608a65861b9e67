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
            PrintWriter err = spec.commandLine().getErr();
            for (Learner l : all) {
                out.println(l.name() + l.createdAt().map(t -> "\t(since " + t.toString().substring(0, 10) + ")").orElse(""));
                l.problem().ifPresent(p -> err.println("control-room: " + p));
            }
            err.flush();
            return ExitCodes.OK;
        }
    }
}
