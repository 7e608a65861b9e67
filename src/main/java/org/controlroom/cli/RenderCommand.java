package org.controlroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioInfo;
import org.controlroom.dsp.io.WavFileRenderer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code render IN.wav OUT.wav [--eq TYPE:FREQ_HZ:GAIN_DB:Q]... [--comp ...] [--gain DB] [--pan -1..1]}:
 * runs a WAV file through a channel strip and writes the result as 32-bit float WAV at the
 * input's rate and channel count.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
                "Runs IN.wav through a channel strip and writes OUT.wav.",
                "Order: the EQ bands as given, then the compressor, then --gain, then --pan.",
                "OUT.wav keeps the input's sample rate and channels and is written as 32-bit float, "
                        + "so peaks above 0 dBFS are kept (a warning says so). "
                        + "An existing OUT.wav is replaced only once the new file is complete.",
                "Reads 8/16/24/32-bit PCM and 32/64-bit float WAV, mono, stereo or more channels; also AIFF, FLAC, "
                        + "MP3 and Ogg Vorbis.",
                "The compressor is feed-forward with peak detection, a quadratic soft knee and one-pole "
                        + "attack/release (the time to go 63 %% of the way); on stereo both sides share one gain."},
        footer = {"",
                "EQ types (RBJ Audio EQ Cookbook): peak, lowshelf, highshelf, lowpass, highpass, notch, "
                        + "bandpass. For shelves the last field is the slope S instead of Q; lowpass, highpass, "
                        + "notch and bandpass ignore the gain (write 0).",
                "Frequencies must be below half the input's sample rate; Q (or S) must be above 0.",
                "",
                "Examples:",
                "  control-room render vocal.wav vocal-eq.wav --eq highpass:80:0:0.707 --eq peak:3000:-4:2",
                "  control-room render mix.wav mix-comp.wav --comp threshold=-20,ratio=3,attack=5 --gain 2"})
public final class RenderCommand implements Callable<Integer> {

    static final double MIN_GAIN_DB = -96;
    static final double MAX_GAIN_DB = 48;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.wav", description = "The WAV file to process.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.wav", description = "Where to write the result (32-bit float WAV).")
    Path output;

    @Option(names = "--eq", paramLabel = "TYPE:FREQ_HZ:GAIN_DB:Q",
            description = "An EQ band, e.g. peak:1000:6:1 (+6 dB at 1 kHz, Q 1). Repeat for more bands.")
    List<String> eq = new ArrayList<>();

    @Option(names = "--comp", paramLabel = "threshold=DB,ratio=R,attack=MS,release=MS,knee=DB,makeup=DB",
            description = "A compressor. Settings left out take the defaults: threshold=-18, ratio=4, "
                    + "attack=10, release=100, knee=6, makeup=0. Ratio is at least 1.")
    String comp;

    @Option(names = "--gain", paramLabel = "DB", description = "Output gain in dB (-96 to 48).")
    Double gainDb;

    @Option(names = "--pan", paramLabel = "-1..1",
            description = "Pan a stereo input: -1 left, 0 centre, 1 right, constant-power law (at 0 each "
                    + "side is 3 dB down; at 1 the left is silent and the right keeps its level). Without --pan "
                    + "nothing is panned. A mono input stays mono, so --pan on it is refused; convert it to "
                    + "stereo first.")
    Double pan;

    @Override
    public Integer call() throws Exception {
        RenderSettings settings = settings();
        String inName = input.toString();
        AudioInfo info = AudioFiles.info(input);
        for (EqBandSpec band : settings.bands()) {
            band.checkFrequencyBelowNyquist(info.sampleRate(), inName);
        }
        if (settings.pan().isPresent() && info.channels() != 2) {
            throw new UserInputException("--pan needs a stereo input, but " + inName + " is "
                    + (info.channels() == 1 ? "mono" : info.channels() + "-channel")
                    + " and the output keeps the input's channels; leave out --pan or convert the input to stereo");
        }
        checkOutputPlace();

        WavFileRenderer.Result result = StripRenderer.render(input, output, settings);

        spec.commandLine().getOut().printf(Locale.ROOT, "Rendered %s: %s, %.1f s, 32-bit float, peak %s%n",
                output, describe(info), result.seconds(), fmtDb(result.peakDbfs()));
        if (result.peakDbfs() > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "warning: %s peaks at %s, above full scale; the float "
                    + "file keeps it intact, but lower --gain before converting to 16 or 24 bit%n", output,
                    fmtDb(result.peakDbfs()));
        }
        return ExitCodes.OK;
    }

    /** Parses and checks every option that does not depend on the input file. */
    RenderSettings settings() {
        List<EqBandSpec> bands = new ArrayList<>();
        for (String band : eq) {
            bands.add(EqBandSpec.parse(band));
        }
        Optional<CompressorSpec> compressor = comp == null ? Optional.empty() : Optional.of(CompressorSpec.parse(comp));
        double gain = gainDb == null ? 0 : gainDb;
        if (!(gain >= MIN_GAIN_DB && gain <= MAX_GAIN_DB)) {
            throw new UserInputException("--gain must be between " + (int) MIN_GAIN_DB + " and " + (int) MAX_GAIN_DB
                    + " dB, was " + CliNumbers.fmt(gain));
        }
        if (pan != null && !(pan >= -1 && pan <= 1)) {
            throw new UserInputException("--pan must be between -1 (left) and 1 (right), was " + CliNumbers.fmt(pan));
        }
        return new RenderSettings(bands, compressor, gain, Optional.ofNullable(pan));
    }

    /** Fails before the work is done if the output obviously cannot be written. */
    private void checkOutputPlace() throws org.controlroom.dsp.io.AudioFileException {
        org.controlroom.dsp.io.SameFile.refuseOverwritingInput(input, output);
        Path target = output.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UserInputException(output + ": is a folder; give a file name for the output");
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserInputException(output + ": cannot be written: the folder " + folder + " does not exist");
        }
    }

    private static String fmtDb(double db) {
        return Double.isInfinite(db) ? "-inf dBFS (silent)" : String.format(Locale.ROOT, "%+.1f dBFS", db);
    }

    private static String describe(AudioInfo info) {
        String layout = switch (info.channels()) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> info.channels() + " channels";
        };
        return info.sampleRate() + " Hz, " + layout;
    }
}
