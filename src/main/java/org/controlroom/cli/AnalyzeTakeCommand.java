package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.controlroom.analysis.take.SungNote;
import org.controlroom.analysis.take.TakeAnalysis;
import org.controlroom.analysis.take.TakeReport;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.lesson.script.MelodyNote;
import org.controlroom.lesson.script.ScriptException;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongLoader;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code analyze take FILE}: what take analysis measures on a recording — pitch, cents off, onsets,
 * notes, clipping, noise floor, timing against a tempo grid or a song's melody.
 */
@Command(name = "take",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {"Analyses a take (WAV, AIFF, FLAC, MP3 or Ogg Vorbis; stereo is mixed to mono): pitch by YIN "
                + "(TarsosDSP) on voiced frames, onsets by spectral flux, the notes between them, clipped samples, the "
                + "noise floor, and each note's timing against --bpm's beat grid or --melody's notes."},
        footer = {"", "JSON keys: pitch_hz (median of voiced frames), cents_off (median deviation from the nearest "
                + "equal-tempered note, A4 = --reference-hz), onsets_s, clipped_samples, noise_floor_dbfs, notes "
                + "(onset_s, seconds, pitch_hz, cents_off, stability_cents, note), timing_ms, voiced_ratio, "
                + "noise_events_s. Numbers are rounded; a missing value is null."})
public final class AnalyzeTakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The take to analyse.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--reference-hz", defaultValue = "440", paramLabel = "HZ", description = "A4 (default ${DEFAULT-VALUE}).")
    double referenceHz;

    @Option(names = "--bpm", paramLabel = "N", description = "Measure timing from the nearest beat of this tempo (beat 1 at 0 s).")
    Double bpm;

    @Option(names = "--melody", paramLabel = "MANIFEST", description = "Measure timing from the notes of this song manifest's melody (song.yaml).")
    Path melody;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "S", description = "With --melody: where the file starts in the song, seconds (default ${DEFAULT-VALUE}).")
    double offset;

    @Override
    public Integer call() throws Exception {
        if (!(referenceHz >= 300 && referenceHz <= 600)) {
            throw new UserInputException("--reference-hz must be 300 to 600, was " + num(referenceHz));
        }
        if (bpm != null && !(bpm >= 20 && bpm <= 400)) {
            throw new UserInputException("--bpm must be 20 to 400, was " + num(bpm));
        }
        if (bpm != null && melody != null) {
            throw new UserInputException("give --bpm or --melody, not both");
        }
        AudioClip clip = AudioFiles.read(file);
        List<SungNote> notes = new ArrayList<>();
        if (melody != null) {
            Song song;
            try {
                song = SongLoader.load(melody);
            } catch (ScriptException e) {
                throw new UserInputException(e.getMessage());
            }
            for (MelodyNote m : song.melody()) {
                double on = m.onsetSeconds() - offset;
                if (on >= 0 && on < clip.seconds()) {
                    notes.add(new SungNote(on, m.seconds(), m.midi()));
                }
            }
        }
        TakeReport r = new TakeAnalysis(new TakeAnalysis.Settings(referenceHz,
                bpm == null ? OptionalDouble.empty() : OptionalDouble.of(bpm), notes)).analyse(clip);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(r)));
        } else {
            out.printf(Locale.ROOT, "%s (%.1f s)%n", file, r.seconds());
            out.printf(Locale.ROOT, "  %-18s %s%n", "Pitch", Double.isFinite(r.pitchHz())
                    ? String.format(Locale.ROOT, "%.2f Hz (median of voiced frames, %.0f%% voiced)", r.pitchHz(), 100 * r.voicedRatio())
                    : "none (no voiced frames)");
            out.printf(Locale.ROOT, "  %-18s %s%n", "Cents off", Double.isFinite(r.centsOff())
                    ? String.format(Locale.ROOT, "%+.1f (from the nearest note, A4 = %s Hz)", r.centsOff(), num(referenceHz)) : "-");
            out.printf(Locale.ROOT, "  %-18s %d%n", "Clipped samples", r.clippedSamples());
            out.printf(Locale.ROOT, "  %-18s %.1f dBFS%n", "Noise floor", r.noiseFloorDbfs());
            out.printf(Locale.ROOT, "  %-18s %s%n", "Onsets (s)", r.onsetsS().stream()
                    .map(t -> String.format(Locale.ROOT, "%.3f", t)).toList());
            if (!r.noiseEventsS().isEmpty()) {
                out.printf(Locale.ROOT, "  %-18s %s%n", "Noise events (s)", r.noiseEventsS().stream()
                        .map(t -> String.format(Locale.ROOT, "%.2f", t)).toList());
            }
            out.printf(Locale.ROOT, "  Notes:%n");
            for (int i = 0; i < r.notes().size(); i++) {
                TakeReport.Note n = r.notes().get(i);
                double t = r.timingMs().get(i);
                out.printf(Locale.ROOT, "    %7.3f s  %5.2f s  %-4s %8.2f Hz  %+6.1f cents  ±%4.1f%s%n", n.onsetS(), n.seconds(),
                        noteName(n.midi()), n.pitchHz(), n.centsOff(), n.stabilityCents(),
                        Double.isFinite(t) ? String.format(Locale.ROOT, "  timing %+6.1f ms", t) : "");
            }
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> tree(TakeReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pitch_hz", round(r.pitchHz(), 100));
        m.put("cents_off", round(r.centsOff(), 10));
        m.put("onsets_s", r.onsetsS().stream().map(t -> round(t, 1000)).toList());
        m.put("clipped_samples", r.clippedSamples());
        m.put("noise_floor_dbfs", round(r.noiseFloorDbfs(), 10));
        List<Object> notes = new ArrayList<>();
        for (TakeReport.Note n : r.notes()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("onset_s", round(n.onsetS(), 1000));
            nm.put("seconds", round(n.seconds(), 1000));
            nm.put("pitch_hz", round(n.pitchHz(), 100));
            nm.put("cents_off", round(n.centsOff(), 10));
            nm.put("stability_cents", round(n.stabilityCents(), 10));
            nm.put("note", noteName(n.midi()));
            notes.add(nm);
        }
        m.put("notes", notes);
        m.put("timing_ms", r.timingMs().stream().map(t -> round(t, 10)).toList());
        m.put("voiced_ratio", round(r.voicedRatio(), 1000));
        m.put("noise_events_s", r.noiseEventsS().stream().map(t -> round(t, 1000)).toList());
        return m;
    }

    private static Double round(double v, double scale) {
        return Double.isFinite(v) ? Math.round(v * scale) / scale : null;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static String noteName(int midi) {
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return names[Math.floorMod(midi, 12)] + (Math.floorDiv(midi, 12) - 1);
    }
}
