package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of malformed scripts: each is rejected at the right file, line, column, naming the field. */
class MalformedScriptsTest {

    @TempDir
    Path tmp;

    /** Writes the case's files into a fresh project folder. */
    @FunctionalInterface
    interface Setup {
        void write(ScriptFixture fx) throws IOException;
    }

    record Case(String name, Setup setup, String file, int line, int column, List<String> fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case drill(String name, UnaryOperator<List<String>> edit, int line, int column,
                              String... fragments) {
        return new Case(name, fx -> fx.lesson("drills/bad.yaml", ScriptFixture.text(edit.apply(
                ScriptFixture.drillLines()))), "bad.yaml", line, column, List.of(fragments));
    }

    private static Case file(String name, String content, int line, int column, String... fragments) {
        return new Case(name, fx -> fx.lesson("drills/bad.yaml", content), "bad.yaml", line, column,
                List.of(fragments));
    }

    private static UnaryOperator<List<String>> set(int line, String text) {
        return lines -> {
            lines.set(line - 1, text);
            return lines;
        };
    }

    private static UnaryOperator<List<String>> add(int afterLine, String text) {
        return lines -> {
            lines.add(afterLine, text);
            return lines;
        };
    }

    private static UnaryOperator<List<String>> remove(int line) {
        return lines -> {
            lines.remove(line - 1);
            return lines;
        };
    }

    static final String BILLION_LAUGHS = """
            id: lol
            title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

    static Stream<Case> malformed() {
        return Stream.of(
                drill("syntax error: unclosed flow list", set(10, "  choices: [125, 250, 500"), 11, 8,
                        "YAML syntax error"),
                drill("tab indentation", set(7, "\texercise: eq-frequency"), 7, 1, "tab"),
                drill("unknown top-level field", add(13, "colour: red"), 14, 1, "unknown field 'colour'"),
                drill("unknown drill field with suggestion", add(10, "  gian_db: 6"), 11, 3,
                        "unknown field 'gian_db' in drill", "did you mean 'gain_db'"),
                drill("text where a number belongs", set(9, "  questions: ten"), 9, 14,
                        "drill.questions must be a number", "'ten'"),
                drill("missing id", remove(1), 1, 1, "missing required field 'id'"),
                drill("missing section", lines -> lines.subList(0, 5).stream()
                        .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)),
                        1, 1, "missing section 'drill'"),
                drill("section not matching kind", set(6, "mix:"), 6, 1, "section 'mix' does not match kind: drill"),
                drill("unknown kind with suggestion", set(3, "kind: dril"), 3, 7, "unknown kind 'dril'",
                        "did you mean 'drill'"),
                drill("unknown rank", set(4, "rank: intern"), 4, 7, "unknown rank 'intern'", "runner, engineer"),
                drill("NaN gain", add(10, "  gain_db: .nan"), 11, 12, "drill.gain_db", "NaN"),
                drill("infinite clip length", add(10, "  clip_seconds: .inf"), 11, 17, "drill.clip_seconds",
                        "infinity"),
                drill("negative clip_seconds", add(10, "  clip_seconds: -2"), 11, 17,
                        "drill.clip_seconds must be between 1 and 30, found -2"),
                drill("gain beyond 24 dB", add(10, "  gain_db: 30"), 11, 12,
                        "drill.gain_db must be between -24 and 24, found 30"),
                drill("q of zero", add(10, "  q: 0"), 11, 6, "drill.q must be between 0.1 and 20, found 0"),
                drill("frequency above 20 kHz", set(10, "  choices: [125, 25000]"), 10, 18,
                        "drill.choices[2] (Hz) must be between 20 and 20000, found 25000"),
                drill("only one choice", set(10, "  choices: [1000]"), 10, 12, "drill.choices",
                        "at least 2 answer options"),
                drill("duplicate choice", set(10, "  choices: [125, 250, 125]"), 10, 23, "drill.choices",
                        "125 is given twice"),
                drill("eq-gain without its frequency", set(7, "  exercise: eq-gain").andThen(
                        set(10, "  choices: [-6, -3, 3, 6]"))::apply, 7, 3, "drill.frequency_hz"),
                drill("unknown band shape with suggestion", add(10, "  filter: lowshelve"), 11, 11,
                        "unknown drill.filter 'lowshelve'", "did you mean 'lowshelf'"),
                drill("three bands on three choices", add(10, "  bands: 3"), 11, 10, "drill.bands",
                        "at least 7 choices"),
                drill("four bands at once", add(10, "  bands: 4"), 11, 10, "drill.bands must be between 1 and 3"),
                drill("eq-match with choices", set(7, "  exercise: eq-match"), 10, 12, "drill.choices",
                        "do not belong to eq-match"),
                drill("eq-match in an unknown mode", set(7, "  exercise: eq-match").andThen(
                        set(10, "  mode: undoo"))::apply, 10, 9, "unknown drill.mode 'undoo'", "did you mean 'undo'"),
                drill("eq-match range too narrow for its bands", set(7, "  exercise: eq-match").andThen(
                        set(10, "  range_hz: [500, 2000]")).andThen(add(10, "  bands: 2"))::apply, 10, 13,
                        "drill.range_hz", "too narrow for 2 band(s)", "at least 3 octaves"),
                drill("eq-match range given backwards", set(7, "  exercise: eq-match").andThen(
                        set(10, "  range_hz: [8000, 100]"))::apply, 10, 13, "drill.range_hz", "above the high end"),
                drill("eq-match q_range not a pair", set(7, "  exercise: eq-match").andThen(
                        set(10, "  q_range: 1.4"))::apply, 10, 12, "drill.q_range", "two numbers"),
                drill("eq-match smallest gain above the largest", set(7, "  exercise: eq-match").andThen(
                        set(10, "  gain_db: 6")).andThen(add(10, "  min_gain_db: 9"))::apply, 11, 16,
                        "drill.min_gain_db", "more than drill.gain_db"),
                drill("a match mode on eq-frequency", add(10, "  mode: copy"), 11, 9, "drill.mode belongs to eq-match"),
                drill("no-change trials on a pan drill", set(7, "  exercise: pan").andThen(
                        set(10, "  choices: [-1, 0, 1]")).andThen(add(10, "  no_change: 0.2"))::apply, 11, 14,
                        "drill.no_change", "pan"),
                drill("a resolution staircase that is not adaptive", add(10, "  adapt_by: resolution"), 11, 13,
                        "drill.adapt_by", "adaptive: true"),
                drill("grid offset on a level drill", set(7, "  exercise: level").andThen(
                        set(10, "  choices: [-3, 3]")).andThen(add(10, "  grid_offset: true"))::apply, 11, 16,
                        "drill.grid_offset belongs to eq-frequency"),
                drill("mix-level without stems", set(7, "  exercise: mix-level").andThen(
                        set(10, "  choices: [-3, 3]"))::apply, 7, 3, "drill.stems", "at least 2"),
                drill("a staircase on eq-q", set(7, "  exercise: eq-q").andThen(set(10, "  choices: [0.7, 4]"))
                        .andThen(add(10, "  adaptive: true"))::apply, 11, 13, "drill.adaptive", "eq-q has no staircase"),
                drill("width on mono noise", set(7, "  exercise: width").andThen(set(10, "  choices: [0.5, 1.5]"))::apply,
                        8, 11, "drill.source", "stereo recording"),
                drill("eq-boost-cut choices other than +1 and -1", set(7, "  exercise: eq-boost-cut").andThen(
                        set(10, "  choices: [1, 0.5]"))::apply, 10, 12, "drill.choices", "+1 (boost) and -1 (cut)"),
                drill("unknown generator with suggestion", set(8, "  source: pink-nois"), 8, 11,
                        "unknown drill.source generator 'pink-nois'", "did you mean 'pink-noise'"),
                drill("missing asset", set(8, "  source: loops/missing.wav"), 8, 11, "drill.source",
                        "'loops/missing.wav' not found"),
                drill("asset path with ..", set(8, "  source: ../secret.wav"), 8, 11, "drill.source", "'..'"),
                drill("absolute asset path", set(8, "  source: /etc/passwd.wav"), 8, 11, "drill.source",
                        "is absolute"),
                new Case("symlink escaping the assets root", fx -> {
                    Path outside = ScriptFixture.wav(fx.root.resolve("outside/secret.wav"));
                    Files.createSymbolicLink(fx.assets.resolve("escape.wav"), outside);
                    fx.lesson("drills/bad.yaml", ScriptFixture.text(set(8, "  source: escape.wav")
                            .apply(ScriptFixture.drillLines())));
                }, "bad.yaml", 8, 11, List.of("drill.source", "'escape.wav'", "outside")),
                new Case("non-audio asset", fx -> {
                    Files.writeString(fx.assets.resolve("loops/drums.mid"), "MThd");
                    fx.lesson("drills/bad.yaml", ScriptFixture.text(set(8, "  source: loops/drums.mid")
                            .apply(ScriptFixture.drillLines())));
                }, "bad.yaml", 8, 11, List.of("drill.source", "must be an audio file (.wav")),
                drill("my_music not a boolean", add(9, "  my_music: \"yes\""), 10, 13,
                        "drill.my_music must be true or false"),
                drill("excerpt range on a generator", add(9, "  excerpt_from_s: 10"), 10, 19,
                        "need an audio file source"),
                drill("excerpt range shorter than a clip", lines -> {
                    lines.add(9, "  excerpt_from_s: 10");
                    lines.add(10, "  excerpt_to_s: 12");
                    return lines;
                }, 11, 17, "drill.excerpt_to_s must be at least drill.clip_seconds (4 s) after drill.excerpt_from_s"),
                new Case("an .ogg that is not audio", fx -> {
                    Files.writeString(fx.assets.resolve("loops/drums.ogg"), "lyrics, not sound");
                    fx.lesson("drills/bad.yaml", ScriptFixture.text(set(8, "  source: loops/drums.ogg")
                            .apply(ScriptFixture.drillLines())));
                }, "bad.yaml", 8, 11, List.of("drill.source", "'loops/drums.ogg' is not readable audio")),
                new Case("a .wav that is not a WAV", fx -> {
                    Files.writeString(fx.assets.resolve("loops/fake.wav"), "not audio at all");
                    fx.lesson("drills/bad.yaml", ScriptFixture.text(set(8, "  source: loops/fake.wav")
                            .apply(ScriptFixture.drillLines())));
                }, "bad.yaml", 8, 11, List.of("drill.source", "not a WAV file")),
                drill("java class tag", set(2, "title: !!java.lang.Runtime x"), 2, 8, "!!java.lang.Runtime",
                        "not allowed"),
                drill("custom tag", set(2, "title: !shout Sample"), 2, 8, "tag !shout is not allowed"),
                file("alias bomb (billion laughs)", BILLION_LAUGHS, 1, 1, "too many aliases"),
                drill("recursive alias", set(10, "  choices: &c [125, *c]"), 10, 12, "drill.choices[2]",
                        "must be a number, found a list"),
                drill("merge key", set(7, "  <<: {exercise: eq-frequency}"), 7, 3, "merge keys"),
                drill("duplicate key", add(2, "title: Again"), 3, 1, "duplicate key 'title'", "line 2"),
                drill("pass mark above 100", set(12, "  pass_mark: 120"), 12, 14,
                        "scoring.pass_mark must be between 0 and 100, found 120"),
                drill("weight on an unknown criterion", set(13, "  weights: {accuracy: 1.0, loudness: 1}"), 13, 28,
                        "unknown criterion 'loudness'", "accuracy, speed"),
                drill("zero weight", set(13, "  weights: {accuracy: 0}"), 13, 23,
                        "scoring.weights.accuracy must be greater than 0"),
                drill("id with capitals", set(1, "id: Sample_Drill"), 1, 5, "id 'Sample_Drill'", "lower-case"),
                drill("xp too large", add(5, "xp: 5000"), 6, 5, "xp must be between 0 and 1000"),
                drill("whole number expected", set(9, "  questions: 2.5"), 9, 14,
                        "drill.questions must be a whole number"),
                drill("title is a list", set(2, "title: [a, b]"), 2, 8, "title must be text, found a list"),
                file("file larger than 1 MB", "# " + "x".repeat(1_100_000) + "\n", 1, 1, "file is too large"),
                new Case("not UTF-8", fx -> Files.write(fx.lessons.resolve("bad.yaml"),
                        new byte[] {'i', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}),
                        "bad.yaml", 1, 1, List.of("not UTF-8")),
                drill("missing scoring", lines -> new java.util.ArrayList<>(lines.subList(0, 10)), 1, 1,
                        "missing required field 'scoring'"),
                drill("missing weights points at scoring", remove(13), 12, 3, "missing required field 'scoring.weights'"),
                file("empty file", "", 1, 1, "file is empty"),
                file("comments only", "# nothing here\n", 1, 1, "file is empty"),
                file("a list at the top level", "- id: a\n- id: b\n", 1, 1, "must be a mapping"),
                file("two documents", ScriptFixture.text(ScriptFixture.drillLines()) + "---\nid: other\n", 15, 1,
                        "only one lesson per file"),
                new Case("duplicate id across two files", fx -> {
                    fx.lesson("drills/a-first.yaml", ScriptFixture.text(ScriptFixture.drillLines()));
                    fx.lesson("drills/b-second.yaml", ScriptFixture.text(ScriptFixture.drillLines()));
                }, "b-second.yaml", 1, 5, List.of("duplicate id 'sample-drill'", "drills/a-first.yaml")),
                file("budget: quality above 1 and no mixing", """
                        id: bad-budget
                        title: Bad budget
                        kind: budget
                        rank: engineer
                        brief: Spend wisely.
                        budget:
                          money: 1000
                          deadline_days: 5
                          songs: 1
                          studios:
                            - {id: room, name: Room, day_rate: 300, songs_per_day: 1, quality: 1.5}
                          mastering:
                            - {id: m, name: M, fee_per_song: 50, days: 1, quality: 0.5}
                        scoring:
                          pass_mark: 50
                          weights: {delivery: 1}
                        """, 11, 72, "budget.studios[1].quality must be between 0 and 1, found 1.5"),
                file("budget: missing mixing list points at the section", """
                        id: bad-budget
                        title: Bad budget
                        kind: budget
                        rank: engineer
                        brief: Spend wisely.
                        budget:
                          money: 1000
                          deadline_days: 5
                          songs: 1
                          studios:
                            - {id: room, name: Room, day_rate: 300, songs_per_day: 1, quality: 0.5}
                          mastering:
                            - {id: m, name: M, fee_per_song: 50, days: 1, quality: 0.5}
                        scoring:
                          pass_mark: 50
                          weights: {delivery: 1}
                        """, 7, 3, "missing required field 'budget.mixing'"),
                file("budget: lower-case currency and duplicate studio id", """
                        id: bad-budget
                        title: Bad budget
                        kind: budget
                        rank: engineer
                        brief: Spend wisely.
                        budget:
                          currency: gbp
                          money: 1000
                          deadline_days: 5
                          songs: 1
                          studios:
                            - {id: room, name: Room, day_rate: 300, songs_per_day: 1, quality: 0.5}
                            - {id: room, name: Room 2, day_rate: 300, songs_per_day: 1, quality: 0.5}
                          mixing:
                            - {id: x, name: X, fee_per_song: 100, days_per_song: 1, quality: 0.5}
                          mastering:
                            - {id: m, name: M, fee_per_song: 50, days: 1, quality: 0.5}
                        scoring:
                          pass_mark: 50
                          weights: {delivery: 1}
                        """, 13, 12, "duplicate id 'room' in budget.studios"),
                file("mix: balance names a track that does not exist", """
                        id: bad-mix
                        title: Bad mix
                        kind: mix
                        rank: runner
                        brief: Balance it.
                        mix:
                          tracks:
                            - {name: drums, asset: loops/drums.wav}
                          target: {integrated_lufs: -14, true_peak_dbtp: -1}
                          balance: {drums: 0, vocals: -3}
                        scoring:
                          pass_mark: 50
                          weights: {balance: 1}
                        """, 10, 23, "mix.balance.vocals names a track that is not in tracks"),
                file("mix: loudness target above 0 LUFS", """
                        id: bad-mix
                        title: Bad mix
                        kind: mix
                        rank: runner
                        brief: Balance it.
                        mix:
                          tracks:
                            - {name: drums, asset: loops/drums.wav}
                          target: {integrated_lufs: 3, true_peak_dbtp: -1}
                        scoring:
                          pass_mark: 50
                          weights: {loudness: 1}
                        """, 9, 29, "mix.target.integrated_lufs must be between -40 and 0, found 3"),
                file("takes: a phrase with one take", """
                        id: bad-takes
                        title: Bad takes
                        kind: takes
                        rank: runner
                        brief: Pick one.
                        takes:
                          bpm: 100
                          phrases:
                            - name: Line 1
                              takes: [{id: t1, asset: loops/drums.wav}]
                        scoring:
                          pass_mark: 50
                          weights: {pitch: 1}
                        """, 10, 14, "takes.phrases[1].takes needs at least 2 entries, found 1"),
                file("arrange: bpm out of range and one section", """
                        id: bad-arrange
                        title: Bad arrange
                        kind: arrange
                        rank: runner
                        brief: Order it.
                        arrange:
                          bpm: 400
                          stems: [{name: drums, asset: loops/drums.wav}]
                          sections: [{id: verse, name: Verse, bars: 8, energy: 0.5}]
                          target: {max_seconds: 120, first_chorus_by_seconds: 30}
                        scoring:
                          pass_mark: 50
                          weights: {length: 1}
                        """, 7, 8, "arrange.bpm must be between 40 and 240, found 400"));
    }

    static Stream<Arguments> cases() {
        return malformed().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedScriptIsRejectedAtTheRightPlace(Case c) throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        c.setup().write(fx);

        LessonCatalog catalog = fx.load();

        assertThat(catalog.problems())
                .as("problems of case '%s'", c.name())
                .anySatisfy(p -> {
                    assertThat(p.file().getFileName()).hasToString(c.file());
                    assertThat(p.line()).isEqualTo(c.line());
                    assertThat(p.column()).isEqualTo(c.column());
                    assertThat(p.message()).contains(c.fragments());
                    assertThat(p.toString()).startsWith(p.file() + ":" + c.line() + ":" + c.column() + ": ");
                });
        assertThat(catalog.lessons()).extracting(l -> l.file().getFileName().toString())
                .doesNotContain(c.file());
    }

    @Test
    void theTableHasAtLeastTwentyFiveCases() {
        assertThat(malformed().count()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void oneBadFileDoesNotStopTheOthersLoading() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("a/good-one.yaml", ScriptFixture.text(ScriptFixture.drillLines()));
        fx.lesson("b/broken.yaml", "id: [unclosed\n");
        fx.lesson("c/good-two.yaml", ScriptFixture.text(set(1, "id: second-drill").apply(ScriptFixture.drillLines())));

        LessonCatalog catalog = fx.load();

        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("sample-drill", "second-drill");
        assertThat(catalog.problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file().getFileName()).hasToString("broken.yaml"));
    }

    @Test
    void everyProblemOfAFileIsReportedNotJustTheFirst() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("bad.yaml", ScriptFixture.text(set(4, "rank: intern")
                .andThen(set(9, "  questions: 0"))
                .andThen(set(12, "  pass_mark: -1"))
                .andThen(add(10, "  q: 50")).apply(ScriptFixture.drillLines())));

        assertThat(fx.load().problems()).extracting(ScriptProblem::line).containsExactlyInAnyOrder(4, 9, 11, 13);
    }

    @Test
    void aliasBombIsRejectedQuickly() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("bomb.yaml", BILLION_LAUGHS);
        LessonCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(5), fx::load);
        assertThat(catalog.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("too many aliases"));
    }

    @Test
    void aFewAliasesAreStillAllowed() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("ok.yaml", ScriptFixture.text(set(10, "  choices: &octaves [125, 250, 500]")
                .andThen(add(13, "# reused below")).apply(ScriptFixture.drillLines())));
        assertThat(fx.load().problems()).isEmpty();
    }

    @Test
    void assetsResolveInTheLessonsOwnFolderFirst() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path own = ScriptFixture.wav(fx.lessons.resolve("drills/loops/drums.wav"));
        fx.lesson("drills/own.yaml", ScriptFixture.text(set(8, "  source: loops/drums.wav")
                .apply(ScriptFixture.drillLines())));

        Lesson lesson = fx.load().lessons().get(0);

        assertThat(((DrillSection) lesson.section()).source())
                .isEqualTo(new AssetSource("loops/drums.wav", own.toRealPath()));
    }

    @Test
    void careerWithXpOutOfOrderIsRejected() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        Path career = fx.lessons.resolve("career.yaml");
        Files.writeString(career, """
                ranks:
                  - {id: runner, name: Runner, xp: 10, role: a}
                  - {id: engineer, name: Engineer, xp: 5, role: b}
                  - {id: engineer, name: Engineer 2, xp: 50, role: c}
                """);

        ScriptException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptException.class,
                () -> CareerLoader.load(career));

        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message())
                .containsExactly(
                        "2:36 ranks[1].xp of the first rank must be 0, found 10",
                        "3:40 ranks[2].xp must be more than the previous rank's 10 (ranks are listed from first to last), found 5",
                        "4:10 duplicate rank id 'engineer' in ranks (first given at line 3)");
        assertThat(fx.load().problems()).hasSize(3);
    }

    @Test
    void missingCareerIsReportedAndLessonsStillLoad() throws IOException {
        ScriptFixture fx = new ScriptFixture(tmp);
        Files.delete(fx.lessons.resolve("career.yaml"));
        fx.lesson("ok.yaml", ScriptFixture.text(ScriptFixture.drillLines()));

        LessonCatalog catalog = fx.load();

        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName()).hasToString("career.yaml");
            assertThat(p.message()).contains("career file not found");
        });
        assertThat(catalog.lessons()).hasSize(1);
        assertThat(catalog.career()).isEmpty();
    }
}
