package org.controlroom.lesson.tutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.Assignment;
import org.controlroom.store.AttemptMode;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gradebook's numbers against the raw attempts: attempts are inserted with known scores and times
 * (a hand-made case, and many seeded random ones), and every cell is checked against what is computed here
 * from the inserted list itself.
 */
class GradebookTest {

    @TempDir
    Path dir;

    static final String HASH = "a".repeat(64);
    static final String OTHER_HASH = "b".repeat(64);
    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    static final LessonHashes CATALOGUE = new LessonHashes(Map.of("eq-octave-boosts", Set.of(HASH),
            "level-steps", Set.of(HASH), "pan-quarters", Set.of(HASH)));

    /** What the test inserted for one attempt. */
    record Inserted(long learnerId, String lessonId, Instant start, Optional<Instant> finish, double score,
                    boolean lessonPassed, boolean replay, boolean otherContent, List<Long> answerMillis) {
    }

    private long insert(LearnerStore store, Inserted a) {
        long id = store.attempts().start(a.learnerId(), a.lessonId(), a.lessonId() + ".yaml",
                a.otherContent() ? OTHER_HASH : HASH, 1, a.start(), new AttemptMode(a.replay(), true));
        int step = 1;
        for (long ms : a.answerMillis()) {
            store.attempts().recordAnswer(id, new AnswerRecord(step, "{}", "{}", Optional.of(true), Optional.empty(),
                    Optional.empty(), ms, 1, 1, 1, 1, a.start().plusSeconds(step * 10L)));
            step++;
        }
        a.finish().ifPresent(f -> store.attempts().finish(id, a.score(), a.lessonPassed(), "[]", 0, f));
        return id;
    }

    @Test
    void aHandMadeCaseGivesTheNumbersWorkedOutByHand() throws Exception {
        Instant now = T0.plus(Duration.ofDays(3));
        try (LearnerStore store = LearnerStore.open(dir.resolve("hand.db"))) {
            Learner ana = store.learners().add("Ana");
            TutorDesk desk = new TutorDesk(store, Clock.fixed(now, ZoneOffset.UTC));
            desk.addClass("Year 10");
            desk.addToClass("Year 10", "Ana");
            Assignment a = desk.assign(List.of("eq-octave-boosts", "level-steps"), new TutorDesk.ToClass("Year 10"),
                    T0.plus(Duration.ofDays(2)), OptionalDouble.of(70), CATALOGUE);
            // eq-octave-boosts: 60 (10 min), then 80 (5 min) -> passed at T0+1h05
            insert(store, new Inserted(ana.id(), "eq-octave-boosts", T0, Optional.of(T0.plusSeconds(600)), 60, false,
                    false, false, List.of(1000L)));
            insert(store, new Inserted(ana.id(), "eq-octave-boosts", T0.plusSeconds(3600),
                    Optional.of(T0.plusSeconds(3900)), 80, true, false, false, List.of()));
            // a replay scoring 100 and an edited copy scoring 100: neither counts
            insert(store, new Inserted(ana.id(), "eq-octave-boosts", T0.plusSeconds(7200),
                    Optional.of(T0.plusSeconds(7300)), 100, true, true, false, List.of()));
            insert(store, new Inserted(ana.id(), "level-steps", T0.plusSeconds(7200),
                    Optional.of(T0.plusSeconds(7300)), 100, true, false, true, List.of()));
            // level-steps: 50 on day 1 (20 min), then 75 three days in: after the due time
            insert(store, new Inserted(ana.id(), "level-steps", T0.plus(Duration.ofDays(1)),
                    Optional.of(T0.plus(Duration.ofDays(1)).plusSeconds(1200)), 50, false, false, false, List.of()));
            Gradebook book = desk.gradebook(Optional.empty(), CATALOGUE);
            GradeCell c = book.cell(ana.id(), a.id()).orElseThrow();
            assertThat(c.attempts()).isEqualTo(3);
            assertThat(c.best()).contains((80 + 50) / 2.0);
            assertThat(c.last()).contains(50.0);
            assertThat(c.timeSpent()).isEqualTo(Duration.ofMinutes(10 + 5 + 20));
            assertThat(c.state()).isEqualTo(AssignmentState.LATE);
            assertThat(c.lateBy()).isEqualTo(Duration.ofDays(1));
            assertThat(c.completedAt()).isEmpty();
            assertThat(c.lessons().get(0).passedAt()).contains(T0.plusSeconds(3900));
            assertThat(c.history()).hasSize(5);
            assertThat(c.history()).filteredOn(l -> !l.counted()).extracting(GradeCell.AttemptLine::note)
                    .containsExactlyInAnyOrder("replay (not counted)", "other lesson content (not counted)");
        }
    }

    @Test
    void everyCellEqualsWhatTheRawAttemptsSay() throws Exception {
        Random rnd = new Random(20261202);
        Instant now = T0.plus(Duration.ofDays(5));
        List<Inserted> inserted = new ArrayList<>();
        try (LearnerStore store = LearnerStore.open(dir.resolve("random.db"))) {
            TutorDesk desk = new TutorDesk(store, Clock.fixed(now, ZoneOffset.UTC));
            desk.addClass("Year 10");
            List<Learner> learners = new ArrayList<>();
            for (String name : List.of("Ana", "Ben", "Cy", "Dee")) {
                Learner l = store.learners().add(name);
                learners.add(l);
                if (!name.equals("Dee")) {
                    desk.addToClass("Year 10", name);
                }
            }
            List<Assignment> given = new ArrayList<>();
            given.add(desk.assign(List.of("eq-octave-boosts", "level-steps"), new TutorDesk.ToClass("Year 10"),
                    T0.plus(Duration.ofDays(3)), OptionalDouble.of(70), CATALOGUE));
            given.add(desk.assign(List.of("pan-quarters"), new TutorDesk.ToClass("Year 10"),
                    T0.plus(Duration.ofDays(9)), OptionalDouble.of(97), CATALOGUE));
            given.add(desk.assign(List.of("level-steps"), new TutorDesk.ToLearner("Dee"),
                    T0.plus(Duration.ofDays(4)), OptionalDouble.empty(), CATALOGUE));
            for (Learner l : learners) {
                for (String lesson : List.of("eq-octave-boosts", "level-steps", "pan-quarters")) {
                    int n = rnd.nextInt(6);
                    for (int i = 0; i < n; i++) {
                        Instant start = T0.plusSeconds(rnd.nextInt(6 * 86_400));
                        if (start.isAfter(now)) {
                            continue;
                        }
                        boolean finished = rnd.nextInt(5) != 0;
                        double score = Math.round(rnd.nextDouble() * 1000) / 10.0;
                        List<Long> millis = new ArrayList<>();
                        for (int k = rnd.nextInt(4); k > 0; k--) {
                            millis.add(500L + rnd.nextInt(5000));
                        }
                        Inserted a = new Inserted(l.id(), lesson, start,
                                finished ? Optional.of(start.plusSeconds(30 + rnd.nextInt(1800))) : Optional.empty(),
                                score, score >= 65, rnd.nextInt(8) == 0, rnd.nextInt(10) == 0, millis);
                        insert(store, a);
                        inserted.add(a);
                    }
                }
            }
            Gradebook book = desk.gradebook(Optional.empty(), CATALOGUE);
            // Ana, Ben, Cy have both class assignments; Dee her own
            assertThat(book.cells()).hasSize(3 * 2 + 1);
            int checked = 0;
            for (GradeCell c : book.cells()) {
                Assignment as = c.assignment();
                List<Inserted> counted = inserted.stream().filter(a -> a.learnerId() == c.learner().id()
                        && as.lessonIds().contains(a.lessonId()) && !a.replay() && !a.otherContent()).toList();
                assertThat(c.attempts()).isEqualTo(counted.size());
                Duration time = Duration.ZERO;
                for (Inserted a : counted) {
                    Instant end = a.finish().orElse(a.answerMillis().isEmpty() ? a.start()
                            : a.start().plusSeconds(10L * a.answerMillis().size()));
                    time = time.plus(Duration.between(a.start(), end));
                }
                assertThat(c.timeSpent()).isEqualTo(time);
                double sum = 0;
                boolean any = false;
                Instant completed = Instant.MIN;
                boolean all = true;
                for (String lesson : as.lessonIds()) {
                    List<Inserted> done = counted.stream().filter(a -> a.lessonId().equals(lesson) && a.finish().isPresent())
                            .toList();
                    any |= !done.isEmpty();
                    sum += done.stream().mapToDouble(Inserted::score).max().orElse(0);
                    Optional<Instant> passed = done.stream().filter(a -> as.passMark().isPresent()
                                    ? a.score() >= as.passMark().getAsDouble() : a.lessonPassed())
                            .map(a -> a.finish().get()).min(Instant::compareTo);
                    if (passed.isEmpty()) {
                        all = false;
                    } else if (passed.get().isAfter(completed)) {
                        completed = passed.get();
                    }
                }
                if (any) {
                    assertThat(c.best().orElseThrow()).isCloseTo(sum / as.lessonIds().size(), within(1e-9));
                    Inserted last = counted.stream().filter(a -> a.finish().isPresent())
                            .max((x, y) -> x.finish().get().compareTo(y.finish().get())).orElseThrow();
                    assertThat(c.last()).contains(last.score());
                } else {
                    assertThat(c.best()).isEmpty();
                    assertThat(c.last()).isEmpty();
                }
                AssignmentState expected;
                if (all) {
                    expected = completed.isBefore(as.dueAt()) ? AssignmentState.PASSED : AssignmentState.LATE;
                    assertThat(c.lateBy()).isEqualTo(expected == AssignmentState.LATE
                            ? Duration.between(as.dueAt(), completed) : Duration.ZERO);
                } else if (!now.isBefore(as.dueAt())) {
                    expected = AssignmentState.LATE;
                    assertThat(c.lateBy()).isEqualTo(Duration.between(as.dueAt(), now));
                } else {
                    expected = counted.isEmpty() ? AssignmentState.NOT_STARTED : AssignmentState.IN_PROGRESS;
                }
                assertThat(c.state()).as(c.learner().name() + " #" + as.id()).isEqualTo(expected);
                checked++;
            }
            assertThat(checked).isEqualTo(7);
            assertThat(book.cells()).extracting(GradeCell::state).as("the seed exercises several states")
                    .contains(AssignmentState.LATE, AssignmentState.IN_PROGRESS);

            // one class's gradebook holds its members and their work only
            Gradebook y10 = desk.gradebook(Optional.of("year 10"), CATALOGUE);
            assertThat(y10.learners()).extracting(Learner::name).containsExactly("Ana", "Ben", "Cy");
            assertThat(y10.cells()).hasSize(6);

            // the CSV says the same, under its documented header
            StringWriter csv = new StringWriter();
            GradebookCsv.write(book, csv);
            List<List<String>> rows = Csv.parse(csv.toString());
            assertThat(rows.get(0)).isEqualTo(GradebookCsv.COLUMNS);
            assertThat(rows).hasSize(1 + book.cells().size());
            for (int i = 0; i < book.cells().size(); i++) {
                GradeCell c = book.cells().get(i);
                Map<String, String> r = Csv.row(rows.get(0), rows.get(i + 1));
                assertThat(r.get("learner")).isEqualTo(c.learner().name());
                assertThat(Long.parseLong(r.get("assignment_id"))).isEqualTo(c.assignment().id());
                assertThat(r.get("lessons").split(" ")).containsExactlyElementsOf(c.assignment().lessonIds());
                assertThat(Instant.parse(r.get("due_at"))).isEqualTo(c.assignment().dueAt());
                assertThat(r.get("state")).isEqualTo(c.state().words());
                assertThat(Integer.parseInt(r.get("attempts"))).isEqualTo(c.attempts());
                assertThat(Long.parseLong(r.get("time_spent_s"))).isEqualTo(c.timeSpent().toSeconds());
                assertThat(Boolean.parseBoolean(r.get("late"))).isEqualTo(c.state() == AssignmentState.LATE);
                assertThat(Long.parseLong(r.get("late_by_s"))).isEqualTo(c.lateBy().toSeconds());
                if (c.best().isPresent()) {
                    assertThat(Double.parseDouble(r.get("best_score"))).isCloseTo(c.best().get(), within(0.05));
                } else {
                    assertThat(r.get("best_score")).isEmpty();
                }
                assertThat(r.get("class")).isEqualTo(c.className().orElse(""));
            }
        }
    }

    @Test
    void aLearnerSeesTheirOwnAssignmentsWithTheirStates() throws Exception {
        Instant now = T0.plus(Duration.ofDays(1));
        try (LearnerStore store = LearnerStore.open(dir.resolve("home.db"))) {
            Learner ana = store.learners().add("Ana");
            store.learners().add("Ben");
            TutorDesk desk = new TutorDesk(store, Clock.fixed(now, ZoneOffset.UTC));
            desk.assign(List.of("pan-quarters"), new TutorDesk.ToLearner("Ana"), T0.plus(Duration.ofDays(2)),
                    OptionalDouble.empty(), CATALOGUE);
            desk.assign(List.of("level-steps"), new TutorDesk.ToLearner("Ana"), T0.plus(Duration.ofDays(2)),
                    OptionalDouble.of(50), CATALOGUE);
            desk.assign(List.of("eq-octave-boosts"), new TutorDesk.ToLearner("Ana"), T0.plusSeconds(3600),
                    OptionalDouble.empty(), CATALOGUE);
            desk.assign(List.of("eq-octave-boosts"), new TutorDesk.ToLearner("Ben"), T0.plusSeconds(3600),
                    OptionalDouble.empty(), CATALOGUE);
            insert(store, new Inserted(ana.id(), "level-steps", T0, Optional.of(T0.plusSeconds(60)), 40, true,
                    false, false, List.of()));
            List<GradeCell> mine = TutorDesk.assignmentsOf(store, ana, CATALOGUE, now);
            assertThat(mine).extracting(GradeCell::state).containsExactly(AssignmentState.NOT_STARTED,
                    AssignmentState.IN_PROGRESS, AssignmentState.LATE);
            insert(store, new Inserted(ana.id(), "level-steps", T0.plusSeconds(100), Optional.of(T0.plusSeconds(160)), 51,
                    false, false, false, List.of()));
            assertThat(TutorDesk.assignmentsOf(store, ana, CATALOGUE, now).get(1).state())
                    .as("51 reaches the pass mark of 50, whatever the lesson's own mark").isEqualTo(AssignmentState.PASSED);
        }
    }
}
