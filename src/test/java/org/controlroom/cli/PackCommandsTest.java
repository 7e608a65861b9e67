package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.controlroom.lesson.pack.PackFixture;
import org.controlroom.lesson.tutor.TutorAuth;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * pack export / pack import, lessons check / lessons save at the command line: a round trip plays the
 * same on a fresh data folder; hostile packs are refused with nothing written; XP only for shipped,
 * tutor and pack lessons; import and save ask for the tutor's PIN once one is set.
 */
class PackCommandsTest {

    @TempDir
    Path dir;

    private static final String SHIPPED = PackFixture.SHIPPED.toString();

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private static CliHarness.Result ok(String... args) {
        CliHarness.Result r = CliHarness.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private Path db(String machine) throws Exception {
        Path data = dir.resolve(machine);
        Files.createDirectories(data);
        return data.resolve("learners.db");
    }

    private JsonNode play(Path db, String lesson, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("scenario", "play", lesson, "--learner", "Ana", "--db",
                db.toString(), "--lessons", SHIPPED, "--json", "--no-sound"));
        args.addAll(List.of(more));
        return json(ok(args.toArray(String[]::new)).out());
    }

    @Test
    void aRoundTripPlaysTheSameOnAFreshDataFolder() throws Exception {
        Path tutorDb = db("tutor-machine");
        PackFixture.tutorData(tutorDb.getParent(), "pack-tone-a");
        Path answers = Files.writeString(dir.resolve("answers.txt"), "+3 dB\n-1 dB\n#2\n#5\n+6 dB\n");
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "mix:\n  tracks:\n    lead-vocal: {gain_db: -2.5}\n");
        Path zip = dir.resolve("week one.zip");
        CliHarness.Result export = ok("pack", "export", "pack-tone-a", "mix-song-balance", "--out", zip.toString(),
                "--db", tutorDb.toString(), "--lessons", SHIPPED);
        assertThat(export.out()).contains("pack 'week-one', 2 lessons");

        Path classDb = db("class-machine");
        CliHarness.Result clash = CliHarness.run("pack", "import", zip.toString(), "--db", classDb.toString(), "--lessons", SHIPPED);
        assertThat(clash.exitCode()).as("mix-song-balance is shipped here too").isEqualTo(2);
        assertThat(clash.err()).contains("lesson id 'mix-song-balance' is already in the catalogue", "--on-clash rename|skip");
        assertThat(classDb.getParent().resolve("packs/week-one")).doesNotExist();
        CliHarness.Result imported = ok("pack", "import", zip.toString(), "--on-clash", "rename", "--db", classDb.toString(),
                "--lessons", SHIPPED);
        assertThat(imported.out()).contains("Imported pack 'week-one'", "renamed mix-song-balance -> mix-song-balance-2");

        CliHarness.Result list = ok("lessons", "list", SHIPPED, "--json", "--db", classDb.toString());
        JsonNode rows = json(list.out());
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("id").asText()).isEqualTo("pack-tone-a");
            assertThat(r.get("pack").asText()).isEqualTo("week-one");
        });

        for (Path db : List.of(tutorDb, classDb)) {
            ok("learner", "add", "Ana", "--db", db.toString());
        }
        JsonNode atTutor = play(tutorDb, "pack-tone-a", "--seed", "42", "--answers", answers.toString());
        JsonNode atClass = play(classDb, "pack-tone-a", "--seed", "42", "--answers", answers.toString());
        assertThat(atClass.get("score").asDouble()).isEqualTo(atTutor.get("score").asDouble());
        assertThat(atClass.get("criteria")).isEqualTo(atTutor.get("criteria"));

        JsonNode shipped = play(tutorDb, "mix-song-balance", "--plan", plan.toString());
        JsonNode fromPack = play(classDb, "mix-song-balance-2", "--plan", plan.toString());
        assertThat(fromPack.get("score").asDouble()).isEqualTo(shipped.get("score").asDouble());
        assertThat(fromPack.get("criteria")).isEqualTo(shipped.get("criteria"));
    }

    @Test
    void aHostilePackIsRefusedAtTheCommandLineWithNothingWritten() throws Exception {
        Path zip = PackFixture.zip(dir.resolve("slip.zip"), Map.of("../../escaped.yaml", PackFixture.text("id: x")));
        Path db = db("m");
        CliHarness.Result r = CliHarness.run("pack", "import", zip.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("slip.zip!../../escaped.yaml", "'..'", "nothing was written");
        assertThat(dir.resolve("escaped.yaml")).doesNotExist();
        Path packs = db.getParent().resolve("packs");
        if (Files.exists(packs)) {
            try (Stream<Path> s = Files.list(packs)) {
                assertThat(s.toList()).isEmpty();
            }
        }
    }

    @Test
    void aLessonFromAFolderNamedByPathEarnsNoXpWhileTheSameLessonSavedForTheTutorDoes() throws Exception {
        Path db = db("m");
        ok("learner", "add", "Ana", "--db", db.toString());
        // a lessons folder of one's own: the shipped ladder and a lesson anyone passes
        Path mine = dir.resolve("mine/lessons");
        Files.createDirectories(mine.resolve("sounds"));
        Files.copy(PackFixture.SHIPPED.resolve("career.yaml"), mine.resolve("career.yaml"));
        PackFixture.writeTone(mine.resolve("sounds/tone.wav"));
        String free = PackFixture.toneDrill("free-xp").replace("pass_mark: 70", "pass_mark: 0");
        Files.writeString(mine.resolve("free-xp.yaml"), free);
        Path answers = Files.writeString(dir.resolve("a.txt"), "#1\n".repeat(5));

        JsonNode r = json(ok("scenario", "play", "free-xp", "--learner", "Ana", "--db", db.toString(), "--lessons",
                mine.toString(), "--answers", answers.toString(), "--json", "--no-sound").out());
        assertThat(r.get("passed").asBoolean()).isTrue();
        assertThat(r.get("xp_earned").asInt()).isZero();
        JsonNode p = json(ok("progress", "Ana", "--json", "--db", db.toString(), "--lessons", mine.toString()).out());
        assertThat(p.get("xp").asLong()).as("not even counted against its own folder").isZero();

        // the very same lesson in the tutor's folder (tone beside it) is the tutor's: it earns its XP
        Path tutorFolder = db.getParent().resolve("lessons");
        Files.createDirectories(tutorFolder.resolve("sounds"));
        PackFixture.writeTone(tutorFolder.resolve("sounds/tone.wav"));
        Path draft = Files.writeString(dir.resolve("free-xp-2.yaml"), free.replace("id: free-xp", "id: tutor-free"));
        ok("lessons", "save", draft.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        JsonNode t = json(ok("scenario", "play", "tutor-free", "--learner", "Ana", "--db", db.toString(), "--lessons",
                SHIPPED, "--answers", answers.toString(), "--json", "--no-sound").out());
        assertThat(t.get("xp_earned").asInt()).isEqualTo(20);
        assertThat(json(ok("progress", "Ana", "--json", "--db", db.toString(), "--lessons", SHIPPED).out())
                .get("xp").asLong()).isEqualTo(20);
    }

    @Test
    void lessonsCheckNamesEachProblemAtItsLineAndSaveNeverWritesOver() throws Exception {
        Path db = db("m");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), PackFixture.toneDrill("bad-one")
                .replace("rank: runner", "rank: runer").replace("questions: 5", "questions: five"));
        CliHarness.Result r = CliHarness.run("lessons", "check", bad.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(bad + ":4:7: unknown rank 'runer'; did you mean 'runner'?");
        assertThat(r.err()).containsPattern("bad\\.yaml:1[0-9]:[0-9]+: .*questions");

        Path good = Files.writeString(dir.resolve("good.yaml"), PackFixture.toneDrill("good-one")
                .replace("source: sounds/tone.wav", "source: loops/drums.wav"));
        assertThat(CliHarness.run("lessons", "check", good.toString(), "--db", db.toString(), "--lessons", SHIPPED).out())
                .contains("valid (good-one, drill");
        ok("lessons", "save", good.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        byte[] saved = Files.readAllBytes(db.getParent().resolve("lessons/good.yaml"));
        Files.writeString(good, PackFixture.toneDrill("good-two").replace("source: sounds/tone.wav", "source: loops/drums.wav"));
        CliHarness.Result again = CliHarness.run("lessons", "save", good.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists; save under another name");
        assertThat(Files.readAllBytes(db.getParent().resolve("lessons/good.yaml"))).isEqualTo(saved);
        Path sameIdFile = Files.writeString(dir.resolve("same-id.yaml"), PackFixture.toneDrill("good-one")
                .replace("source: sounds/tone.wav", "source: loops/drums.wav").replace("xp: 20", "xp: 30"));
        CliHarness.Result sameId = CliHarness.run("lessons", "save", sameIdFile.toString(), "--as", "other.yaml",
                "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(sameId.exitCode()).isEqualTo(1);
        assertThat(sameId.err()).contains("id 'good-one' is already used by");
        assertThat(db.getParent().resolve("lessons/other.yaml")).doesNotExist();
        ok("lessons", "save", good.toString(), "--as", "good-two.yaml", "--db", db.toString(), "--lessons", SHIPPED);
    }

    @Test
    void importAndSaveAreTheTutorsOnceAPinIsSet() throws Exception {
        Path db = db("m");
        Path early = Files.writeString(dir.resolve("early.yaml"), PackFixture.toneDrill("early").replace("sounds/tone.wav", "loops/drums.wav"));
        CliHarness.Result open = CliHarness.run("lessons", "save", early.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(open.exitCode()).as("before a tutor PIN exists anyone may").isZero();
        assertThat(open.err()).contains("no tutor PIN is set, so anyone may save a lesson");
        Path zip = dir.resolve("p.zip");
        PackFixture.tutorData(dir.resolve("src"), "pack-tone-a");
        ok("pack", "export", "pack-tone-a", "--out", zip.toString(), "--db", dir.resolve("src/learners.db").toString(),
                "--lessons", SHIPPED);
        try (LearnerStore store = LearnerStore.open(db)) {
            new TutorAuth(store.tutor()).setFirstPin("4821".toCharArray());
        }
        // no PIN given and no terminal to ask at: refused
        CliHarness.Result none = CliHarness.run("pack", "import", zip.toString(), "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("CONTROL_ROOM_TUTOR_PIN");
        CliHarness.Result wrong = CliHarness.run(Map.of("CONTROL_ROOM_TUTOR_PIN", "1111"), "pack", "import", zip.toString(),
                "--db", db.toString(), "--lessons", SHIPPED);
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("wrong tutor PIN");
        assertThat(db.getParent().resolve("packs/p")).doesNotExist();
        Path draft = Files.writeString(dir.resolve("d.yaml"), PackFixture.toneDrill("drafted").replace("sounds/tone.wav", "loops/drums.wav"));
        assertThat(CliHarness.run(Map.of("CONTROL_ROOM_TUTOR_PIN", "1111"), "lessons", "save", draft.toString(), "--db",
                db.toString(), "--lessons", SHIPPED).err()).contains("wrong tutor PIN");
        assertThat(db.getParent().resolve("lessons/d.yaml")).doesNotExist();
        // the right PIN (the child JVM reads it from its real environment)
        Process right = child(db, zip, "4821");
        assertThat(right.exitValue()).isZero();
        assertThat(db.getParent().resolve("packs/p/lessons/tutor/pack-tone-a.yaml")).exists();
        assertThat(CliHarness.run(Map.of("CONTROL_ROOM_TUTOR_PIN", "4821"), "lessons", "save", draft.toString(), "--db",
                db.toString(), "--lessons", SHIPPED).exitCode()).isZero();
    }

    private Process child(Path db, Path zip, String pin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.controlroom.app.Main",
                "pack", "import", zip.toString(), "--db", db.toString(), "--lessons", SHIPPED).redirectErrorStream(true);
        pb.environment().put("CONTROL_ROOM_TUTOR_PIN", pin);
        Process p = pb.start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        p.waitFor();
        return p;
    }
}
