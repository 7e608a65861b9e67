package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brief's constraints in an arrange lesson: read as written, and wrong names or values at their line and column. */
class ArrangeFormatTest {
    @TempDir
    Path dir;

    static final String HEAD = """
            id: arrange-x
            title: X
            kind: arrange
            rank: runner
            brief: X.
            arrange:
              bpm: 120
              stems:
                - {name: drums, asset: loops/drums.wav, gain_db: -3, pan: 0.5}
              sections:
                - {id: intro, name: Intro, bars: 4, energy: 0.2}
                - {id: chorus-1, name: Chorus 1, bars: 8, energy: 0.8}
                - {id: hook, name: Hook, bars: 8, energy: 0.9, role: chorus}
            """;
    static final String TAIL = """
            scoring:
              pass_mark: 70
              weights: {length: 1}
            """;

    @Test
    void theConstraintsAreReadAsWritten() throws Exception {
        ScriptFixture f = new ScriptFixture(dir);
        f.lesson("x.yaml", HEAD + """
                  start:
                    - {section: hook}
                    - {section: intro, bars: 2}
                  target:
                    min_seconds: 20
                    max_seconds: 60
                    must_include: [hook]
                    must_exclude: [intro]
                    radio_edit: {max_seconds: 50, keep: [chorus-1]}
                    arc: rising
                    contrast: {section: intro, min_lu: 4, min_stems: 1, direction: louder}
                """ + TAIL);
        LessonCatalog c = f.load();
        assertThat(c.problems()).isEmpty();
        ArrangeSection a = (ArrangeSection) c.lesson("arrange-x").orElseThrow().section();
        assertThat(a.stems().get(0).gainDb()).isEqualTo(-3.0);
        assertThat(a.section("hook").orElseThrow().isChorus()).isTrue();
        assertThat(a.section("chorus-1").orElseThrow().role()).isEqualTo("chorus");
        assertThat(a.start().orElseThrow().entries()).hasSize(2);
        ArrangeTarget t = a.target();
        assertThat(t.hasFirstChorus()).isFalse();
        assertThat(t.minSeconds()).isEqualTo(20.0);
        assertThat(t.arc()).containsExactly(ArrangeTarget.Level.LOW, ArrangeTarget.Level.MID, ArrangeTarget.Level.HIGH);
        assertThat(t.radioEdit().orElseThrow().keep()).containsExactly("chorus-1");
        assertThat(t.contrast().orElseThrow().direction()).isEqualTo(ArrangeTarget.Direction.LOUDER);
    }

    @Test
    void wrongNamesAndValuesAreProblemsAtTheirLineAndColumn() throws Exception {
        ScriptFixture f = new ScriptFixture(dir);
        Path file = f.lesson("x.yaml", HEAD + """
                  target:
                    must_include: [chorus-9]
                    arc: [low, huge]
                    contrast: {section: bridge, min_lu: 4, direction: sideways}
                  start:
                    - {section: outro}
                """ + TAIL);
        LessonCatalog c = f.load();
        assertThat(c.problems()).extracting(ScriptProblem::toString).anySatisfy(p -> assertThat(p)
                .contains("x.yaml:15:20: unknown section 'chorus-9' in arrange.target.must_include[1]; did you mean 'chorus-1'?"))
                .anySatisfy(p -> assertThat(p).contains("x.yaml:16:16: arrange.target.arc[2] is low, mid or high, found 'huge'"))
                .anySatisfy(p -> assertThat(p).contains("x.yaml:17:25: unknown section 'bridge' in arrange.target.contrast.section"))
                .anySatisfy(p -> assertThat(p).contains("arrange.target.contrast.direction is quieter, louder or either"))
                .anySatisfy(p -> assertThat(p).contains("x.yaml:19:17: unknown section 'outro' in arrange.start[1].section"));
        assertThat(file).exists();
    }
}
