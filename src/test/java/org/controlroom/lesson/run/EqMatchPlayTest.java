package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.controlroom.analysis.SpectrumComparison;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * eq-match scored against the truth the question hides: an exact answer, one octave off, a few dB off, bands
 * in another order, the dials left flat, and the spectral distance of an exact undo measured on the audio.
 * Random dials are {@link GuessingDoesNotPassTest}'s (40 attempts per shipped lesson).
 */
class EqMatchPlayTest {

    private static LessonCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets"));
    }

    private static Lesson lesson(String id) {
        return catalog.lesson(id).orElseThrow();
    }

    private static LessonPlay play(Lesson lesson, long seed) {
        return LessonKinds.builtIn().kind(lesson.kind()).play(lesson, LessonKindPlugin.PlayContext.of(seed));
    }

    private static DrillSection drill(Lesson l) {
        return (DrillSection) l.section();
    }

    /** The bands that undo (gains negated) or copy the question's hidden EQ exactly. */
    private static List<Response.Band> exact(DrillQuestion q) {
        List<Response.Band> out = new ArrayList<>();
        for (EqBand h : q.hidden()) {
            out.add(new Response.Band(h.frequencyHz(), q.undo() ? -h.gainDb() : h.gainDb(), h.q()));
        }
        return out;
    }

    private static double weighted(Lesson lesson, List<Criterion> criteria) {
        Map<String, Double> w = lesson.scoring().weights();
        double sum = 0;
        double total = 0;
        for (Criterion c : criteria) {
            double wc = w.getOrDefault(c.name(), 0.0);
            sum += wc * c.score();
            total += wc;
        }
        return sum / total;
    }

    @Test
    void everyShippedMatchLessonScoresAnExactAnswerAtLeast95() {
        List<Lesson> match = catalog.lessons().stream()
                .filter(l -> l.section() instanceof DrillSection d && d.exercise() == DrillExercise.EQ_MATCH).toList();
        assertThat(match).hasSizeGreaterThanOrEqualTo(4);
        assertThat(match.stream().map(Lesson::rank).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(match.stream().filter(l -> drill(l).source() instanceof org.controlroom.lesson.script.AssetSource))
                .isNotEmpty();
        for (Lesson l : match) {
            LessonPlay p = play(l, 11);
            for (int i = 0; i < p.stepCount(); i++) {
                DrillQuestion q = p.step(i).drillQuestion().orElseThrow();
                assertThat(q.hidden()).hasSize(drill(l).options().bands());
                LessonPlay.Judgement j = p.judge(i, new Response.Match(exact(q)), 2000);
                assertThat(j.feedback().points()).as(l.id() + " q" + i).isEqualTo(10);
                assertThat(j.feedback().correct()).contains(true);
                p.answered(i, j);
            }
            double score = weighted(l, p.criteria());
            assertThat(score).as(l.id()).isGreaterThanOrEqualTo(95);
        }
    }

    @Test
    void oneOctaveOffTheFrequencyLosesThePenaltyBeyondTheTolerance() {
        Lesson l = lesson("eq-match-undo-one-band");
        DrillSection d = drill(l);
        LessonPlay p = play(l, 5);
        DrillQuestion q = p.step(0).drillQuestion().orElseThrow();
        Response.Band right = exact(q).get(0);
        double up = right.hz() * 2 <= 20000 ? 2 : 0.5;
        LessonPlay.Judgement j = p.judge(0, new Response.Match(List.of(
                new Response.Band(right.hz() * up, right.gainDb(), right.q()))), 2000);
        // the rule: 10 points less penalty_per_unit for each octave beyond the tolerance
        double expected = 10 - d.penaltyPerUnit() * (1 - d.tolerance());
        assertThat(j.feedback().points()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.feedback().correct()).contains(false);
        assertThat(j.feedback().error()).hasValueSatisfying(e -> assertThat(e).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9)));

        // 3 dB off the gain: penalty_per_db for each dB beyond tolerance_db
        LessonPlay.Judgement g = p.judge(1, new Response.Match(List.of(new Response.Band(
                exact(p.step(1).drillQuestion().orElseThrow()).get(0).hz(),
                exact(p.step(1).drillQuestion().orElseThrow()).get(0).gainDb() + 3,
                exact(p.step(1).drillQuestion().orElseThrow()).get(0).q()))), 2000);
        double tolDb = d.options().match().toleranceDb();
        assertThat(g.feedback().points()).isCloseTo(10 - d.options().match().penaltyPerDb() * (3 - tolDb),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void bandsMayBeDialledInAnyOrderAndEachBandCountsForItsShare() {
        Lesson l = lesson("eq-match-copy-mix");
        DrillSection d = drill(l);
        LessonPlay p = play(l, 3);
        DrillQuestion q = p.step(0).drillQuestion().orElseThrow();
        List<Response.Band> reversed = new ArrayList<>(exact(q));
        java.util.Collections.reverse(reversed);
        assertThat(p.judge(0, new Response.Match(reversed), 2000).feedback().points()).isEqualTo(10);

        // one of three bands an octave off: a third of that band's penalty
        DrillQuestion q1 = p.step(1).drillQuestion().orElseThrow();
        List<Response.Band> one = new ArrayList<>(exact(q1));
        Response.Band b = one.get(1);
        one.set(1, new Response.Band(b.hz() / 2, b.gainDb(), b.q()));
        double points = p.judge(1, new Response.Match(one), 2000).feedback().points();
        // halving the middle band may bring it nearer another band; the pairing then takes the cheaper pairing,
        // so the loss is at most the rule's
        assertThat(points).isLessThan(10).isGreaterThanOrEqualTo(10 - d.penaltyPerUnit() * (1 - d.tolerance()) / 3 - 1e-9
                - d.options().match().penaltyPerDb() * 16);
    }

    @Test
    void anExactUndoMeasuresASpectralDistanceOfAboutZeroDecibels() throws Exception {
        Lesson l = lesson("eq-match-undo-one-band");
        LessonPlay p = play(l, 21);
        DrillQuestion q = p.step(0).drillQuestion().orElseThrow();
        DrillAudio.Pair pair = p.listening(0).orElseThrow().pair();
        // measured here, independently of the play: B through the negated bells against A
        List<EqBand> inverse = q.hidden().stream()
                .map(h -> EqBand.of(FilterType.PEAK, h.frequencyHz(), -h.gainDb(), h.q())).toList();
        AudioClip undone = pair.b().copy();
        ParametricEq eq = new ParametricEq(inverse);
        eq.prepare(undone.sampleRate(), 2, undone.frames());
        eq.process(undone.samples(), 0, undone.samples().length);
        double exactDistance = SpectrumComparison.of(ThirdOctaveSpectrum.of(undone), ThirdOctaveSpectrum.of(pair.a()))
                .distanceDb();
        double flatDistance = SpectrumComparison.of(ThirdOctaveSpectrum.of(pair.b()), ThirdOctaveSpectrum.of(pair.a()))
                .distanceDb();
        assertThat(exactDistance).isLessThan(0.1);
        assertThat(flatDistance).isGreaterThan(0.5);

        p.answered(0, p.judge(0, new Response.Match(exact(q)), 2000));
        Criterion spectrum = p.criteria().stream().filter(c -> c.name().equals("spectrum")).findFirst().orElseThrow();
        assertThat((Double) spectrum.measured().get("distance_db")).isLessThan(0.1);
        assertThat(spectrum.score()).isGreaterThan(95);
    }

    @Test
    void theDialsLeftFlatOrTurnedTheWrongWayScoreNoSpectrum() {
        Lesson l = lesson("eq-match-undo-one-band");
        LessonPlay p = play(l, 8);
        for (int i = 0; i < p.stepCount(); i++) {
            DrillQuestion q = p.step(i).drillQuestion().orElseThrow();
            Response.Band right = exact(q).get(0);
            Response.Band wrongWay = new Response.Band(right.hz(), -right.gainDb(), right.q());
            p.answered(i, p.judge(i, new Response.Match(List.of(i % 2 == 0 ? wrongWay
                    : new Response.Band(right.hz(), 0, right.q()))), 2000));
        }
        Criterion spectrum = p.criteria().stream().filter(c -> c.name().equals("spectrum")).findFirst().orElseThrow();
        assertThat(spectrum.score()).isLessThan(1);
        assertThat(weighted(l, p.criteria())).isLessThan(l.scoring().passMark());
    }

    @Test
    void anAnswerMustDialEveryBandWithinTheDialsLimits() {
        Lesson l = lesson("eq-match-undo-vocal");
        LessonPlay p = play(l, 2);
        assertThatThrownBy(() -> p.judge(0, new Response.Match(List.of(new Response.Band(1000, 3, 1.4))), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give 2 bands");
        assertThatThrownBy(() -> p.judge(0, new Response.Value(1000), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency (Hz), gain (dB) and Q");
        assertThatThrownBy(() -> p.judge(0, new Response.Match(List.of(new Response.Band(1000, 30, 1.4),
                new Response.Band(4000, 3, 1.4))), 100)).hasMessageContaining("gain must be -18 to +18 dB");
    }
}
