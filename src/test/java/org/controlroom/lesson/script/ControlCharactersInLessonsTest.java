package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lesson text that reaches the terminal or the window (title, brief, names, roles) may hold no
 * control characters except new line and tab: an ESC or OSC sequence, a NUL, a C1 CSI or a
 * bidirectional override is rejected at validation with file:line:column, naming the field.
 */
class ControlCharactersInLessonsTest {

    @TempDir
    Path tmp;

    private List<ScriptProblem> problemsOf(List<String> lines) throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("drills/bad.yaml", ScriptFixture.text(lines));
        LessonCatalog c = fx.load();
        assertThat(c.lessons()).as("a lesson with a control character is left out").isEmpty();
        return c.problems();
    }

    static Stream<Arguments> hostileText() {
        return Stream.of(
                Arguments.of("ESC colour sequence in the title", 2, "title: \"Sample \\e[31mred\\e[0m\"", 8,
                        "title", "U+001B (escape) at character 8"),
                Arguments.of("OSC window-title sequence in the title", 2, "title: \"x\\e]0;owned\\a\"", 8,
                        "title", "U+001B"),
                Arguments.of("NUL in the title", 2, "title: \"Sample\\0drill\"", 8, "title", "U+0000 (NUL)"),
                Arguments.of("C1 CSI in the brief", 5, "brief: \"Listen \\x9b2J closely\"", 8, "brief",
                        "U+009B"),
                Arguments.of("bell in a single-line brief", 5, "brief: \"Listen\\a\"", 8, "brief", "U+0007 (bell)"),
                Arguments.of("carriage return that rewrites the line", 5, "brief: \"Listen\\rPAID\"", 8, "brief",
                        "U+000D (carriage return)"),
                Arguments.of("backspace", 2, "title: \"Sam\\bple\"", 8, "title", "U+0008"),
                Arguments.of("DEL", 2, "title: \"Sample\\x7f\"", 8, "title", "U+007F (delete)"),
                Arguments.of("right-to-left override (raw)", 2, "title: Sample \u202Eevil", 8, "title",
                        "U+202E (right-to-left override)"),
                Arguments.of("escape in the rank id", 4, "rank: \"runner\\e\"", 7, "rank", "U+001B"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileText")
    void controlCharactersAreRejectedAtTheirField(String name, int line, String text, int column, String field,
                                                  String what) throws Exception {
        List<String> lines = ScriptFixture.drillLines();
        lines.set(line - 1, text);

        List<ScriptProblem> problems = problemsOf(lines);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("bad.yaml");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).startsWith(field).contains(what).contains("control character");
        });
        assertThat(problems).allSatisfy(p -> assertThat(ControlCharacters.first(p.toString())).isEqualTo(-1));
    }

    @Test
    void aControlCharacterInABudgetNameIsRejectedAtItsLine() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("budget.yaml", """
                id: budget-x
                title: Budget
                kind: budget
                rank: runner
                brief: Two songs.
                budget:
                  money: 1500
                  deadline_days: 5
                  songs: 2
                  studios:
                    - {id: s, name: "Studio\\e[2J", day_rate: 450, songs_per_day: 1.0, quality: 0.75}
                  mixing:
                    - {id: m, name: Mix, fee_per_song: 250, days_per_song: 1.0, quality: 0.75}
                  mastering:
                    - {id: o, name: Master, fee_per_song: 25, days: 1, quality: 0.55}
                scoring:
                  pass_mark: 60
                  weights: {delivery: 1}
                """);

        LessonCatalog c = fx.load();

        assertThat(c.lessons()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("budget.studios[1].name").contains("U+001B");
        });
    }

    @Test
    void aRankNameInCareerYamlWithAnEscapeIsRejected() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        Files.writeString(fx.lessons.resolve("career.yaml"), """
                ranks:
                  - {id: runner, name: "Runner\\e]8;;http://x\\e\\\\", xp: 0, role: "Makes the tea"}
                """);

        LessonCatalog c = fx.load();

        assertThat(c.problems()).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("career.yaml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("ranks[1].name").contains("U+001B");
        });
    }

    @Test
    void newLinesAndTabsInAFoldedOrQuotedBriefAreOrdinaryText() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        List<String> lines = ScriptFixture.drillLines();
        lines.set(4, "brief: \"First line.\\nSecond line,\\tindented. Accents é and 日本 are fine.\"");
        fx.lesson("drills/good.yaml", ScriptFixture.text(lines));

        LessonCatalog c = fx.load();

        assertThat(c.problems()).isEmpty();
        assertThat(c.lessons()).singleElement().extracting(Lesson::brief).asString().contains("\n").contains("\t");
    }

    @Test
    void anUnknownFieldNameWithAnEscapeIsReportedWithoutTheRawEscape() throws Exception {
        List<String> lines = ScriptFixture.drillLines();
        lines.add("\"\\e]0;owned\\a\": 1");

        List<ScriptProblem> problems = problemsOf(lines);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).contains("unknown field").contains("\\u001B").doesNotContain("\u001b");
        });
    }

    @Test
    void aLessonFileWhoseNameHoldsAnEscapeIsNotLoadedAndItsNameIsPrintedSafely() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        fx.lesson("drills/evil\u001b[2J.yaml", ScriptFixture.text(ScriptFixture.drillLines()));

        LessonCatalog c = fx.load();

        assertThat(c.lessons()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("file name holds a control character");
            assertThat(p.toString()).contains("evil\\u001B[2J.yaml").doesNotContain("\u001b");
        });
    }
}
