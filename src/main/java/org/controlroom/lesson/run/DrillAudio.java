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
import org.controlroom.lesson.script.DrillExercise;
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
    private java.util.List<AudioClip> stems;

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
        if (drill.exercise() == DrillExercise.MIX_LEVEL) {
            return stemsSeconds(drill);
        }
        if (drill.source() instanceof org.controlroom.lesson.script.AssetSource asset) {
            return org.controlroom.dsp.io.AudioFiles.info(asset.resolved()).seconds();
        }
        return Double.POSITIVE_INFINITY;
    }

    public Pair render(DrillQuestion q) throws AudioFileException {
        DrillExercise e = q.exercise();
        if (e == DrillExercise.MIX_LEVEL) {
            return mixLevel(q);
        }
        AudioClip excerpt = stereo(excerpt(q));
        AudioClip a = excerpt.copy();
        AudioClip b = excerpt.copy();
        if (e == DrillExercise.PAN) {
            // the reference sits in the centre; B is the same sound placed by the constant-power law
            toMono(a);
            toMono(b);
            run(new Pan(0), a);
        }
        if (!q.noChange()) {
            switch (e) {
                case WIDTH -> width(b, q.answer());
                case COMPRESSION_DEPTH, COMPRESSION_ATTACK, COMPRESSION_RELEASE -> {
                    double threshold = thresholdFor(a, q);
                    run(compressor(threshold, q.ratio(), q.attackMs(), q.releaseMs()), b);
                }
                default -> run(processorFor(q), b);
            }
        }
        headroom(a, b);
        fade(a);
        fade(b);
        if (e == DrillExercise.EQ_MATCH && !q.undo()) {
            // copy: A is the target (the hidden EQ), B the excerpt as it is, which the learner's EQ will shape
            return new Pair(b, a);
        }
        return new Pair(a, b);
    }

    /** The compressor of a compression question: hard knee, peak detection, linked. */
    static Compressor compressor(double thresholdDb, double ratio, double attackMs, double releaseMs) {
        Compressor c = new Compressor();
        c.setThresholdDb(thresholdDb);
        c.setRatio(ratio);
        c.setAttackMs(attackMs);
        c.setReleaseMs(releaseMs);
        c.setKneeDb(0);
        return c;
    }

    /** The level of a clip (both channels), in dB RMS. */
    static double rmsDb(AudioClip c) {
        double sum = 0;
        for (float v : c.samples()) {
            sum += (double) v * v;
        }
        return 10 * Math.log10(Math.max(1e-20, sum / Math.max(1, c.samples().length)));
    }

    /** How much the compressor at {@code thresholdDb} takes off the clip's RMS level, in dB. */
    private static double depthAt(AudioClip clip, double thresholdDb, DrillQuestion q) {
        AudioClip b = clip.copy();
        run(compressor(thresholdDb, q.ratio(), q.attackMs(), q.releaseMs()), b);
        return rmsDb(clip) - rmsDb(b);
    }

    /**
     * The threshold at which the question's compressor takes {@link DrillQuestion#depthDb()} dB off the
     * excerpt's RMS level (for compression-threshold questions the answer is that depth): found by
     * regula falsi on the rendered drop, which falls steadily as the threshold rises.
     */
    static double thresholdFor(AudioClip clip, DrillQuestion q) {
        double want = q.exercise() == DrillExercise.COMPRESSION_DEPTH ? q.answer() : q.depthDb();
        float peak = 0;
        for (float v : clip.samples()) {
            peak = Math.max(peak, Math.abs(v));
        }
        double hi = 20 * Math.log10(Math.max(1e-9, peak));   // no reduction at the peak
        double lo = hi - 80;
        double dHi = 0;
        double dLo = depthAt(clip, lo, q);
        double t = hi;
        for (int i = 0; i < 24; i++) {
            // interpolate, but never closer than a tenth of the bracket to either end (Illinois-like)
            double frac = (want - dHi) / (dLo - dHi);
            frac = Math.max(0.1, Math.min(0.9, Double.isFinite(frac) ? frac : 0.5));
            t = hi + (lo - hi) * frac;
            double d = depthAt(clip, t, q);
            if (Math.abs(d - want) < 0.05) {
                return t;
            }
            if (d < want) {
                hi = t;
                dHi = d;
            } else {
                lo = t;
                dLo = d;
            }
        }
        return t;
    }

    /** Scales the side signal (L − R) by {@code factor}, leaving the middle (L + R) as it is. */
    static void width(AudioClip clip, double factor) {
        float[] s = clip.samples();
        for (int i = 0; i < s.length; i += 2) {
            double mid = (s[i] + s[i + 1]) / 2.0;
            double side = (s[i] - s[i + 1]) / 2.0 * factor;
            s[i] = (float) (mid + side);
            s[i + 1] = (float) (mid - side);
        }
    }

    /** A mix-level question: A is the stems summed, B the same with one stem moved by the step. */
    private Pair mixLevel(DrillQuestion q) throws AudioFileException {
        if (stems == null) {
            java.util.List<AudioClip> read = new java.util.ArrayList<>();
            for (org.controlroom.lesson.script.AssetSource stem : drill.options().stems()) {
                read.add(stereo(AudioFiles.read(stem.resolved())));
            }
            stems = read;
        }
        int rate = (int) stems.get(0).sampleRate();
        int from = (int) Math.round(q.excerptStart() * rate);
        int frames = (int) Math.round(q.excerptSeconds() * rate);
        for (AudioClip c : stems) {
            frames = Math.min(frames, c.frames() - from);
        }
        frames = Math.max(0, frames);
        float[] a = new float[frames * 2];
        float[] b = new float[frames * 2];
        float g = (float) Math.pow(10, q.stemDb() / 20);
        for (int k = 0; k < stems.size(); k++) {
            float[] s = stems.get(k).samples();
            float gain = k == q.stem() ? g : 1f;
            for (int i = 0; i < a.length; i++) {
                float v = s[2 * from + i];
                a[i] += v;
                b[i] += gain * v;
            }
        }
        AudioClip ca = new AudioClip(rate, 2, a);
        AudioClip cb = new AudioClip(rate, 2, b);
        headroom(ca, cb);
        fade(ca);
        fade(cb);
        return new Pair(ca, cb);
    }

    /** How long a mix-level drill's stems all last, in seconds. */
    public static double stemsSeconds(DrillSection drill) throws AudioFileException {
        double shortest = Double.POSITIVE_INFINITY;
        for (org.controlroom.lesson.script.AssetSource stem : drill.options().stems()) {
            shortest = Math.min(shortest, AudioFiles.info(stem.resolved()).seconds());
        }
        return shortest;
    }

    private BlockProcessor processorFor(DrillQuestion q) {
        return switch (q.exercise()) {
            case EQ_FREQUENCY -> {
                ParametricEq eq = new ParametricEq(q.bands().size());
                int i = 0;
                for (double band : q.bands()) {
                    eq.setBand(i++, band(q.filter(), band, q.gainDb(), q.q()));
                }
                yield eq;
            }
            case EQ_GAIN -> {
                ParametricEq eq = new ParametricEq(1);
                eq.setBand(0, EqBand.of(FilterType.PEAK, q.frequencyHz(), q.answer(), q.q()));
                yield eq;
            }
            case EQ_BOOST_CUT -> {
                ParametricEq eq = new ParametricEq(1);
                eq.setBand(0, EqBand.of(FilterType.PEAK, q.frequencyHz(), Math.signum(q.answer()) * Math.abs(q.gainDb()),
                        q.q()));
                yield eq;
            }
            case EQ_Q -> {
                ParametricEq eq = new ParametricEq(1);
                eq.setBand(0, EqBand.of(FilterType.PEAK, q.frequencyHz(), q.gainDb(), q.answer()));
                yield eq;
            }
            case EQ_MATCH -> new ParametricEq(q.hidden());
            case LEVEL -> new Gain(q.answer());
            case PAN -> new Pan(q.answer());
            case COMPRESSION -> compressor(q.thresholdDb(), q.answer(), DrillPlay.ATTACK_MS, DrillPlay.RELEASE_MS);
            default -> throw new IllegalStateException(q.exercise().id() + " is rendered on its own");
        };
    }

    /**
     * An EQ band of the drill's shape at {@code hz}: a peak with the drill's Q; shelves with slope 1 (the
     * corner is where the shelf has half its gain); high- and low-pass Butterworth (Q 0.7071: the
     * cutoff is the −3 dB point).
     */
    static EqBand band(String filter, double hz, double gainDb, double q) {
        return switch (filter) {
            case "lowshelf" -> EqBand.of(FilterType.LOW_SHELF, hz, gainDb, 1);
            case "highshelf" -> EqBand.of(FilterType.HIGH_SHELF, hz, gainDb, 1);
            case "lowpass" -> EqBand.of(FilterType.LOW_PASS, hz, 0, Math.sqrt(0.5));
            case "highpass" -> EqBand.of(FilterType.HIGH_PASS, hz, 0, Math.sqrt(0.5));
            default -> EqBand.of(FilterType.PEAK, hz, gainDb, q);
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
