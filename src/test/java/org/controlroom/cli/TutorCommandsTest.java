package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.PinRecord;
import org.controlroom.store.TutorClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TutorCommandsTest {

    @TempDir
    Path dir;

    private final String lessons = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons").toString();

    static final Map<String, String> RIGHT = Map.of(TutorPin.ENV, "right-pin-42");
    static final Map<String, String> WRONG = Map.of(TutorPin.ENV, "not-the-pin");
    static final Map<String, String> NONE = Map.of();

    private String db() {
        return dir.resolve("cr.db").toString();
    }

    private CliHarness.Result run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db());
        return CliHarness.run(env, all.toArray(String[]::new));
    }

    private CliHarness.Result ok(Map<String, String> env, String... args) {
        CliHarness.Result r = run(env, args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    /**
     * A database with a tutor, a class of two and an assignment, made through the store (the commands that
     * make it are tested below; one PIN hash instead of six keeps this quick).
     */
    private void fixture() {
        try (LearnerStore store = LearnerStore.open(Path.of(db()))) {
            store.learners().add("Ana");
            store.learners().add("Ben");
            new org.controlroom.lesson.tutor.TutorAuth(store.tutor()).setFirstPin(RIGHT.get(TutorPin.ENV).toCharArray());
            var desk = new org.controlroom.lesson.tutor.TutorDesk(store, java.time.Clock.systemUTC());
            desk.addClass("Year 10");
            desk.addToClass("Year 10", "Ana");
            desk.addToClass("Year 10", "Ben");
            desk.assign(List.of("eq-octave-boosts"), new org.controlroom.lesson.tutor.TutorDesk.ToClass("Year 10"),
                    java.time.Instant.parse("2030-01-31T23:00:00Z"), java.util.OptionalDouble.empty(),
                    new org.controlroom.store.LessonHashes(Map.of("eq-octave-boosts", java.util.Set.of("x"))));
        }
    }

    @Test
    void theCommandsThatMakeATutorsClassWork() {
        ok(NONE, "learner", "add", "Ana");
        ok(NONE, "learner", "add", "Ben");
        assertThat(ok(RIGHT, "tutor", "set-pin").out()).contains("Tutor PIN set");
        assertThat(ok(RIGHT, "class", "add", "Year 10").out()).contains("Created class 'Year 10'");
        assertThat(ok(RIGHT, "class", "add-learner", "year 10", "Ana", "ben").out())
                .contains("Added 'Ana' to class 'Year 10'").contains("Added 'Ben' to class 'Year 10'");
        CliHarness.Result a = ok(RIGHT, "assign", "eq-octave-boosts", "level-steps", "--class", "Year 10", "--due",
                "2030-01-31", "--pass-mark", "75", "--lessons", lessons);
        assertThat(a.out()).contains("Assignment #1: eq-octave-boosts, level-steps for class 'Year 10', due 2030-01-31,"
                + " pass mark 75.");
        assertThat(ok(RIGHT, "assignments").out()).contains("#1 eq-octave-boosts, level-steps \u2014 class Year 10");
        assertThat(a.err()).as("both lessons open at the first rank").doesNotContain("opens at the rank");
        assertThat(ok(RIGHT, "assign", "pan-quarters", "--learner", "Ana", "--due", "2030-01-31", "--lessons", lessons)
                .err()).contains("'pan-quarters' opens at the rank Assistant Engineer");
    }

    static Stream<List<String>> tutorCommands() {
        return Stream.of(
                List.of("class", "add", "Year 11"),
                List.of("class", "list"),
                List.of("class", "rename", "Year 10", "Year 12"),
                List.of("class", "archive", "Year 10"),
                List.of("class", "add-learner", "Year 10", "Cy"),
                List.of("class", "remove-learner", "Year 10", "Ana"),
                List.of("assign", "level-steps", "--learner", "Ana", "--due", "2030-01-01", "--lessons", "LESSONS"),
                List.of("assignments"),
                List.of("assignments", "--remove", "1"),
                List.of("gradebook", "--lessons", "LESSONS", "--csv", "OUT.csv"),
                List.of("learner", "rename", "Ana", "Anna"),
                List.of("learner", "remove", "Ben", "--discard-attempts"),
                List.of("tutor", "set-pin"));
    }

    /** Everything a command could change, read straight from the store. */
    private String snapshot() {
        try (LearnerStore store = LearnerStore.open(Path.of(db()))) {
            StringBuilder s = new StringBuilder();
            store.learners().list().forEach(l -> s.append(l.name()).append(';'));
            for (TutorClass k : store.classes().list()) {
                s.append(k.name()).append(k.archived()).append(store.classes().members(k.id())).append(';');
            }
            s.append(store.assignments().list());
            PinRecord pin = store.tutor().pin().orElseThrow();
            s.append(pin.hash());
            return s.toString();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tutorCommands")
    void everyTutorCommandIsRefusedWithoutTheRightPinAndChangesNothing(List<String> command) throws Exception {
        fixture();
        ok(NONE, "learner", "add", "Cy");
        String before = snapshot();
        String[] args = command.stream().map(a -> a.replace("LESSONS", lessons)
                .replace("OUT.csv", dir.resolve("out.csv").toString())).toArray(String[]::new);
        Map<String, String> wrong = new LinkedHashMap<>(WRONG);
        wrong.put(TutorPin.NEW_ENV, "a-new-pin");

        CliHarness.Result noPin = run(NONE, args);
        assertThat(noPin.exitCode()).isEqualTo(2);
        assertThat(noPin.err()).contains("needs the tutor PIN").contains(TutorPin.ENV);

        CliHarness.Result bad = run(wrong, args);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("wrong tutor PIN").contains("refused");
        assertThat(bad.out()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();

        Map<String, String> right = new LinkedHashMap<>(RIGHT);
        right.put(TutorPin.NEW_ENV, "a-new-pin");
        CliHarness.Result good = run(right, args);
        assertThat(good.exitCode()).as(good.err()).isZero();
    }

    @Test
    void wrongPinsAreCountedAcrossRunsAndTheNextCheckWaits() {
        fixture();
        assertThat(run(WRONG, "class", "list").exitCode()).isEqualTo(2);
        CliHarness.Result status = ok(NONE, "tutor", "status");
        assertThat(status.out()).contains("1 wrong PIN since the last right one");
        CliHarness.Result second = run(WRONG, "class", "list");
        assertThat(second.err()).contains("the next check waits 1 s").contains("the next try waits 2 seconds");
        assertThat(ok(NONE, "tutor", "status").out()).contains("2 wrong PINs");
        ok(RIGHT, "class", "list");
        assertThat(ok(NONE, "tutor", "status").out()).contains("0 wrong PINs");
    }

    @Test
    void changingThePinNeedsTheOldOne() {
        fixture();
        Map<String, String> change = new LinkedHashMap<>(WRONG);
        change.put(TutorPin.NEW_ENV, "brand-new-pin");
        assertThat(run(change, "tutor", "set-pin").err()).contains("wrong tutor PIN");
        change.put(TutorPin.ENV, "right-pin-42");
        assertThat(ok(change, "tutor", "set-pin").out()).contains("Tutor PIN changed");
        assertThat(run(RIGHT, "class", "list").err()).contains("wrong tutor PIN");
        ok(Map.of(TutorPin.ENV, "brand-new-pin"), "class", "list");
    }

    @Test
    void beforeATutorExistsLearnersManageThemselvesAndTutorCommandsSayHowToStart() {
        ok(NONE, "learner", "add", "Ana");
        ok(NONE, "learner", "rename", "Ana", "Anna");
        CliHarness.Result r = run(RIGHT, "class", "add", "Year 10");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no tutor PIN is set yet").contains("tutor set-pin");
        ok(RIGHT, "tutor", "set-pin");
        ok(NONE, "learner", "add", "Ben");   // joining stays open
        assertThat(run(NONE, "learner", "rename", "Ben", "Benny").exitCode()).isEqualTo(2);
    }

    @Test
    void classesAreManagedFromTheCommandLine() throws Exception {
        fixture();
        ok(RIGHT, "class", "rename", "year 10", "Year 11");
        ok(RIGHT, "class", "remove-learner", "Year 11", "Ben");
        ok(RIGHT, "class", "add", "Old");
        ok(RIGHT, "class", "archive", "Old");
        JsonNode list = new ObjectMapper().readTree(ok(RIGHT, "class", "list", "--json").out());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Year 11");
        assertThat(list.get(0).get("learners")).extracting(JsonNode::asText).containsExactly("Ana");
        assertThat(list.get(0).get("assignments").asInt()).isEqualTo(1);
        assertThat(list.get(1).get("archived").asBoolean()).isTrue();
        assertThat(run(RIGHT, "assign", "eq-octave-boosts", "--class", "Old", "--due", "2030-01-01", "--lessons", lessons)
                .err()).contains("archived");
        assertThat(run(RIGHT, "assign", "no-such-lesson", "--class", "Year 11", "--due", "2030-01-01", "--lessons",
                lessons).err()).contains("no lesson with the id 'no-such-lesson'");
        assertThat(run(RIGHT, "assign", "eq-octave-boosts", "--class", "Year 11", "--due", "31/01/2030", "--lessons",
                lessons).err()).contains("YYYY-MM-DD");
        assertThat(run(RIGHT, "assign", "eq-octave-boosts", "--class", "Year 11", "--learner", "Ana", "--due",
                "2030-01-01", "--lessons", lessons).exitCode()).isEqualTo(2);
    }

    @Test
    void aPlayedAssignmentShowsInTheLearnersListTheGradebookItsCsvAndItsReport() throws Exception {
        fixture();
        CliHarness.Result before = ok(NONE, "assignments", "--learner", "Ana", "--lessons", lessons);
        assertThat(before.out()).contains("eq-octave-boosts").contains("not started");
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "#1\n".repeat(10));
        CliHarness.Result play = CliHarness.run("scenario", "play", "eq-octave-boosts", "--learner", "Ana", "--db", db(),
                "--lessons", lessons, "--answers", answers.toString(), "--json");
        assertThat(play.exitCode()).as(play.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(play.out());
        double score = result.get("score").asDouble();
        boolean passed = result.get("passed").asBoolean();

        JsonNode mine = new ObjectMapper().readTree(ok(NONE, "assignments", "--learner", "Ana", "--lessons", lessons,
                "--json").out());
        assertThat(mine.get(0).get("state").asText()).isEqualTo(passed ? "passed" : "in progress");
        assertThat(mine.get(0).get("best_score").asDouble()).isEqualTo(score);

        Path csv = dir.resolve("book.csv");
        Path html = dir.resolve("book.html");
        CliHarness.Result book = ok(RIGHT, "gradebook", "--class", "Year 10", "--csv", csv.toString(), "--html",
                html.toString(), "--lessons", lessons);
        assertThat(book.out()).contains("Ana").contains("Ben").contains("Wrote 2 rows");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(String.join(",", org.controlroom.lesson.tutor.GradebookCsv.COLUMNS));
        assertThat(lines).hasSize(3);
        String[] ana = lines.get(1).split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < ana.length; i++) {
            row.put(org.controlroom.lesson.tutor.GradebookCsv.COLUMNS.get(i), ana[i]);
        }
        assertThat(row.get("learner")).isEqualTo("Ana");
        assertThat(row.get("class")).isEqualTo("Year 10");
        assertThat(Double.parseDouble(row.get("best_score"))).isCloseTo(score, org.assertj.core.api.Assertions.within(0.05));
        assertThat(row.get("attempts")).isEqualTo("1");
        assertThat(lines.get(2)).startsWith("Ben,Year 10,").contains(",not started,,,0,");
        String report = Files.readString(html);
        assertThat(report).contains("<h1>Ana</h1>").contains("<h1>Ben</h1>").contains("eq-octave-boosts")
                .contains("data:image/png;base64,");
        // the charts are real pictures: PNG files of the drawn size
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(report);
        int pictures = 0;
        while (m.find()) {
            byte[] png = java.util.Base64.getDecoder().decode(m.group(1));
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(720);
            pictures++;
        }
        assertThat(pictures).as("Ana's scores on her assignment, and her drill charts").isGreaterThanOrEqualTo(4);
    }
}
