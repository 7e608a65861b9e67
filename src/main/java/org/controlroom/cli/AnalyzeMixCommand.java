package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.analysis.SpectrumComparison;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.dsp.meter.LoudnessSummary;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code analyze mix FILE --reference REF [--json]}: a mix against a reference, the figures a tutor checks by hand. */
@Command(name = "mix",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
                "Compares a mix with a reference mix: the mean 1/3-octave spectral distance (31.5 Hz-16 kHz, the level "
                        + "difference between the two taken out, as the mix lessons score it), the difference per band, "
                        + "and both files' integrated and short-term maximum loudness (LUFS), loudness range (LU) and "
                        + "true peak (dBTP).",
                "The reference is resampled to the mix's rate when they differ."},
        footer = {"", "JSON keys: distance_db, level_offset_db, bands: a list of {\"hz\", \"mix_db\", \"reference_db\", "
                + "\"difference_db\"} (reference moved to the mix's level; difference = mix - reference), mix and "
                + "reference: {integrated_lufs, short_term_max_lufs, lra_lu, true_peak_dbtp}."})
public final class AnalyzeMixCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The mix to measure.")
    Path file;

    @Option(names = "--reference", required = true, paramLabel = "REF", description = "The reference mix.")
    Path reference;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AudioClip mix = AudioFiles.read(file);
        AudioClip ref = AudioFiles.read(reference, mix.sampleRate());
        LoudnessSummary m = LoudnessAnalyzer.measure(mix);
        LoudnessSummary r = LoudnessAnalyzer.measure(ref);
        SpectrumComparison c = SpectrumComparison.of(ThirdOctaveSpectrum.of(mix), ThirdOctaveSpectrum.of(ref));
        List<Double> diff = c.differencesDb();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("distance_db", AudioFileStream.jsonNumber(c.distanceDb()));
            node.put("level_offset_db", AudioFileStream.jsonNumber(c.offsetDb()));
            ArrayNode bands = node.putArray("bands");
            for (int i = 0; i < c.bandsHz().size(); i++) {
                ObjectNode b = bands.addObject();
                b.put("hz", c.bandsHz().get(i));
                b.put("mix_db", AudioFileStream.jsonNumber(c.mixDb().get(i)));
                b.put("reference_db", AudioFileStream.jsonNumber(c.referenceDb().get(i)));
                b.put("difference_db", AudioFileStream.jsonNumber(diff.get(i)));
            }
            summary(node.putObject("mix"), m);
            summary(node.putObject("reference"), r);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%s against %s%n", file, reference);
        out.printf(Locale.ROOT, "  Spectral distance    %6.2f dB (mean over 1/3-octave bands, level offset %+.1f dB taken out)%n",
                c.distanceDb(), c.offsetDb());
        out.printf(Locale.ROOT, "  %-20s %10s %10s%n", "", "mix", "reference");
        row(out, "Integrated loudness", m.integratedLufs(), r.integratedLufs(), "LUFS");
        row(out, "Short-term max", m.shortTermMaxLufs(), r.shortTermMaxLufs(), "LUFS");
        row(out, "Loudness range", m.loudnessRangeLu(), r.loudnessRangeLu(), "LU");
        row(out, "True peak", m.truePeakDbtp(), r.truePeakDbtp(), "dBTP");
        out.printf(Locale.ROOT, "  %-9s %9s %9s %11s%n", "band Hz", "mix dB", "ref dB", "mix - ref");
        for (int i = 0; i < c.bandsHz().size(); i++) {
            out.printf(Locale.ROOT, "  %-9s %9.1f %9.1f %+11.1f%n", hz(c.bandsHz().get(i)), c.mixDb().get(i),
                    c.referenceDb().get(i), diff.get(i));
        }
        return ExitCodes.OK;
    }

    private static void summary(ObjectNode n, LoudnessSummary s) {
        n.put("integrated_lufs", AudioFileStream.jsonNumber(s.integratedLufs()));
        n.put("short_term_max_lufs", AudioFileStream.jsonNumber(s.shortTermMaxLufs()));
        n.put("lra_lu", AudioFileStream.jsonNumber(s.loudnessRangeLu()));
        n.put("true_peak_dbtp", AudioFileStream.jsonNumber(s.truePeakDbtp()));
    }

    private static String hz(double hz) {
        return hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(hz);
    }

    private static void row(PrintWriter out, String name, double a, double b, String unit) {
        out.printf(Locale.ROOT, "  %-20s %10s %10s %s%n", name, v(a), v(b), unit);
    }

    private static String v(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : "-inf";
    }
}
