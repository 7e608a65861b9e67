package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.TutorClass;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code class} command group: the tutor's classes and their learners (each needs the tutor PIN). */
@Command(name = "class", mixinStandardHelpOptions = true,
        description = {"Creates, lists, renames and archives classes; adds and removes their learners.",
                "Needs the tutor PIN ($" + TutorPin.ENV + ", else asked)."},
        subcommands = {ClassCommand.Add.class, ClassCommand.ListClasses.class, ClassCommand.Rename.class,
                ClassCommand.Archive.class, ClassCommand.AddLearner.class, ClassCommand.RemoveLearner.class})
public final class ClassCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "class: name a subcommand");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates a class.")
    static final class Add extends TutorAction {
        @Parameters(index = "0", paramLabel = "NAME", description = "The class's name (unique, any case).")
        String name;

        @Override
        String action() {
            return "class add";
        }

        @Override
        int run(TutorDesk desk, LearnerStore store, PrintWriter out) {
            TutorClass k = desk.addClass(name);
            out.println("Created class '" + k.name() + "'.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the classes with their learners.")
    static final class ListClasses extends TutorAction {
        @Option(names = "--json", description = "Print JSON: an array of {\"name\", \"archived\", \"learners\", \"assignments\"}.")
        boolean json;

        @Override
        String action() {
            return "class list";
        }

        @Override
        int run(TutorDesk desk, LearnerStore store, PrintWriter out) throws com.fasterxml.jackson.core.JsonProcessingException {
            List<TutorDesk.ClassInfo> all = desk.classes();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (TutorDesk.ClassInfo c : all) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", c.tutorClass().name());
                    m.put("archived", c.tutorClass().archived());
                    m.put("learners", c.learners().stream().map(Learner::name).toList());
                    m.put("assignments", c.assignments());
                    rows.add(m);
                }
                out.println(new ObjectMapper().writeValueAsString(rows));
            } else if (all.isEmpty()) {
                out.println("No classes yet. Create one with: control-room class add NAME");
            } else {
                for (TutorDesk.ClassInfo c : all) {
                    out.println(c.tutorClass().name() + (c.tutorClass().archived() ? " (archived)" : "") + " \u2014 "
                            + Words.count(c.learners().size(), "learner") + ", "
                            + Words.count(c.assignments(), "assignment")
                            + (c.learners().isEmpty() ? "" : ": " + String.join(", ",
                            c.learners().stream().map(Learner::name).toList())));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Renames a class; its learners and assignments stay.")
    static final class Rename extends TutorAction {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String newName;

        @Override
        String action() {
            return "class rename";
        }

        @Override
        int run(TutorDesk desk, LearnerStore store, PrintWriter out) {
            String before = desk.tutorClass(name).name();
            TutorClass k = desk.renameClass(name, newName);
            out.println("Renamed class '" + before + "' to '" + k.name() + "'.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = "Archives a class (kept with its learners and assignments, gone from its learners' home);"
                    + " --restore makes it active again.")
    static final class Archive extends TutorAction {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--restore", description = "Make an archived class active again.")
        boolean restore;

        @Override
        String action() {
            return "class archive";
        }

        @Override
        int run(TutorDesk desk, LearnerStore store, PrintWriter out) {
            TutorClass k = desk.archiveClass(name, !restore);
            out.println((restore ? "Restored class '" : "Archived class '") + k.name() + "'.");
            return ExitCodes.OK;
        }
    }

    /** What add-learner and remove-learner share: a class, its learners, one line per learner. */
    abstract static class Membership extends TutorAction {
        @Parameters(index = "0", paramLabel = "CLASS")
        String className;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "LEARNER")
        List<String> learners;

        /** Adds or removes {@code who}; true when that changed the class. */
        abstract boolean change(TutorDesk desk, String className, String who);

        /** The line for {@code who}: {@code changed} says whether the class changed. */
        abstract String line(String who, String className, boolean changed);

        @Override
        int run(TutorDesk desk, LearnerStore store, PrintWriter out) {
            String k = desk.tutorClass(className).name();
            for (String l : learners) {
                String who = desk.learner(l).name();
                out.println(line(who, k, change(desk, k, who)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add-learner", mixinStandardHelpOptions = true, description = "Puts learners in a class.")
    static final class AddLearner extends Membership {
        @Override
        String action() {
            return "class add-learner";
        }

        @Override
        boolean change(TutorDesk desk, String k, String who) {
            return desk.addToClass(k, who);
        }

        @Override
        String line(String who, String k, boolean changed) {
            return changed ? "Added '" + who + "' to class '" + k + "'." : "'" + who + "' is in class '" + k + "' already.";
        }
    }

    @Command(name = "remove-learner", mixinStandardHelpOptions = true,
            description = "Takes learners out of a class (their attempts stay theirs).")
    static final class RemoveLearner extends Membership {
        @Override
        String action() {
            return "class remove-learner";
        }

        @Override
        boolean change(TutorDesk desk, String k, String who) {
            return desk.removeFromClass(k, who);
        }

        @Override
        String line(String who, String k, boolean changed) {
            return changed ? "Took '" + who + "' out of class '" + k + "'." : "'" + who + "' was not in class '" + k + "'.";
        }
    }
}
