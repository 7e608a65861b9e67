package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.io.AudioInfo;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.dsp.meter.LoudnessSummary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code analyze loudness FILE [--json]}: EBU R128 / BS.1770-4 loudness report of an audio file
 * (WAV, AIFF, FLAC, MP3, Ogg Vorbis). */
@Command(name = "loudness",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
                "Measures an audio file (WAV, AIFF, FLAC, MP3 or Ogg Vorbis) per ITU-R BS.1770-4 / EBU R128: integrated loudness (LUFS), "
                        + "loudness range (LU, EBU Tech 3342), true peak (dBTP, 4x oversampled), sample peak "
                        + "(dBFS), and the highest momentary (400 ms) and short-term (3 s) loudness.",
                "Silence, or audio too short to fill a window, reads -inf (JSON: null); its range reads 0."},
        footer = {"", "JSON keys: integrated_lufs, lra_lu, true_peak_dbtp, sample_peak_dbfs, "
                + "momentary_max_lufs, short_term_max_lufs (numbers rounded to 0.01, or null)."})
public final class AnalyzeLoudnessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file to measure.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LoudnessAnalyzer analyzer = new LoudnessAnalyzer();
        AudioInfo info = AudioFileStream.feed(file, analyzer);
        LoudnessSummary s = analyzer.summary();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("integrated_lufs", AudioFileStream.jsonNumber(s.integratedLufs()));
            node.put("lra_lu", AudioFileStream.jsonNumber(s.loudnessRangeLu()));
            node.put("true_peak_dbtp", AudioFileStream.jsonNumber(s.truePeakDbtp()));
            node.put("sample_peak_dbfs", AudioFileStream.jsonNumber(s.samplePeakDbfs()));
            node.put("momentary_max_lufs", AudioFileStream.jsonNumber(s.momentaryMaxLufs()));
            node.put("short_term_max_lufs", AudioFileStream.jsonNumber(s.shortTermMaxLufs()));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else {
            out.printf(Locale.ROOT, "%s (%s, %.1f s)%n", file, info.describe(), info.seconds());
            row(out, "Integrated loudness", s.integratedLufs(), "LUFS");
            row(out, "Loudness range", s.loudnessRangeLu(), "LU");
            row(out, "True peak", s.truePeakDbtp(), "dBTP");
            row(out, "Sample peak", s.samplePeakDbfs(), "dBFS");
            row(out, "Momentary max", s.momentaryMaxLufs(), "LUFS");
            row(out, "Short-term max", s.shortTermMaxLufs(), "LUFS");
        }
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String name, double value, String unit) {
        String v = Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : "-inf";
        out.printf(Locale.ROOT, "  %-20s %7s %s%n", name, v, unit);
    }
}
