package org.controlroom.ui.tutor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.tutor.AttemptText;
import org.controlroom.lesson.tutor.DueDates;
import org.controlroom.lesson.tutor.Gradebook;
import org.controlroom.lesson.tutor.GradebookCsv;
import org.controlroom.lesson.tutor.GradebookHtml;
import org.controlroom.lesson.tutor.ReportCharts;
import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.Assignment;
import org.controlroom.store.DrillTrial;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.StoreException;
import org.controlroom.lesson.tutor.TutorException;
import org.controlroom.ui.text.Texts;

/**
 * The tutor's three screens (classes, assignments, gradebook) and what their buttons do: every store read
 * and write runs on the window's worker, the screens are redrawn on the event thread with the result.
 * The window lets the tutor in ({@link TutorGate}) before it shows any of them.
 */
public final class TutorScreens {

    /** What the screens work on, handed over on the worker (the window opens the store and lessons there). */
    public record Context(LearnerStore store, LessonCatalog catalog) {
        LessonHashes hashes() {
            return LessonHashes.of(catalog.lessons(), Lesson::id, Lesson::contentHash);
        }
    }

    private final Consumer<Runnable> work;
    private final Supplier<Context> context;
    private final Clock clock;
    private final ClassesPanel classes;
    private final AssignmentsPanel assignments;
    private final GradebookPanel gradebook;
    private Optional<String> bookClass = Optional.empty();

    public TutorScreens(Consumer<Runnable> work, Supplier<Context> context, Runnable back, Clock clock) {
        this.work = work;
        this.context = context;
        this.clock = clock;
        this.classes = new ClassesPanel(new ClassesPanel.Actions() {
            @Override
            public void create(String name) {
                change(d -> Texts.get("tutor.classes.created", d.addClass(name).name()), TutorScreens.this::loadClasses);
            }

            @Override
            public void rename(String name, String newName) {
                change(d -> Texts.get("tutor.classes.renamed", name, d.renameClass(name, newName).name()),
                        TutorScreens.this::loadClasses);
            }

            @Override
            public void archive(String name, boolean archived) {
                change(d -> Texts.get(archived ? "tutor.classes.archived" : "tutor.classes.restored",
                        d.archiveClass(name, archived).name()), TutorScreens.this::loadClasses);
            }

            @Override
            public void addLearner(String className, String learner) {
                change(d -> Texts.get(d.addToClass(className, learner) ? "tutor.classes.learnerAdded"
                        : "tutor.classes.learnerThere", learner, className), TutorScreens.this::loadClasses);
            }

            @Override
            public void removeLearner(String className, String learner) {
                change(d -> Texts.get(d.removeFromClass(className, learner) ? "tutor.classes.learnerRemoved"
                        : "tutor.classes.learnerNotThere", learner, className), TutorScreens.this::loadClasses);
            }

            @Override
            public void back() {
                back.run();
            }
        });
        this.assignments = new AssignmentsPanel(new AssignmentsPanel.Actions() {
            @Override
            public void assign(List<String> lessonIds, String target, String due, String passMark) {
                change(d -> {
                    ZoneId zone = ZoneId.systemDefault();
                    Instant dueAt = DueDates.parse(due, zone);
                    OptionalDouble mark = OptionalDouble.empty();
                    if (!passMark.isBlank()) {
                        try {
                            mark = OptionalDouble.of(Double.parseDouble(passMark.strip()));
                        } catch (NumberFormatException e) {
                            throw new TutorException(Texts.get("tutor.assign.badPassMark", passMark));
                        }
                    }
                    TutorDesk.Target to = target.startsWith(AssignmentsPanel.CLASS_PREFIX)
                            ? new TutorDesk.ToClass(target.substring(AssignmentsPanel.CLASS_PREFIX.length()))
                            : new TutorDesk.ToLearner(target.substring(AssignmentsPanel.LEARNER_PREFIX.length()));
                    Assignment a = d.assign(lessonIds, to, dueAt, mark, context.get().hashes());
                    return Texts.get("tutor.assign.done", a.id(), String.join(", ", a.lessonIds()),
                            DueDates.show(a.dueAt(), zone));
                }, TutorScreens.this::loadAssignments);
            }

            @Override
            public void delete(long id) {
                change(d -> Texts.get(d.unassign(id) ? "tutor.assign.deleted" : "tutor.assign.gone", id),
                        TutorScreens.this::loadAssignments);
            }

            @Override
            public void back() {
                back.run();
            }
        });
        this.gradebook = new GradebookPanel(new GradebookPanel.Actions() {
            @Override
            public void classFilter(Optional<String> className) {
                bookClass = className;
                loadGradebook();
            }

            @Override
            public void attempt(long attemptId) {
                work.accept(() -> {
                    try {
                        TutorDesk.AttemptDetail d = desk().detail(attemptId);
                        List<String> lines = new ArrayList<>();
                        lines.add(Texts.get("tutor.book.answers", d.answers().size()));
                        lines.addAll(AttemptText.answers(d.answers()));
                        List<String> criteria = AttemptText.criteria(d.criteriaJson().orElse(""));
                        if (!criteria.isEmpty()) {
                            lines.add("");
                            lines.add(Texts.get("tutor.book.criteria"));
                            lines.addAll(criteria);
                        }
                        String text = String.join("\n", lines);
                        ui(() -> gradebook.showDetail(text));
                    } catch (StoreException e) {
                        ui(() -> gradebook.showStatus(e.getMessage()));
                    }
                });
            }

            @Override
            public void exportCsv(Path file) {
                export(file, false);
            }

            @Override
            public void exportHtml(Path file) {
                export(file, true);
            }

            @Override
            public void back() {
                back.run();
            }
        });
    }

    public JComponent classesScreen() {
        return classes;
    }

    public JComponent assignmentsScreen() {
        return assignments;
    }

    public JComponent gradebookScreen() {
        return gradebook;
    }

    /** Screens for tests. */
    ClassesPanel classesPanel() {
        return classes;
    }

    private TutorDesk desk() {
        return new TutorDesk(context.get().store(), clock);
    }

    @FunctionalInterface
    private interface Change {
        String run(TutorDesk desk);
    }

    /** A tutor action on the worker; its message (or what went wrong) then the screen read again. */
    private void change(Change action, Consumer<String> reload) {
        work.accept(() -> {
            String said;
            try {
                said = action.run(desk());
            } catch (StoreException | TutorException e) {
                said = e.getMessage();
            }
            reload.accept(said);
        });
    }

    // ---- loading (each on the worker) ----

    public void loadClasses(String status) {
        work.accept(() -> {
            try {
                TutorDesk d = desk();
                List<TutorDesk.ClassInfo> all = d.classes();
                List<String> learners = context.get().store().learners().list().stream().map(Learner::name).toList();
                ui(() -> {
                    classes.show(all, learners);
                    classes.showStatus(status);
                });
            } catch (StoreException e) {
                ui(() -> classes.showStatus(e.getMessage()));
            }
        });
    }

    public void loadAssignments(String status) {
        work.accept(() -> {
            try {
                Context c = context.get();
                TutorDesk d = desk();
                Map<Assignment, String> all = d.assignments();
                List<AssignmentsPanel.LessonChoice> lessons = c.catalog().lessons().stream()
                        .map(l -> new AssignmentsPanel.LessonChoice(l.id(), l.title())).toList();
                List<String> targets = new ArrayList<>();
                d.classes().stream().filter(k -> !k.tutorClass().archived())
                        .forEach(k -> targets.add(AssignmentsPanel.CLASS_PREFIX + k.tutorClass().name()));
                c.store().learners().list().forEach(l -> targets.add(AssignmentsPanel.LEARNER_PREFIX + l.name()));
                ZoneId zone = ZoneId.systemDefault();
                List<AssignmentsPanel.Row> rows = new ArrayList<>();
                all.forEach((a, who) -> rows.add(new AssignmentsPanel.Row(a.id(), String.join(", ", a.lessonIds()), who,
                        DueDates.show(a.dueAt(), zone), a.passMark().isPresent()
                        ? GradebookPanel.trim(a.passMark().getAsDouble()) : Texts.get("tutor.assign.ownMark"))));
                String due = LocalDate.now(clock.withZone(zone)).plusDays(7).toString();
                ui(() -> {
                    assignments.show(rows, lessons, targets, due);
                    assignments.showStatus(status);
                });
            } catch (StoreException e) {
                ui(() -> assignments.showStatus(e.getMessage()));
            }
        });
    }

    public void loadGradebook() {
        Optional<String> filter = bookClass;
        work.accept(() -> {
            try {
                TutorDesk d = desk();
                List<String> classNames = d.classes().stream().map(k -> k.tutorClass().name()).toList();
                Gradebook book = d.gradebook(filter, context.get().hashes());
                ui(() -> gradebook.show(book, classNames, filter, ZoneId.systemDefault()));
            } catch (StoreException | TutorException e) {
                ui(() -> gradebook.showStatus(e.getMessage()));
            }
        });
    }

    private void export(Path file, boolean html) {
        Optional<String> filter = bookClass;
        work.accept(() -> {
            String said;
            try {
                Context c = context.get();
                Gradebook book = desk().gradebook(filter, c.hashes());
                Path target = file.toAbsolutePath();
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                try {
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        if (html) {
                            Map<Long, List<DrillTrial>> trials = new HashMap<>();
                            for (Learner l : book.learners()) {
                                trials.put(l.id(), c.store().attempts().drillTrials(l.id()));
                            }
                            GradebookHtml.write(book, trials, Optional.of(new JFreeReportCharts()), ZoneId.systemDefault(), w);
                        } else {
                            GradebookCsv.write(book, w);
                        }
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                said = Texts.get(html ? "tutor.book.wroteHtml" : "tutor.book.wroteCsv", target);
            } catch (IOException | RuntimeException e) {
                said = Texts.get("tutor.book.writeFailed", file, String.valueOf(e.getMessage()));
            }
            String text = said;
            ui(() -> gradebook.showStatus(text));
        });
    }

    private static void ui(Runnable r) {
        SwingUtilities.invokeLater(r);
    }
}
