package org.controlroom.lesson.testkind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.cli.ControlRoomCommand;
import org.controlroom.lesson.practice.DrillSound;
import org.controlroom.lesson.practice.LessonService;
import org.controlroom.lesson.practice.Practice;
import org.controlroom.lesson.practice.PracticeController;
import org.controlroom.lesson.practice.PracticeView;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.AttemptListener;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A kind registered from a test plays through the runner, the practice controller and scenario play. */
class TallyKindTest {

    @TempDir
    Path dir;

    private final LessonKinds kinds = LessonKinds.builtIn().with(new TallyKind());
    private Path lessons;

    @BeforeEach
    void lessonsWithATallyLesson() throws Exception {
        Path project = Path.of(System.getProperty("controlroom.project.dir", "."));
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.copy(project.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        Files.writeString(lessons.resolve("tally.yaml"), """
                id: tally-three
                title: Count on
                kind: tally
                rank: runner
                brief: Add up.
                xp: 10
                tally: {questions: 3, start: 5}
                scoring: {pass_mark: 60, weights: {accuracy: 1}}
                """);
    }

    private LessonCatalog catalog() {
        LessonCatalog c = new LessonLoader(kinds.formats()).load(lessons, dir.resolve("audio-assets"));
        assertThat(c.problems()).isEmpty();
        return c;
    }

    @Test
    void theLoaderReadsTheKindsSectionAndRejectsItsUnknownFields() throws Exception {
        assertThat(catalog().lesson("tally-three").orElseThrow().kind()).isEqualTo(TallyKind.KIND);
        Files.writeString(lessons.resolve("bad.yaml"), """
                id: tally-bad
                title: Bad
                kind: tally
                rank: runner
                brief: x
                tally: {questions: 3, strat: 5}
                scoring: {pass_mark: 60, weights: {accuracy: 1}}
                """);
        LessonCatalog c = new LessonLoader(kinds.formats()).load(lessons, dir.resolve("audio-assets"));
        assertThat(c.problems()).singleElement().hasToString(lessons.resolve("bad.yaml") + ":6:23: unknown field 'strat'"
                + " in tally; did you mean 'start'?");
        // without the plug-in the kind is unknown
        LessonCatalog plain = new LessonLoader().load(lessons, dir.resolve("audio-assets"));
        assertThat(plain.problems()).anySatisfy(p -> assertThat(p.message()).startsWith("unknown kind 'tally'"));
    }

    @Test
    void theRunnerScoresIt() {
        LessonRunner r = LessonRunner.start(kinds, catalog().lesson("tally-three").orElseThrow(), "ana",
                LessonKindPlugin.PlayContext.of(1), AttemptListener.NONE, Clock.systemUTC());
        Step s = r.begin();
        assertThat(s.prompt()).isEqualTo("What is 5 + 0?");
        r.answer(Response.Options.of("n5"));
        r.next();
        r.answer(Response.Options.of("n6"));
        r.next();
        r.answer(Response.Options.of("n8")); // wrong: 5 + 2 = 7
        assertThat(r.next()).isEmpty();
        AttemptFinished f = r.result().orElseThrow();
        assertThat(f.score()).isEqualTo(66.7);
        assertThat(f.passed()).isTrue();
        assertThat(f.criteria().get(0).measured()).containsEntry("right", 2);
    }

    @Test
    void thePracticeControllerDrivesItAndTheStoreKeepsIt() {
        try (LearnerStore store = LearnerStore.open(dir.resolve("db.sqlite"))) {
            store.learners().add("Ana");
            LessonService service = new LessonService(catalog(), kinds);
            assertThat(service.status(catalog().lesson("tally-three").orElseThrow(), Optional.empty()).canPlay()).isTrue();
            Practice practice = new Practice(service, store.learners(), store.attempts(), store.progress(), Optional.empty());
            List<String> shown = new ArrayList<>();
            Step[] last = new Step[1];
            PracticeView view = new PracticeView() {
                @Override
                public void showBrief(String title, String brief, int steps) {
                    shown.add("brief " + steps);
                }

                @Override
                public void showStep(Step step) {
                    last[0] = step;
                    shown.add("step " + step.prompt());
                }

                @Override
                public void showSession(LessonSession session) {
                    shown.add("session");
                }

                @Override
                public void showFeedback(Feedback feedback, boolean lastStep) {
                    shown.add("feedback " + feedback.message());
                }

                @Override
                public void showResult(AttemptFinished result, String careerLine) {
                    shown.add("result " + result.score());
                }

                @Override
                public void showListening(LessonRunner.Side side) {
                }

                @Override
                public void showSoundProblem(String message) {
                    shown.add("sound " + message);
                }

                @Override
                public void showError(String message) {
                    shown.add("error " + message);
                }
            };
            Practice.Attempt attempt = practice.start("Ana", "tally-three", Optional.empty(), Clock.systemUTC());
            try (PracticeController c = new PracticeController(attempt, view, new DrillSound())) {
                c.begin();
                for (int i = 0; i < 3; i++) {
                    c.answer(Response.Options.of("n" + (5 + i)));
                    c.next();
                }
            }
            assertThat(shown).containsExactly("brief 3", "step What is 5 + 0?", "feedback Right.", "step What is 5 + 1?",
                    "feedback Right.", "step What is 5 + 2?", "feedback Right.", "result 100.0");
            assertThat(store.attempts().answers(attempt.attemptId())).hasSize(3);
            assertThat(store.progress().progress(attempt.learner(), Practice.lessonHashes(catalog())).xp()).isEqualTo(10);
        }
    }

    @Test
    void scenarioPlayPlaysItFromTheCommandLine() throws Exception {
        Path answers = Files.writeString(dir.resolve("answers.txt"), "5\n#2\nn9\n");
        String db = dir.resolve("cli.sqlite").toString();
        assertThat(run("learner", "add", "Ana", "--db", db)[0]).isEqualTo("0");
        String[] r = run("scenario", "play", "tally-three", "--learner", "Ana", "--db", db, "--lessons", lessons.toString(),
                "--answers", answers.toString(), "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode json = new ObjectMapper().readTree(r[1]);
        assertThat(json.get("score").asDouble()).isEqualTo(66.7);
        assertThat(json.get("criteria").get(0).get("measured").get("right").asInt()).isEqualTo(2);
        assertThat(r[2]).contains("What is 5 + 2?");
        String[] list = run("lessons", "list", lessons.toString(), "--json");
        JsonNode rows = new ObjectMapper().readTree(list[1]);
        assertThat(rows).anySatisfy(row -> assertThat(row.get("kind").asText()).isEqualTo("tally"));
    }

    @Test
    void aKindThisBuildCannotPlayIsRefusedInOneLine() throws Exception {
        // every shipped kind plays now: a kind that says it cannot be played yet is made here
        TallyKind tally = new TallyKind();
        LessonKinds notYet = LessonKinds.builtIn().with(new LessonKindPlugin() {
            @Override
            public org.controlroom.lesson.script.SectionFormat format() {
                return tally.format();
            }

            @Override
            public java.util.Optional<String> notPlayable() {
                return java.util.Optional.of("tallies are counted by hand for now");
            }

            @Override
            public org.controlroom.lesson.run.LessonPlay play(org.controlroom.lesson.script.Lesson lesson,
                    PlayContext context) {
                throw new AssertionError("a kind that cannot be played is never played");
            }
        });
        String db = dir.resolve("cli.sqlite").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ControlRoomCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), notYet,
                new String[] {"learner", "add", "Ana", "--db", db});
        out = new StringWriter();
        err = new StringWriter();
        int code = ControlRoomCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), notYet,
                new String[] {"scenario", "play", "tally-three", "--learner", "Ana", "--db", db, "--lessons",
                        lessons.toString()});
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("control-room: '").contains("' cannot be played in this build yet:")
                .contains("tallies are counted by hand for now").doesNotContain("Exception");
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ControlRoomCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), kinds, args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
