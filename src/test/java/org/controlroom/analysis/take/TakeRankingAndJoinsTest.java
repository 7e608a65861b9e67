package org.controlroom.analysis.take;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.controlroom.dsp.AudioClip;
import org.controlroom.lesson.script.MelodyNote;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongLoader;
import org.junit.jupiter.api.Test;

/**
 * Every phrase of every library song's melody, taken with each kind of flaw and once clean: the clean
 * take ranks best every time; and a comp joined in the middle of a note is heard without a click when
 * crossfaded, with one when cut.
 */
class TakeRankingAndJoinsTest {
    static final double RATE = 44100;

    /** The song's melody split into phrases at rests of a beat or more, in take time (0.4 s lead-in). */
    static List<List<SungNote>> phrases(Song song) {
        List<List<SungNote>> out = new ArrayList<>();
        List<SungNote> cur = new ArrayList<>();
        double beat = 60 / song.tempoBpm();
        double start = 0;
        MelodyNote prev = null;
        for (MelodyNote m : song.melody()) {
            if (prev != null && m.onsetSeconds() - (prev.onsetSeconds() + prev.seconds()) >= beat) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            if (cur.isEmpty()) {
                start = m.onsetSeconds() - 0.4;
            }
            cur.add(new SungNote(m.onsetSeconds() - start, m.seconds(), m.midi()));
            prev = m;
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    static List<List<TakeFlaw>> flawCases(int notes) {
        int last = notes - 1;
        return List.of(List.of(new TakeFlaw.Pitch(-18, OptionalInt.of(last))), List.of(new TakeFlaw.Pitch(15, OptionalInt.empty())),
                List.of(new TakeFlaw.Drift(-30)), List.of(new TakeFlaw.Entry(45, OptionalInt.empty())),
                List.of(new TakeFlaw.Entry(-40, OptionalInt.of(0))), List.of(new TakeFlaw.Rush(60)),
                List.of(new TakeFlaw.Clip(last, 4)), List.of(new TakeFlaw.Noise(-45)), List.of(new TakeFlaw.Gap(last)));
    }

    @Test
    void theTakeWithNoFlawRanksBestInEveryGeneratedCase() {
        Path songs = Path.of(System.getProperty("controlroom.project.dir", ".")).resolve("audio-assets/songs");
        int cases = 0;
        for (String id : List.of("paper-lanterns", "loose-wires", "night-bus", "harbour-lights")) {
            Song song = SongLoader.load(songs.resolve(id).resolve("song.yaml"));
            List<List<SungNote>> phrases = phrases(song);
            // the first three phrases of each song, sung and played on the cello
            for (int p = 0; p < Math.min(3, phrases.size()); p++) {
                List<SungNote> notes = phrases.get(p);
                double length = notes.get(notes.size() - 1).endS() + 0.5;
                TakeSynth.Voice voice = p == 2 ? TakeSynth.Voice.CELLO : TakeSynth.Voice.VOICE;
                TakeSynth synth = new TakeSynth(RATE, 440);
                TakeAnalysis analysis = new TakeAnalysis(new TakeAnalysis.Settings(440, OptionalDouble.empty(), notes));
                double clean = TakeMarks.of(analysis.analyse(AudioClip.ofChannels(RATE,
                        synth.render(notes, length, voice, List.of(), 7 + p))), notes).badness();
                for (List<TakeFlaw> flaws : flawCases(notes.size())) {
                    double flawed = TakeMarks.of(analysis.analyse(AudioClip.ofChannels(RATE,
                            synth.render(notes, length, voice, flaws, 7 + p))), notes).badness();
                    assertThat(flawed).as("%s phrase %d (%s) with %s", id, p + 1, voice, flaws).isGreaterThan(clean);
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(4 * 3 * 9);
    }

    @Test
    void aJoinInTheMiddleOfANoteIsClickFreeWhenCrossfadedAndClicksWhenCut() {
        List<SungNote> held = List.of(new SungNote(0.3, 2.4, 69));
        TakeSynth synth = new TakeSynth(RATE, 440);
        float[] a = synth.render(held, 3, TakeSynth.Voice.VOICE, List.of(), 1);
        float[] b = synth.render(held, 3, TakeSynth.Voice.VOICE, List.of(new TakeFlaw.Pitch(-4, OptionalInt.empty())), 2);
        int at = (int) (1.5 * RATE);
        for (int fade : new int[] {0, (int) (0.010 * RATE)}) {
            float[] comp = new float[a.length];
            for (int i = 0; i < comp.length; i++) {
                // equal-power crossfade centred on the join, computed here independently of the session
                double t = fade == 0 ? (i < at ? 0 : 1) : Math.max(0, Math.min(1, (i - (at - fade / 2.0)) / fade));
                comp[i] = (float) (Math.cos(t * Math.PI / 2) * a[i] + Math.sin(t * Math.PI / 2) * b[i]);
            }
            JoinCheck.Join j = JoinCheck.measure(comp, a, b, RATE, at, fade);
            assertThat(j.levelStepDb()).isLessThan(JoinCheck.MAX_LEVEL_STEP_DB);
            if (fade == 0) {
                assertThat(j.clickDb()).as("a cut between two takes of a note").isGreaterThan(JoinCheck.MAX_CLICK_DB);
                assertThat(j.score()).isLessThan(100);
            } else {
                assertThat(j.clickDb()).as("a 10 ms equal-power crossfade").isLessThan(JoinCheck.MAX_CLICK_DB);
                assertThat(j.heard()).isFalse();
                assertThat(j.score()).isEqualTo(100);
            }
        }
    }
}
