package org.controlroom.lesson.run;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.BlockProcessor;
import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.Gain;
import org.controlroom.dsp.Pan;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.source.PinkNoise;
import org.controlroom.dsp.source.WhiteNoise;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;

/**
 * The sound of a drill question, rendered through the mini-mixer's own processors: {@code A} is the
 * excerpt as it is, {@code B} the excerpt with the question's change (an EQ band, a level step, a pan
 * position, a compressor). Both are stereo at the source's rate with 10 ms fades at the ends, so looping
 * them does not click. Generated sources are seeded from the attempt and the question, so a replayed
 * attempt sounds the same.
 */
public final class DrillAudio {

    /** Sample rate of generated sources. */
    public static final int GENERATED_RATE = 48000;
    /** Level of generated noise (RMS, dBFS): leaves headroom for a +12 dB band. */
    public static final double GENERATED_RMS_DBFS = -24;
    private static final double FADE_SECONDS = 0.01;
    /** Highest sample peak of A or B. */
    static final double PEAK_CEILING_DBFS = -1;

    /** The two versions the learner compares. */
    public record Pair(AudioClip a, AudioClip b) {
    }

    private final DrillSection drill;
    private final long seed;
    private AudioClip asset;

    public DrillAudio(DrillSection drill, long attemptSeed) {
        this.drill = drill;
        this.seed = attemptSeed;
    }

    /**
     * Plays the drill on audio already in memory (e.g. an excerpt of the learner's own music) instead
     * of its source; question excerpts are taken from {@code source}.
     */
    public DrillAudio(DrillSection drill, long attemptSeed, AudioClip source) {
        this(drill, attemptSeed);
        this.asset = java.util.Objects.requireNonNull(source, "source");
    }

    /**
     * Renders question {@code q}'s A and B.
     *
     * @throws AudioFileException when the drill's sound file cannot be read
     */
    /** How long a drill's source sound is, in seconds (generated sources are endless). */
    public static double sourceSeconds(DrillSection drill) throws AudioFileException {
        if (drill.source() instanceof org.controlroom.lesson.script.AssetSource asset) {
            return org.controlroom.dsp.io.AudioFiles.info(asset.resolved()).seconds();
        }
        return Double.POSITIVE_INFINITY;
    }

    public Pair render(DrillQuestion q) throws AudioFileException {
        AudioClip excerpt = stereo(excerpt(q));
        AudioClip a = excerpt.copy();
        AudioClip b = excerpt.copy();
        if (q.exercise() == org.controlroom.lesson.script.DrillExercise.PAN) {
            // the reference sits in the centre; B is the same sound placed by the constant-power law
            toMono(a);
            toMono(b);
            run(new Pan(0), a);
        }
        run(processorFor(q), b);
        headroom(a, b);
        fade(a);
        fade(b);
        return new Pair(a, b);
    }

    private BlockProcessor processorFor(DrillQuestion q) {
        return switch (q.exercise()) {
            case EQ_FREQUENCY -> {
                ParametricEq eq = new ParametricEq(1);
                eq.setBand(0, EqBand.of(FilterType.PEAK, q.answer(), q.gainDb(), q.q()));
                yield eq;
            }
            case EQ_GAIN -> {
                ParametricEq eq = new ParametricEq(1);
                eq.setBand(0, EqBand.of(FilterType.PEAK, q.frequencyHz(), q.answer(), q.q()));
                yield eq;
            }
            case LEVEL -> new Gain(q.answer());
            case PAN -> new Pan(q.answer());
            case COMPRESSION -> {
                Compressor c = new Compressor();
                c.setThresholdDb(q.thresholdDb());
                c.setRatio(q.answer());
                c.setAttackMs(10);
                c.setReleaseMs(100);
                c.setKneeDb(0);
                yield c;
            }
        };
    }

    private AudioClip excerpt(DrillQuestion q) throws AudioFileException {
        if (asset == null && drill.source() instanceof GeneratorSource g) {
            long s = seed * 31 + q.number();
            double seconds = q.excerptSeconds();
            return switch (g.name()) {
                case "white-noise" -> new WhiteNoise(s, GENERATED_RMS_DBFS).render(seconds, GENERATED_RATE, 1);
                default -> new PinkNoise(s, GENERATED_RMS_DBFS).render(seconds, GENERATED_RATE, 1);
            };
        }
        if (asset == null) {
            asset = AudioFiles.read(((AssetSource) drill.source()).resolved());
        }
        int from = (int) Math.round(q.excerptStart() * asset.sampleRate());
        int frames = (int) Math.min(asset.frames() - from, Math.round(q.excerptSeconds() * asset.sampleRate()));
        float[] s = new float[Math.max(0, frames) * asset.channels()];
        System.arraycopy(asset.samples(), from * asset.channels(), s, 0, s.length);
        return new AudioClip(asset.sampleRate(), asset.channels(), s);
    }

    private static AudioClip stereo(AudioClip clip) {
        if (clip.channels() == 2) {
            return clip;
        }
        float[] out = new float[clip.frames() * 2];
        for (int f = 0; f < clip.frames(); f++) {
            float v = clip.samples()[f * clip.channels()];
            out[2 * f] = v;
            out[2 * f + 1] = v;
        }
        return new AudioClip(clip.sampleRate(), 2, out);
    }

    /** Both sides become their average: a centred mono source for the pan drill. */
    private static void toMono(AudioClip clip) {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i += 2) {
            float m = (s[i] + s[i + 1]) / 2;
            s[i] = m;
            s[i + 1] = m;
        }
    }

    private static void run(BlockProcessor p, AudioClip clip) {
        int block = 1024;
        p.prepare(clip.sampleRate(), 2, block);
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i += 2 * block) {
            p.process(s, i, Math.min(2 * block, s.length - i));
        }
    }

    /**
     * Turns A and B down together when either would pass {@value #PEAK_CEILING_DBFS} dBFS (a loud song
     * stem with a +12 dB band, say), so playback never clips; the difference between them is kept.
     */
    private static void headroom(AudioClip a, AudioClip b) {
        float peak = 0;
        for (AudioClip c : new AudioClip[] {a, b}) {
            for (float v : c.samples()) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        double ceiling = Math.pow(10, PEAK_CEILING_DBFS / 20);
        if (peak > ceiling) {
            float g = (float) (ceiling / peak);
            for (AudioClip c : new AudioClip[] {a, b}) {
                float[] s = c.samples();
                for (int i = 0; i < s.length; i++) {
                    s[i] *= g;
                }
            }
        }
    }

    private static void fade(AudioClip clip) {
        int n = Math.min(clip.frames() / 2, (int) Math.round(FADE_SECONDS * clip.sampleRate()));
        float[] s = clip.samples();
        int frames = clip.frames();
        for (int f = 0; f < n; f++) {
            float g = (float) f / n;
            s[2 * f] *= g;
            s[2 * f + 1] *= g;
            s[2 * (frames - 1 - f)] *= g;
            s[2 * (frames - 1 - f) + 1] *= g;
        }
    }
}
