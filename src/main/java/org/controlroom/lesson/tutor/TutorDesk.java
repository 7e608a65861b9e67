package org.controlroom.lesson.tutor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Assignment;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerNames;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.TutorClass;

/**
 * What a tutor does: classes, their learners, assignments and the gradebook. Callers let the tutor in
 * first ({@link TutorAuth#require}); the window and the command line both do. A learner's own view of
 * their assignments ({@link #assignmentsOf}) needs no PIN and changes nothing.
 */
public final class TutorDesk {

    private final LearnerStore store;
    private final Clock clock;

    public TutorDesk(LearnerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A class with its learners. */
    public record ClassInfo(TutorClass tutorClass, List<Learner> learners, int assignments) {
    }

    // ---- classes ----

    public TutorClass addClass(String name) {
        return store.classes().add(name);
    }

    public TutorClass renameClass(String name, String newName) {
        return store.classes().rename(name, newName);
    }

    public TutorClass archiveClass(String name, boolean archived) {
        return store.classes().setArchived(name, archived);
    }

    /** @return false when the learner was in the class already */
    public boolean addToClass(String className, String learnerName) {
        return store.classes().addLearner(tutorClass(className).id(), learner(learnerName).id());
    }

    /** @return false when the learner was not in the class */
    public boolean removeFromClass(String className, String learnerName) {
        return store.classes().removeLearner(tutorClass(className).id(), learner(learnerName).id());
    }

    /** Every class (active first, then archived, each by name) with its learners. */
    public List<ClassInfo> classes() {
        List<ClassInfo> out = new ArrayList<>();
        for (TutorClass k : store.classes().list()) {
            out.add(new ClassInfo(k, store.classes().members(k.id()), store.assignments().forClass(k.id()).size()));
        }
        out.sort(Comparator.comparing((ClassInfo c) -> c.tutorClass().archived()));
        return out;
    }

    public TutorClass tutorClass(String name) {
        return store.classes().findByName(name).orElseThrow(() -> new TutorException(
                "no class called '" + name + "' (see 'class list')"));
    }

    public Learner learner(String name) {
        return store.learners().findByName(name).orElseThrow(() -> new TutorException(
                "no learner called '" + name + "' (see 'learner list')"));
    }

    // ---- assignments ----

    /** Who an assignment is for: a class or a learner, by name. */
    public sealed interface Target permits ToClass, ToLearner {
    }

    public record ToClass(String name) implements Target {
    }

    public record ToLearner(String name) implements Target {
    }

    /**
     * Assigns lessons.
     *
     * @param catalogue the lessons there are (an unknown id is refused, naming it)
     * @throws TutorException for an unknown lesson, class or learner, an archived class, or a bad pass mark
     */
    public Assignment assign(List<String> lessonIds, Target target, Instant due, OptionalDouble passMark,
                             LessonHashes catalogue) {
        if (lessonIds.isEmpty()) {
            throw new TutorException("name at least one lesson to assign (see 'lessons list')");
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(lessonIds));
        for (String id : ids) {
            if (!catalogue.holdsLesson(id)) {
                throw new TutorException("no lesson with the id '" + id + "' (see 'lessons list')");
            }
        }
        if (passMark.isPresent() && !(passMark.getAsDouble() >= 0 && passMark.getAsDouble() <= 100)) {
            throw new TutorException("a pass mark is a score from 0 to 100, not " + passMark.getAsDouble());
        }
        Instant now = clock.instant();
        if (target instanceof ToClass k) {
            TutorClass c = tutorClass(k.name());
            if (c.archived()) {
                throw new TutorException("the class '" + c.name() + "' is archived; restore it before assigning to it");
            }
            return store.assignments().assignToClass(c.id(), ids, due, passMark, now);
        }
        Learner l = learner(((ToLearner) target).name());
        return store.assignments().assignToLearner(l.id(), ids, due, passMark, now);
    }

    /** Deletes an assignment (the attempts stay). */
    public boolean unassign(long assignmentId) {
        return store.assignments().remove(assignmentId);
    }

    /** Every assignment with whom it is for ("class Year 10" / "learner Ana"), oldest first. */
    public Map<Assignment, String> assignments() {
        Map<Long, String> classNames = classNames();
        Map<Long, String> learnerNames = new HashMap<>();
        store.learners().list().forEach(l -> learnerNames.put(l.id(), l.name()));
        Map<Assignment, String> out = new LinkedHashMap<>();
        for (Assignment a : store.assignments().list()) {
            out.put(a, a.classId().map(id -> "class " + classNames.getOrDefault(id, "#" + id))
                    .orElseGet(() -> "learner " + learnerNames.getOrDefault(a.learnerId().orElse(-1L), "?")));
        }
        return out;
    }

    private Map<Long, String> classNames() {
        Map<Long, String> names = new HashMap<>();
        store.classes().list().forEach(k -> names.put(k.id(), k.name()));
        return names;
    }

    // ---- the gradebook ----

    /**
     * The gradebook: for one class (its learners, its assignments and theirs alone), or for everyone given
     * work through an active class or alone.
     */
    public Gradebook gradebook(Optional<String> className, LessonHashes catalogue) {
        Instant now = clock.instant();
        Map<Long, String> classNames = classNames();
        List<Gradebook.Given> given = new ArrayList<>();
        Map<Long, Learner> learners = new LinkedHashMap<>();
        List<Assignment> assignments = new ArrayList<>();
        if (className.isPresent()) {
            TutorClass k = tutorClass(className.get());
            List<Learner> members = store.classes().members(k.id());
            members.forEach(l -> learners.put(l.id(), l));
            Set<Long> ids = learners.keySet();
            for (Assignment a : store.assignments().list()) {
                if (a.classId().filter(id -> id == k.id()).isPresent()) {
                    assignments.add(a);
                    members.forEach(l -> given.add(new Gradebook.Given(l, a, Optional.of(k.name()))));
                } else if (a.learnerId().filter(ids::contains).isPresent()) {
                    assignments.add(a);
                    given.add(new Gradebook.Given(learners.get(a.learnerId().get()), a, Optional.empty()));
                }
            }
        } else {
            Map<Long, Boolean> archived = new HashMap<>();
            store.classes().list().forEach(k -> archived.put(k.id(), k.archived()));
            Map<Long, Learner> everyone = new HashMap<>();
            store.learners().list().forEach(l -> everyone.put(l.id(), l));
            Map<Long, List<Learner>> members = new HashMap<>();
            for (Assignment a : store.assignments().list()) {
                if (a.classId().isPresent()) {
                    long id = a.classId().get();
                    if (archived.getOrDefault(id, true)) {
                        continue;
                    }
                    assignments.add(a);
                    for (Learner l : members.computeIfAbsent(id, k -> store.classes().members(k))) {
                        learners.putIfAbsent(l.id(), l);
                        given.add(new Gradebook.Given(l, a, Optional.ofNullable(classNames.get(id))));
                    }
                } else {
                    Learner l = everyone.get(a.learnerId().get());
                    if (l != null) {
                        assignments.add(a);
                        learners.putIfAbsent(l.id(), l);
                        given.add(new Gradebook.Given(l, a, Optional.empty()));
                    }
                }
            }
        }
        List<Learner> sorted = new ArrayList<>(learners.values());
        sorted.sort(Comparator.comparing((Learner l) -> LearnerNames.key(l.name())).thenComparingLong(Learner::id));
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            order.put(sorted.get(i).id(), i);
        }
        given.sort(Comparator.comparing((Gradebook.Given g) -> order.get(g.learner().id()))
                .thenComparingLong(g -> g.assignment().id()));
        Set<String> lessons = new LinkedHashSet<>();
        assignments.forEach(a -> lessons.addAll(a.lessonIds()));
        var attempts = store.gradebook().attempts(learners.keySet(), lessons);
        return Gradebook.compute(sorted, assignments, given, attempts, catalogue, now);
    }

    /** What an attempt holds: every answer, and the criteria with their measured numbers. */
    public record AttemptDetail(long attemptId, List<AnswerRecord> answers, Optional<String> criteriaJson) {
    }

    public AttemptDetail detail(long attemptId) {
        return new AttemptDetail(attemptId, store.attempts().answers(attemptId), store.gradebook().criteriaJson(attemptId));
    }

    // ---- the learner's own view ----

    /** A learner's assignments with their state (for their home and {@code assignments --learner}); needs no PIN. */
    public static List<GradeCell> assignmentsOf(LearnerStore store, Learner learner, LessonHashes catalogue, Instant now) {
        Map<Long, String> classNames = new HashMap<>();
        store.classes().list().forEach(k -> classNames.put(k.id(), k.name()));
        List<Assignment> mine = store.assignments().forLearner(learner.id());
        List<Gradebook.Given> given = mine.stream().map(a -> new Gradebook.Given(learner, a,
                a.classId().map(classNames::get))).toList();
        Set<String> lessons = new LinkedHashSet<>();
        mine.forEach(a -> lessons.addAll(a.lessonIds()));
        var attempts = store.gradebook().attempts(List.of(learner.id()), lessons);
        return Gradebook.compute(List.of(learner), mine, given, attempts, catalogue, now).cells();
    }
}
