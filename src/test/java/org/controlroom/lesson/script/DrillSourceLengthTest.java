package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill plays clip_seconds of its source per question: a source with no samples, or shorter than
 * the clip, is unplayable and is rejected at validation (before, it validated and scored empty clips).
 */
class DrillSourceLengthTest {

    @TempDir
    Path tmp;

    private LessonCatalog drillOn(ScriptFixture fx, String asset, String clipLine) throws Exception {
        List<String> lines = ScriptFixture.drillLines();
        lines.set(7, "  source: " + asset);
        if (clipLine != null) {
            lines.add(9, clipLine);   // becomes line 10
        }
        fx.lesson("drills/short.yaml", ScriptFixture.text(lines));
        return fx.load();
    }

    private static ScriptProblem single(LessonCatalog c) {
        assertThat(c.lessons()).isEmpty();
        assertThat(c.problems()).hasSize(1);
        return c.problems().get(0);
    }

    @Test
    void aSourceWithNoSamplesIsRejected() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        ScriptFixture.wav(fx.assets.resolve("loops/empty.wav"), 0, 44100);

        ScriptProblem p = single(drillOn(fx, "loops/empty.wav", null));

        assertThat(p.line()).isEqualTo(8);
        assertThat(p.column()).isEqualTo(11);
        assertThat(p.message()).contains("drill.source").contains("'loops/empty.wav'").contains("no audio (0 samples)");
    }

    @Test
    void aSourceShorterThanItsClipSecondsIsRejectedNamingBoth() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        ScriptFixture.wav(fx.assets.resolve("loops/short.wav"), 20000, 8000);   // 2.5 s

        ScriptProblem p = single(drillOn(fx, "loops/short.wav", "  clip_seconds: 4"));

        assertThat(p.line()).isEqualTo(8);
        assertThat(p.message()).contains("drill.source: 'loops/short.wav' is 2.50 s long")
                .contains("shorter than drill.clip_seconds (4 s, line 10)");
    }

    @Test
    void theDefaultClipLengthCountsWhenClipSecondsIsLeftOut() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        ScriptFixture.wav(fx.assets.resolve("loops/three.wav"), 3 * 8000, 8000);

        ScriptProblem p = single(drillOn(fx, "loops/three.wav", null));

        assertThat(p.message()).contains("3.00 s long").contains("drill.clip_seconds (4 s by default)");
    }

    @Test
    void aStereoSourceJustShortOfTheClipIsRejected() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        WavWriter.write(fx.assets.resolve("loops/stereo.wav"), AudioClip.silence(48000, 2, 48000 * 2 - 1));

        ScriptProblem p = single(drillOn(fx, "loops/stereo.wav", "  clip_seconds: 2"));

        assertThat(p.message()).contains("shorter than drill.clip_seconds (2 s");
    }

    @Test
    void aSourceExactlyAsLongAsTheClipIsFine() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        ScriptFixture.wav(fx.assets.resolve("loops/exact.wav"), 2 * 44100, 44100);

        LessonCatalog c = drillOn(fx, "loops/exact.wav", "  clip_seconds: 2");

        assertThat(c.problems()).isEmpty();
        assertThat(c.lessons()).hasSize(1);
    }

    @Test
    void generatorsHaveNoLength() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);

        LessonCatalog c = drillOn(fx, "white-noise", "  clip_seconds: 30");

        assertThat(c.problems()).isEmpty();
    }

    @Test
    void aSourceWithANaNSampleIsRejectedAtValidationNamingItsTime() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        float[] s = new float[8000 * 5];
        s[8000 * 3] = Float.NaN;
        org.controlroom.dsp.io.RawFloatWav.write32(fx.assets.resolve("loops/nan.wav"), 8000, 1, s);

        ScriptProblem p = single(drillOn(fx, "loops/nan.wav", null));

        assertThat(p.line()).isEqualTo(8);
        assertThat(p.message()).contains("drill.source: asset 'loops/nan.wav' cannot be read")
                .contains("3.000 s").contains("NaN");
    }

    @Test
    void aMixTrackWithNoSamplesIsRejectedToo() throws Exception {
        ScriptFixture fx = new ScriptFixture(tmp);
        ScriptFixture.wav(fx.assets.resolve("loops/empty.wav"), 0, 44100);
        fx.lesson("mix.yaml", """
                id: mix-empty
                title: Empty track
                kind: mix
                rank: runner
                brief: Balance.
                mix:
                  tracks:
                    - {name: drums, asset: loops/drums.wav}
                    - {name: ghost, asset: loops/empty.wav}
                  target: {integrated_lufs: -14, true_peak_dbtp: -1}
                scoring:
                  pass_mark: 70
                  weights: {loudness: 1}
                """);

        LessonCatalog c = fx.load();

        assertThat(c.lessons()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("mix.tracks[2].asset").contains("no audio (0 samples)");
        });
    }
}
