package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * lessons/README.md: "Any tag is rejected". The standard tags ({@code !!str}, {@code !!int}, ...) and
 * the non-specific {@code !} were accepted because the composed tree cannot tell {@code !!str 10}
 * from {@code "10"}; each is now reported where it is written.
 */
class ExplicitTagsTest {

    @TempDir
    java.nio.file.Path tmp;

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2|title: !!str Sample drill|8|!!str",
            "9|'  questions: !!int 10'|14|!!int",
            "10|'  choices: !!seq [125, 250, 500]'|12|!!seq",
            "12|'  pass_mark: !!float 70'|14|!!float",
            "13|'  weights: !!map {accuracy: 1.0}'|12|!!map",
            "2|title: ! Sample drill|8|tag !",
            "2|title: !<tag:yaml.org,2002:str> Sample|8|!!str",
            "3|kind: !!str drill|7|!!str",
            "13|'  weights: {accuracy: !!float 1.0}'|23|!!float",
    })
    void everyExplicitTagIsRejectedWhereItIsWritten(int line, String text, int column, String tag) throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        List<String> lines = ScriptFixture.drillLines();
        lines.set(line - 1, text);
        fx.lesson("drills/tagged.yaml", ScriptFixture.text(lines));

        LessonCatalog c = fx.load();

        assertThat(c.lessons()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).contains(tag).contains("is not allowed").contains("plain YAML values only");
        });
    }
}
