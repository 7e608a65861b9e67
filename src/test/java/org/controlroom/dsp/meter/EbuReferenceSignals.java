package org.controlroom.dsp.meter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;

/**
 * The programme material that FFmpeg's ebur128 filter measured once for {@link FfmpegReferenceTest}:
 * generated here bit for bit the same every time (integer noise, no library random), written as
 * 16-bit stereo 48 kHz WAV. Run {@code main(DIR)} to write the files FFmpeg read (see
 * src/test/resources/reference/ffmpeg/README.txt); the test rebuilds them and checks their SHA-256.
 */
public final class EbuReferenceSignals {

    static final int RATE = 48000;

    private EbuReferenceSignals() {
    }

    /** Name → signal. */
    static Map<String, Supplier<AudioClip>> all() {
        return Map.of(
                "three-levels.wav", EbuReferenceSignals::threeLevels,
                "tones-and-bursts.wav", EbuReferenceSignals::tonesAndBursts,
                "programme.wav", EbuReferenceSignals::programme);
    }

    /** A repeatable uniform noise in [-1, 1) (64-bit LCG, top 24 bits). */
    private static final class Noise {
        private long x;

        Noise(long seed) {
            x = seed;
        }

        double next() {
            x = x * 6364136223846793005L + 1442695040888963407L;
            return (x >>> 40) / (double) (1L << 23) - 1;
        }
    }

    /** Noise at -20, -32, then -26 dBFS peak-ish, 7 s each, different in the two channels. */
    static AudioClip threeLevels() {
        Noise n = new Noise(1);
        int frames = RATE * 21;
        float[] s = new float[2 * frames];
        double[] levels = {-20, -32, -26};
        for (int f = 0; f < frames; f++) {
            double g = Math.pow(10, levels[f / (RATE * 7)] / 20);
            s[2 * f] = (float) (g * n.next());
            s[2 * f + 1] = (float) (g * n.next());
        }
        return new AudioClip(RATE, 2, s);
    }

    /** 1 kHz at -18 dBFS, a quarter-rate tone at 45 degrees (samples 3 dB under its peak), silence, bursts. */
    static AudioClip tonesAndBursts() {
        Noise n = new Noise(2);
        int frames = RATE * 15;
        float[] s = new float[2 * frames];
        for (int f = 0; f < frames; f++) {
            double t = f / (double) RATE;
            double l;
            double r;
            if (t < 5) {
                l = r = Math.pow(10, -18 / 20.0) * Math.sin(2 * Math.PI * 1000 * t);
            } else if (t < 9) {
                l = 0.5 * Math.sin(Math.PI / 2 * f + Math.PI / 4);
                r = 0.25 * Math.sin(Math.PI / 2 * f + Math.PI / 4);
            } else if (t < 10) {
                l = r = 0;
            } else {
                double burst = (f / 4800) % 2 == 0 ? 0.3 : 0.02;
                l = burst * n.next();
                r = burst * n.next();
            }
            s[2 * f] = (float) l;
            s[2 * f + 1] = (float) r;
        }
        return new AudioClip(RATE, 2, s);
    }

    /** Something like music: a bass line, chords and noisy hats whose level swells over 20 s. */
    static AudioClip programme() {
        Noise n = new Noise(3);
        int frames = RATE * 20;
        float[] s = new float[2 * frames];
        double[] notes = {55, 73.42, 82.41, 65.41};
        for (int f = 0; f < frames; f++) {
            double t = f / (double) RATE;
            double swell = 0.2 + 0.8 * Math.pow(Math.sin(Math.PI * t / 20), 2);
            double bass = 0.3 * Math.sin(2 * Math.PI * notes[(int) (t * 2) % 4] * t);
            double chord = 0.08 * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 554.37 * t)
                    + Math.sin(2 * Math.PI * 659.25 * t));
            double hat = ((f % 12000) < 1200 ? 0.15 : 0.0) * n.next();
            s[2 * f] = (float) (swell * (bass + chord + hat));
            s[2 * f + 1] = (float) (swell * (bass + 0.8 * chord - hat));
        }
        return new AudioClip(RATE, 2, s);
    }

    /** SHA-256 of the 16-bit WAV file the signal makes. */
    static String sha256(Path wav) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wav)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes every signal into {@code args[0]} as FFmpeg read it, with its SHA-256. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (var e : all().entrySet()) {
            Path f = dir.resolve(e.getKey());
            WavWriter.write(f, e.getValue().get(), WavSampleFormat.PCM_16);
            System.out.println(sha256(f) + "  " + e.getKey());
        }
    }
}
