package org.controlroom.lesson.tutor;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.controlroom.store.DrillTrial;
import org.controlroom.store.Learner;

/**
 * The printable report: one page per learner (a page break between learners when printed) with their
 * assignments, each lesson's standing, every attempt, and the charts ({@link ReportCharts}) as PNG
 * pictures inside the file (data URIs), so the one HTML file is the whole report.
 */
public final class GradebookHtml {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private GradebookHtml() {
    }

    /**
     * @param trials each learner's drill answers (for the progress charts), by learner id
     */
    public static void write(Gradebook book, Map<Long, List<DrillTrial>> trials, Optional<ReportCharts> charts,
                             ZoneId zone, Writer out) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Control Room \u2014 report</title>\n")
                .append("<style>\nbody{font-family:sans-serif;margin:2em;color:#111}\n")
                .append("section.learner{page-break-after:always;break-after:page}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.2em}\n")
                .append("th,td{border:1px solid #999;padding:3px 8px;text-align:left;font-size:0.9em}\n")
                .append("th{background:#eee}\n.late{color:#a00;font-weight:bold}\n.passed{color:#060;font-weight:bold}\n")
                .append("img{max-width:100%;margin:0.3em 0}\n</style></head><body>\n");
        h.append("<p>Report written ").append(esc(WHEN.format(book.at().atZone(zone)))).append(" (")
                .append(esc(zone.getId())).append(")</p>\n");
        if (book.learners().isEmpty()) {
            h.append("<p>No learner has an assignment.</p>\n");
        }
        for (Learner l : book.learners()) {
            List<GradeCell> cells = book.cellsOf(l.id());
            h.append("<section class=\"learner\">\n<h1>").append(esc(l.name())).append("</h1>\n");
            h.append("<h2>Assignments</h2>\n<table><tr><th>Assignment</th><th>Class</th><th>Lessons</th><th>Due</th>")
                    .append("<th>Pass mark</th><th>State</th><th>Best</th><th>Last</th><th>Attempts</th>")
                    .append("<th>Time spent</th><th>Late by</th></tr>\n");
            for (GradeCell c : cells) {
                h.append("<tr><td>#").append(c.assignment().id()).append("</td><td>")
                        .append(esc(c.className().orElse("\u2014"))).append("</td><td>")
                        .append(esc(String.join(", ", c.assignment().lessonIds()))).append("</td><td>")
                        .append(esc(DueDates.show(c.assignment().dueAt(), zone))).append("</td><td>")
                        .append(c.assignment().passMark().isPresent()
                                ? GradebookCsv.score(Optional.of(c.assignment().passMark().getAsDouble())) : "lesson's own")
                        .append("</td><td class=\"").append(c.state() == AssignmentState.LATE ? "late"
                                : c.state() == AssignmentState.PASSED ? "passed" : "").append("\">")
                        .append(esc(c.state().words())).append("</td><td>").append(dash(GradebookCsv.score(c.best())))
                        .append("</td><td>").append(dash(GradebookCsv.score(c.last()))).append("</td><td>")
                        .append(c.attempts()).append("</td><td>").append(esc(duration(c.timeSpent())))
                        .append("</td><td>").append(c.lateBy().isZero() ? "\u2014" : esc(duration(c.lateBy())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (GradeCell c : cells) {
                h.append("<h3>Assignment #").append(c.assignment().id()).append(" \u2014 ")
                        .append(esc(String.join(", ", c.assignment().lessonIds()))).append("</h3>\n");
                h.append("<table><tr><th>Lesson</th><th>Best</th><th>Passed</th><th>Attempts</th></tr>\n");
                for (GradeCell.LessonStanding s : c.lessons()) {
                    h.append("<tr><td>").append(esc(s.lessonId())).append("</td><td>")
                            .append(dash(GradebookCsv.score(s.best()))).append("</td><td>")
                            .append(s.passedAt().map(t -> esc(WHEN.format(t.atZone(zone)))).orElse("not yet"))
                            .append("</td><td>").append(s.attempts()).append("</td></tr>\n");
                }
                h.append("</table>\n");
                if (!c.history().isEmpty()) {
                    h.append("<table><tr><th>Started</th><th>Lesson</th><th>Score</th><th>Reaches the pass mark</th>")
                            .append("<th>Answers</th><th>Time</th><th>Note</th></tr>\n");
                    for (GradeCell.AttemptLine a : c.history()) {
                        h.append("<tr><td>").append(esc(WHEN.format(a.attempt().startedAt().atZone(zone))))
                                .append("</td><td>").append(esc(a.attempt().lessonId())).append("</td><td>")
                                .append(a.attempt().score().map(s -> GradebookCsv.score(Optional.of(s))).orElse("unfinished"))
                                .append("</td><td>").append(a.passes() ? "yes" : "no").append("</td><td>")
                                .append(a.attempt().answers()).append("</td><td>")
                                .append(esc(duration(Gradebook.duration(a.attempt())))).append("</td><td>")
                                .append(esc(a.note())).append("</td></tr>\n");
                    }
                    h.append("</table>\n");
                }
            }
            if (charts.isPresent()) {
                List<ReportCharts.Picture> pictures = charts.get().charts(cells, trials.getOrDefault(l.id(), List.of()));
                if (!pictures.isEmpty()) {
                    h.append("<h2>Progress</h2>\n");
                }
                for (ReportCharts.Picture p : pictures) {
                    h.append("<figure><img alt=\"").append(esc(p.title())).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(p.png())).append("\"><figcaption>")
                            .append(esc(p.title())).append("</figcaption></figure>\n");
                }
            }
            h.append("</section>\n");
        }
        h.append("</body></html>\n");
        out.write(h.toString());
        out.flush();
    }

    /** A duration as "1 h 05 min", "12 min 30 s" or "40 s". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%d d %d h", s / 86_400, s % 86_400 / 3600);
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }

    /** An attempt's time: start to finish, or to its last answer while unfinished. */
    public static Duration attemptTime(org.controlroom.store.GradedAttempt a) {
        return Gradebook.duration(a);
    }

    private static String dash(String s) {
        return s.isEmpty() ? "\u2014" : s;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
