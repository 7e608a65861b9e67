package org.controlroom.analysis.take;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Take analysis against generated takes whose truth is known: the notes they were made from and the
 * flaws put in at known amounts (the truth comes from the notes and {@link TakeSynth#sung}, not from the
 * analysis).
 */
class TakeAnalysisAccuracyTest {
    static final double RATE = 44100;

    /** The opening line of Paper Lanterns (A4 E4 E4 D4), moved to start half a second into the take. */
    static List<SungNote> line() {
        return List.of(new SungNote(0.5, 0.471, 69), new SungNote(1.038, 0.471, 64), new SungNote(1.577, 0.471, 64),
                new SungNote(2.119, 1.1786, 62));
    }

    static TakeReport analyse(float[] x, List<SungNote> melody) {
        return new TakeAnalysis(new TakeAnalysis.Settings(440, OptionalDouble.empty(), melody))
                .analyse(AudioClip.ofChannels(RATE, x));
    }

    static float[] take(TakeSynth.Voice voice, List<TakeFlaw> flaws, long seed) {
        return new TakeSynth(RATE, 440).render(line(), 4, voice, flaws, seed);
    }

    static double truthCents(double hz, int midi) {
        return 1200 * Math.log(hz / (440 * Math.pow(2, (midi - 69) / 12.0))) / Math.log(2);
    }

    @ParameterizedTest
    @EnumSource(TakeSynth.Voice.class)
    void eachNotesMedianPitchIsWithinThreeCentsOfWhatWasSung(TakeSynth.Voice voice) {
        double tolerance = voice == TakeSynth.Voice.SAW ? 5 : 3;
        for (long seed = 1; seed <= 4; seed++) {
            List<TakeFlaw> flaws = List.of(new TakeFlaw.Pitch(-18, OptionalInt.of(3)), new TakeFlaw.Pitch(11, OptionalInt.of(0)));
            TakeReport r = analyse(take(voice, flaws, seed), line());
            List<TakeSynth.Sung> truth = TakeSynth.sung(line(), flaws);
            assertThat(r.notes()).hasSize(4);
            for (int i = 0; i < 4; i++) {
                int octave = voice == TakeSynth.Voice.CELLO ? 12 : 0;
                assertThat(r.notes().get(i).midi()).isEqualTo(truth.get(i).note().midi() - octave);
                assertThat(r.notes().get(i).centsOff()).as("note %d, seed %d", i + 1, seed)
                        .isCloseTo(truth.get(i).cents(), within(tolerance));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TakeSynth.Voice.class)
    void aWholeTakeSungSharpIsMeasuredSharpWithinThreeCents(TakeSynth.Voice voice) {
        double tolerance = voice == TakeSynth.Voice.SAW ? 5 : 3;
        TakeReport r = analyse(take(voice, List.of(new TakeFlaw.Pitch(23, OptionalInt.empty())), 3), line());
        assertThat(r.centsOff()).isCloseTo(23, within(tolerance));
        // one held note: pitch_hz is its pitch
        List<SungNote> held = List.of(new SungNote(0.3, 2.5, 69));
        float[] x = new TakeSynth(RATE, 440).render(held, 3.2, voice, List.of(new TakeFlaw.Pitch(23, OptionalInt.empty())), 3);
        double hz = analyse(x, held).pitchHz() * (voice == TakeSynth.Voice.CELLO ? 2 : 1);
        assertThat(truthCents(hz, 69)).isCloseTo(23, within(tolerance));
    }

    @ParameterizedTest
    @EnumSource(TakeSynth.Voice.class)
    void onsetsAreWithinFifteenMillisecondsOfTheNotes(TakeSynth.Voice voice) {
        for (long seed = 1; seed <= 4; seed++) {
            List<TakeFlaw> flaws = List.of(new TakeFlaw.Rush(60));
            TakeReport r = analyse(take(voice, flaws, seed), line());
            List<TakeSynth.Sung> truth = TakeSynth.sung(line(), flaws);
            assertThat(r.onsetsS()).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(r.onsetsS().get(i)).isCloseTo(truth.get(i).note().onsetS(), within(0.015));
            }
        }
    }

    @Test
    void aLateEntryIsMeasuredWithinTenMilliseconds() {
        for (double ms : new double[] {-45, 30, 70}) {
            TakeReport r = analyse(take(TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Entry(ms, OptionalInt.empty())), 5), line());
            assertThat(r.timingMs()).hasSize(4);
            r.timingMs().forEach(t -> assertThat(t).isCloseTo(ms, within(10.0)));
        }
    }

    @Test
    void sustainedNotesWithVibratoGiveAtMostOneFalseOnsetInTenSeconds() {
        List<SungNote> held = new ArrayList<>();
        int[] midi = {62, 64, 65, 67, 69, 67, 65, 64, 62, 60};
        for (int i = 0; i < midi.length; i++) {
            held.add(new SungNote(0.5 + i * 3.0, 2.8, midi[i]));
        }
        for (TakeSynth.Voice voice : TakeSynth.Voice.values()) {
            float[] x = new TakeSynth(RATE, 440).render(held, 31, voice, List.of(), 11);
            TakeReport r = analyse(x, held);
            // 30 s of held notes: 10 true onsets, at most 3 false ones
            assertThat(r.onsetsS().size()).as(voice.name()).isBetween(10, 13);
        }
    }

    @Test
    void clippingIsCountedAndACleanTakeHasNone() {
        assertThat(analyse(take(TakeSynth.Voice.VOICE, List.of(), 2), line()).clippedSamples()).isZero();
        TakeReport clipped = analyse(take(TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Clip(1, 6)), 2), line());
        assertThat(clipped.clippedSamples()).isGreaterThan(50);
    }

    @Test
    void theNoiseFloorIsTheHissLevel() {
        TakeReport clean = analyse(take(TakeSynth.Voice.VOICE, List.of(), 2), line());
        assertThat(clean.noiseFloorDbfs()).isLessThan(-75);
        TakeReport noisy = analyse(take(TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Noise(-42)), 2), line());
        assertThat(noisy.noiseFloorDbfs()).isCloseTo(-42, within(2.0));
        assertThat(noisy.notes()).hasSize(4);
    }

    @Test
    void aCoughIsANoiseEventAndAMissingWordAMissingNote() {
        TakeReport cough = analyse(take(TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Cough(3.45)), 2), line());
        assertThat(cough.noiseEventsS()).hasSize(1);
        assertThat(cough.noiseEventsS().get(0)).isCloseTo(3.45, within(0.015));
        assertThat(cough.notes()).hasSize(4);
        TakeReport gap = analyse(take(TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Gap(2)), 2), line());
        assertThat(gap.notes()).hasSize(3);
        assertThat(gap.notes().stream().mapToDouble(TakeReport.Note::onsetS))
                .noneMatch(t -> Math.abs(t - 1.577) < 0.1);
    }

    @Test
    void stereoIsAnalysedAsItsMonoSum() {
        float[] x = take(TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Pitch(-14, OptionalInt.empty())), 9);
        TakeReport mono = analyse(x, line());
        TakeReport stereo = new TakeAnalysis(new TakeAnalysis.Settings(440, OptionalDouble.empty(), line()))
                .analyse(AudioClip.ofChannels(RATE, x, x));
        assertThat(stereo.centsOff()).isCloseTo(mono.centsOff(), within(0.01));
        assertThat(stereo.onsetsS()).isEqualTo(mono.onsetsS());
    }

    @Test
    void timingAgainstATempoGridIsTheOffsetFromTheNearestBeat() {
        // notes on the beats of 120 bpm, all 25 ms late
        List<SungNote> beats = List.of(new SungNote(0.5, 0.4, 64), new SungNote(1.0, 0.4, 65), new SungNote(1.5, 0.4, 67),
                new SungNote(2.0, 0.9, 69));
        float[] x = new TakeSynth(RATE, 440).render(beats, 3.5, TakeSynth.Voice.VOICE,
                List.of(new TakeFlaw.Entry(25, OptionalInt.empty())), 4);
        TakeReport r = new TakeAnalysis(new TakeAnalysis.Settings(440, OptionalDouble.of(120), List.of()))
                .analyse(AudioClip.ofChannels(RATE, x));
        assertThat(r.timingMs()).hasSize(4);
        r.timingMs().forEach(t -> assertThat(t).isCloseTo(25, within(10.0)));
    }
}
