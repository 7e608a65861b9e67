package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.tutor.DueDates;
import org.controlroom.lesson.tutor.GradeCell;
import org.controlroom.lesson.tutor.Gradebook;
import org.controlroom.lesson.tutor.GradebookCsv;
import org.controlroom.lesson.tutor.GradebookHtml;
import org.controlroom.lesson.tutor.ReportCharts;
import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.DrillTrial;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gradebook [--class NAME] [--csv FILE] [--html FILE] [--json]} (tutor PIN). */
@Command(name = "gradebook", mixinStandardHelpOptions = true,
        description = {"Learners x assignments: best and last score, attempts, time spent, state and lateness.",
                "--csv writes one row per learner and assignment; --html a printable report per learner with charts.",
                "Needs the tutor PIN ($" + TutorPin.ENV + ", else asked)."})
public final class GradebookCommand extends TutorAction {

    @Mixin
    LessonsDirOption lessons;

    @Option(names = "--class", paramLabel = "NAME", description = "One class only (its learners and their assignments).")
    String className;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the gradebook as CSV (columns in the README).")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a printable per-learner report (HTML).")
    Path html;

    @Option(names = "--json", description = "Print the cells as JSON (the CSV's columns as keys).")
    boolean json;

    @Override
    String action() {
        return "gradebook";
    }

    @Override
    int run(TutorDesk desk, LearnerStore store, PrintWriter out) throws java.io.IOException {
        ZoneId zone = ZoneId.systemDefault();
        Gradebook book = desk.gradebook(Optional.ofNullable(className), hashes(lessons.library(kinds, db.dataFolder()).catalog()));
        if (csv != null) {
            writeFile(csv, "--csv", w -> GradebookCsv.write(book, w));
        }
        if (html != null) {
            Map<Long, List<DrillTrial>> trials = new HashMap<>();
            for (Learner l : book.learners()) {
                trials.put(l.id(), store.attempts().drillTrials(l.id()));
            }
            Optional<ReportCharts> charts = ReportCharts.find();
            writeFile(html, "--html", w -> GradebookHtml.write(book, trials, charts, zone, w));
            if (charts.isEmpty()) {
                spec.commandLine().getErr().println("control-room: this build draws no charts; the report has its tables");
            }
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            book.cells().forEach(c -> rows.add(row(c)));
            out.println(new ObjectMapper().writeValueAsString(rows));
            return ExitCodes.OK;
        }
        if (book.cells().isEmpty()) {
            out.println("No assignments given yet" + (className != null ? " in class '" + className + "'" : "")
                    + ". Give one with: control-room assign LESSON_ID --class NAME --due DATE");
        } else {
            out.println(String.format(Locale.ROOT, "%-18s %-5s %-28s %-10s %-12s %6s %6s %4s %10s %10s",
                    "learner", "#", "lessons", "due", "state", "best", "last", "try", "time", "late by"));
            for (GradeCell c : book.cells()) {
                out.println(String.format(Locale.ROOT, "%-18s %-5s %-28s %-10s %-12s %6s %6s %4d %10s %10s",
                        cut(c.learner().name(), 18), "#" + c.assignment().id(),
                        cut(String.join(",", c.assignment().lessonIds()), 28), DueDates.show(c.assignment().dueAt(), zone),
                        c.state().words(), c.best().map(GradebookCommand::trim).orElse("-"),
                        c.last().map(GradebookCommand::trim).orElse("-"), c.attempts(),
                        GradebookHtml.duration(c.timeSpent()), c.lateBy().isZero() ? "-" : GradebookHtml.duration(c.lateBy())));
            }
        }
        if (csv != null) {
            out.println("Wrote " + Words.count(book.cells().size(), "row") + " to " + csv);
        }
        if (html != null) {
            out.println("Wrote the report for " + Words.count(book.learners().size(), "learner") + " to " + html);
        }
        return ExitCodes.OK;
    }

    /** A cell as JSON: the CSV's columns. */
    static Map<String, Object> row(GradeCell c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learner", c.learner().name());
        m.put("class", c.className().orElse(null));
        m.put("assignment_id", c.assignment().id());
        m.put("lessons", c.assignment().lessonIds());
        m.put("due_at", c.assignment().dueAt().toString());
        m.put("pass_mark", c.assignment().passMark().isPresent() ? c.assignment().passMark().getAsDouble() : null);
        m.put("state", c.state().words());
        m.put("best_score", c.best().orElse(null));
        m.put("last_score", c.last().orElse(null));
        m.put("attempts", c.attempts());
        m.put("time_spent_s", c.timeSpent().toSeconds());
        m.put("completed_at", c.completedAt().map(Object::toString).orElse(null));
        m.put("late", c.late());
        m.put("late_by_s", c.lateBy().toSeconds());
        return m;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
