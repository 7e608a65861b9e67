package org.controlroom.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;

import org.controlroom.lesson.tutor.DueDates;
import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.Assignment;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assign LESSON_ID... (--class NAME | --learner NAME) --due DATE [--pass-mark N]}. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Assigns lessons to a class or a learner, due by a date, with a pass mark.",
                "Needs the tutor PIN ($" + TutorPin.ENV + ", else asked)."})
public final class AssignCommand extends TutorAction {

    @Mixin
    LessonsDirOption lessons;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "LESSON_ID", description = "The lessons (see 'lessons list').")
    List<String> lessonIds;

    static final class Target {
        @Option(names = "--class", paramLabel = "NAME", required = true, description = "Assign to a class.")
        String className;
        @Option(names = "--learner", paramLabel = "NAME", required = true, description = "Assign to one learner.")
        String learner;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--due", paramLabel = "DATE", required = true,
            description = "YYYY-MM-DD: due by the end of that day (this computer's time zone); or YYYY-MM-DDTHH:MM.")
    String due;

    @Option(names = "--pass-mark", paramLabel = "N",
            description = "The score (0-100) each lesson must reach (default: each lesson's own pass mark).")
    Double passMark;

    @Override
    String action() {
        return "assign";
    }

    @Override
    int run(TutorDesk desk, LearnerStore store, PrintWriter out) {
        ZoneId zone = ZoneId.systemDefault();
        var dueAt = DueDates.parse(due, zone);
        if (passMark != null && (!Double.isFinite(passMark) || passMark < 0 || passMark > 100)) {
            throw new UserInputException("--pass-mark " + passMark + ": a pass mark is a score from 0 to 100");
        }
        TutorDesk.Target to = target.className != null ? new TutorDesk.ToClass(target.className)
                : new TutorDesk.ToLearner(target.learner);
        // with the data folder's tutor lessons and packs
        org.controlroom.lesson.script.LessonCatalog catalog = lessons.library(kinds, db.dataFolder()).catalog();
        Assignment a = desk.assign(lessonIds, to, dueAt,
                passMark == null ? OptionalDouble.empty() : OptionalDouble.of(passMark), hashes(catalog));
        // an assignment does not lift a lesson's rank gate: say so, so the tutor is not surprised
        catalog.career().ifPresent(ladder -> a.lessonIds().forEach(id -> catalog.lesson(id).ifPresent(l -> {
            if (ladder.indexOf(l.rank()) > 0) {
                ladder.rank(l.rank()).ifPresent(r -> spec.commandLine().getErr().println("control-room: note: '" + id
                        + "' opens at the rank " + r.name() + " (" + r.xp() + " XP); a learner below it cannot play it yet"));
            }
        })));
        out.println("Assignment #" + a.id() + ": " + String.join(", ", a.lessonIds()) + " for "
                + (target.className != null ? "class '" + desk.tutorClass(target.className).name() + "'"
                : "'" + desk.learner(target.learner).name() + "'") + ", due " + DueDates.show(a.dueAt(), zone)
                + (a.passMark().isPresent() ? ", pass mark " + GradebookCommand.trim(a.passMark().getAsDouble()) : "")
                + ".");
        return ExitCodes.OK;
    }
}
