package org.controlroom.lesson.tutor;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gradebook as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, quotes
 * doubled, CRLF line ends, UTF-8), one row per learner and assignment, under a header row of
 * {@link #COLUMNS}. Times are ISO-8601 in UTC; scores 0–100 with one decimal; an empty field means "none".
 */
public final class GradebookCsv {

    /** The columns, in order (documented in the README's tutor section). */
    public static final List<String> COLUMNS = List.of("learner", "class", "assignment_id", "lessons", "due_at",
            "pass_mark", "state", "best_score", "last_score", "attempts", "time_spent_s", "completed_at", "late",
            "late_by_s");

    private GradebookCsv() {
    }

    public static void write(Gradebook book, Writer out) throws IOException {
        line(out, COLUMNS);
        for (GradeCell c : book.cells()) {
            line(out, List.of(
                    c.learner().name(),
                    c.className().orElse(""),
                    Long.toString(c.assignment().id()),
                    String.join(" ", c.assignment().lessonIds()),
                    c.assignment().dueAt().toString(),
                    c.assignment().passMark().isPresent() ? score(Optional.of(c.assignment().passMark().getAsDouble())) : "",
                    c.state().words(),
                    score(c.best()),
                    score(c.last()),
                    Integer.toString(c.attempts()),
                    Long.toString(c.timeSpent().toSeconds()),
                    c.completedAt().map(Object::toString).orElse(""),
                    Boolean.toString(c.late()),
                    Long.toString(c.lateBy().toSeconds())));
        }
        out.flush();
    }

    static String score(Optional<Double> s) {
        return s.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("");
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String field) {
        // a leading = + - @ would make a spreadsheet run the field as a formula: prefix a quote mark
        String f = !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 && !field.matches("-?[0-9.]+")
                ? "'" + field : field;
        if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
            return '"' + f.replace("\"", "\"\"") + '"';
        }
        return f;
    }
}
