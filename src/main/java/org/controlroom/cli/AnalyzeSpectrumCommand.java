package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioInfo;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code analyze spectrum FILE [--json]}: 1/3-octave band levels of a WAV file. */
@Command(name = "spectrum",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
                "Measures the average 1/3-octave band levels of a WAV file (ISO centres 20 Hz to 20 kHz, "
                        + "bands above half the sample rate left out), all channels together.",
                "Levels are dB relative to a full-scale sine: a 1 kHz sine of amplitude 1.0 reads 0 dB "
                        + "in the 1000 Hz band; pink noise reads the same in every band. A band with no "
                        + "energy reads -inf (JSON: null)."},
        footer = {"", "JSON: {\"bands\": [{\"hz\": centre, \"db\": level}, ...]}"})
public final class AnalyzeSpectrumCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file to measure (WAV, AIFF, FLAC, MP3, Ogg Vorbis).")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AudioInfo header = AudioFiles.info(file);
        ThirdOctaveSpectrum spectrum = new ThirdOctaveSpectrum(
                ThirdOctaveSpectrum.fftSizeFor(header.sampleRate(), header.frames()));
        AudioInfo info = AudioFileStream.feed(file, spectrum);
        spectrum.finish();
        List<SpectrumBand> bands = spectrum.bands();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            ArrayNode list = root.putArray("bands");
            for (SpectrumBand b : bands) {
                ObjectNode o = list.addObject();
                o.put("hz", b.centreHz());
                o.put("db", AudioFileStream.jsonNumber(b.db()));
            }
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "%s (%s, %.1f s)%n", file, info.describe(), info.seconds());
            out.printf(Locale.ROOT, "  %8s  %7s%n", "Hz", "dB");
            for (SpectrumBand b : bands) {
                String db = Double.isFinite(b.db()) ? String.format(Locale.ROOT, "%.1f", b.db()) : "-inf";
                out.printf(Locale.ROOT, "  %8s  %7s%n", CliNumbers.fmt(b.centreHz()), db);
            }
        }
        return ExitCodes.OK;
    }
}
