package org.controlroom.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.lesson.tutor.DueDates;
import org.controlroom.lesson.tutor.GradeCell;
import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.Assignment;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assignments --learner NAME}: a learner's assignments with their state (no PIN: it changes nothing);
 * {@code assignments} alone lists every assignment and {@code --remove ID} deletes one (tutor PIN).
 */
@Command(name = "assignments", mixinStandardHelpOptions = true,
        description = {"With --learner: a learner's assignments and their state (not started, in progress, passed,"
                + " late).", "Without: every assignment (tutor PIN); --remove ID deletes one (tutor PIN)."})
public final class AssignmentsCommand extends TutorAction {

    @Mixin
    LessonsDirOption lessons;

    @Option(names = "--learner", paramLabel = "NAME", description = "The learner whose assignments to show.")
    String learner;

    @Option(names = "--remove", paramLabel = "ID", description = "Delete assignment ID (its attempts stay).")
    Long remove;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    String action() {
        return remove != null ? "assignments --remove" : "assignments";
    }

    @Override
    boolean needsPin() {
        return learner == null || remove != null;
    }

    @Override
    int run(TutorDesk desk, LearnerStore store, PrintWriter out) throws JsonProcessingException {
        ZoneId zone = ZoneId.systemDefault();
        if (remove != null) {
            if (learner != null) {
                throw new UserInputException("assignments: give --remove ID or --learner NAME, not both");
            }
            if (!desk.unassign(remove)) {
                throw new UserInputException("no assignment #" + remove + " (see 'assignments')");
            }
            out.println("Deleted assignment #" + remove + "; its attempts stay.");
            return ExitCodes.OK;
        }
        if (learner != null) {
            Learner l = desk.learner(learner);
            List<GradeCell> cells = TutorDesk.assignmentsOf(store, l, hashes(lessons.library(kinds, db.dataFolder()).catalog()),
                    Clock.systemUTC().instant());
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (GradeCell c : cells) {
                    Map<String, Object> m = GradebookCommand.row(c);
                    rows.add(m);
                }
                out.println(new ObjectMapper().writeValueAsString(rows));
            } else if (cells.isEmpty()) {
                out.println("No assignments for " + l.name() + ".");
            } else {
                for (GradeCell c : cells) {
                    out.println("#" + c.assignment().id() + " " + String.join(", ", c.assignment().lessonIds())
                            + " \u2014 due " + DueDates.show(c.assignment().dueAt(), zone) + " \u2014 " + c.state().words()
                            + c.best().map(b -> ", best " + GradebookCommand.trim(b)).orElse("")
                            + c.className().map(k -> " (class " + k + ")").orElse(""));
                }
            }
            return ExitCodes.OK;
        }
        Map<Assignment, String> all = desk.assignments();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            all.forEach((a, who) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("assignment_id", a.id());
                m.put("lessons", a.lessonIds());
                m.put("for", who);
                m.put("due_at", a.dueAt().toString());
                m.put("pass_mark", a.passMark().isPresent() ? a.passMark().getAsDouble() : null);
                rows.add(m);
            });
            out.println(new ObjectMapper().writeValueAsString(rows));
        } else if (all.isEmpty()) {
            out.println("No assignments yet. Give one with: control-room assign LESSON_ID --class NAME --due DATE");
        } else {
            all.forEach((a, who) -> out.println("#" + a.id() + " " + String.join(", ", a.lessonIds()) + " \u2014 " + who
                    + " \u2014 due " + DueDates.show(a.dueAt(), zone)
                    + (a.passMark().isPresent() ? ", pass mark " + GradebookCommand.trim(a.passMark().getAsDouble()) : "")));
        }
        return ExitCodes.OK;
    }
}
