package org.controlroom.analysis.take;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavWriter;

/**
 * Writes the recorded-style take set of lesson takes-tutor-set as WAV files into a folder (then encoded
 * to Ogg by audio-assets/takes/make-tutor-set.sh). The lesson itself says nothing of what is in them.
 */
public final class TutorSetMain {
    static final double RATE = 44100;
    static final double BEAT = 60 / 96.0;

    static List<SungNote> line(int[] midi) {
        double[] beats = {1, 2, 3, 4, 6, 7, 8, 9};
        double[] len = {0.8, 0.8, 0.8, 1.75, 0.8, 0.8, 0.8, 1.75};
        java.util.ArrayList<SungNote> out = new java.util.ArrayList<>();
        for (int i = 0; i < midi.length; i++) {
            out.add(new SungNote(beats[i] * BEAT, len[i] * BEAT, midi[i]));
        }
        return out;
    }

    static final int[] VOCAL = {67, 69, 71, 72, 71, 69, 67, 64};
    static final int[] CELLO = {67, 69, 71, 72, 71, 69, 67, 62};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        TakeSynth synth = new TakeSynth(RATE, 440);
        double length = 11 * BEAT;
        write(dir, "vocal-1", synth.render(line(VOCAL), length, TakeSynth.Voice.VOICE,
                List.of(new TakeFlaw.Pitch(-22, OptionalInt.of(6))), 901));
        write(dir, "vocal-2", synth.render(line(VOCAL), length, TakeSynth.Voice.VOICE,
                List.of(new TakeFlaw.Rush(75)), 902));
        write(dir, "vocal-3", synth.render(line(VOCAL), length, TakeSynth.Voice.VOICE,
                List.of(new TakeFlaw.Cough(3.2), new TakeFlaw.Clip(3, 5)), 903));
        write(dir, "cello-1", synth.render(line(CELLO), length, TakeSynth.Voice.CELLO,
                List.of(new TakeFlaw.Entry(80, OptionalInt.empty())), 904));
        write(dir, "cello-2", synth.render(line(CELLO), length, TakeSynth.Voice.CELLO, List.of(), 905));
        write(dir, "cello-3", synth.render(line(CELLO), length, TakeSynth.Voice.CELLO,
                List.of(new TakeFlaw.Pitch(25, OptionalInt.of(1))), 906));
    }

    private static void write(Path dir, String name, float[] x) throws Exception {
        WavWriter.write(dir.resolve(name + ".wav"), AudioClip.ofChannels(RATE, x));
    }
}
