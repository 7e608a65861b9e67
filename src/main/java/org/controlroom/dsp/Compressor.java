package org.controlroom.dsp;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A feed-forward compressor (after Giannoulis, Massberg and Reiss, "Digital Dynamic Range
 * Compressor Design", JAES 2012): a level detector (peak or RMS), a static curve with threshold,
 * ratio and a quadratic soft knee, and attack/release smoothing of the gain reduction in dB.
 * Attack and release are one-pole time constants: after the attack time a step in gain reduction
 * has gone 1 − 1/e (63 %) of the way. Stereo link (default) computes one gain from the louder
 * channel and applies it to both, so the image does not shift; unlinked, each channel has its own.
 *
 * <p>The gain is computed every {@value #GAIN_FRAMES} frames from the loudest detector value in
 * those frames and interpolated in between, which keeps logarithms out of the per-sample loop
 * without changing the static curve (exact) or the time constants (exact at the update points).
 * Settings may be changed from any thread; changes take effect at the next block and are smoothed
 * by the attack and release, and make-up gain glides. {@link #gainReductionDb()} is for meters.
 */
public final class Compressor extends DspProcessor {

    /** Frames per gain computation. */
    public static final int GAIN_FRAMES = 32;
    /** Averaging time of the RMS detector, in milliseconds. */
    public static final double RMS_WINDOW_MS = 10;
    private static final double MAKEUP_GLIDE_MS = 10;
    /** For sample j of a stereo update block: how far the gain ramp has gone, (j/2 + 1)/GAIN_FRAMES. */
    private static final float[] STEREO_RAMP = new float[2 * GAIN_FRAMES];

    static {
        for (int j = 0; j < STEREO_RAMP.length; j++) {
            STEREO_RAMP[j] = (float) ((j / 2 + 1) / (double) GAIN_FRAMES);
        }
    }

    /** How the detector hears the level. */
    public enum Detection {
        /** Instantaneous sample peak: catches transients. */
        PEAK,
        /** Average power over {@value Compressor#RMS_WINDOW_MS} ms: closer to perceived loudness. */
        RMS
    }

    /**
     * The compressor's controls.
     *
     * @param thresholdDb level in dBFS above which the gain is reduced
     * @param ratio       input dB over the threshold per output dB (1 = no compression)
     * @param kneeDb      width of the soft knee in dB, centred on the threshold (0 = hard knee)
     * @param attackMs    time constant for more reduction, ms (0 = instant)
     * @param releaseMs   time constant for less reduction, ms
     * @param makeupDb    gain added after compression, dB
     * @param detection   peak or RMS
     * @param stereoLink  one gain from the louder channel for all channels
     */
    public record Settings(double thresholdDb, double ratio, double kneeDb, double attackMs, double releaseMs,
                           double makeupDb, Detection detection, boolean stereoLink) {

        public Settings {
            Objects.requireNonNull(detection, "detection");
            finite("threshold", thresholdDb);
            finite("make-up gain", makeupDb);
            if (!(ratio >= 1) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("compressor ratio must be at least 1 (1 means no compression), was "
                        + ratio);
            }
            if (!(kneeDb >= 0) || Double.isInfinite(kneeDb)) {
                throw new IllegalArgumentException("compressor knee must be 0 dB or more, was " + kneeDb);
            }
            if (!(attackMs >= 0) || Double.isInfinite(attackMs)) {
                throw new IllegalArgumentException("compressor attack must be 0 ms or more, was " + attackMs);
            }
            if (!(releaseMs >= 0) || Double.isInfinite(releaseMs)) {
                throw new IllegalArgumentException("compressor release must be 0 ms or more, was " + releaseMs);
            }
        }

        private static void finite(String what, double db) {
            if (!Double.isFinite(db)) {
                throw new IllegalArgumentException("compressor " + what + " must be a number of dB, was " + db);
            }
        }

        /** Threshold −18 dB, ratio 4, knee 6 dB, attack 10 ms, release 100 ms, no make-up, peak, linked. */
        public static Settings defaults() {
            return new Settings(-18, 4, 6, 10, 100, 0, Detection.PEAK, true);
        }

        public Settings withThresholdDb(double v) {
            return new Settings(v, ratio, kneeDb, attackMs, releaseMs, makeupDb, detection, stereoLink);
        }

        public Settings withRatio(double v) {
            return new Settings(thresholdDb, v, kneeDb, attackMs, releaseMs, makeupDb, detection, stereoLink);
        }

        public Settings withKneeDb(double v) {
            return new Settings(thresholdDb, ratio, v, attackMs, releaseMs, makeupDb, detection, stereoLink);
        }

        public Settings withAttackMs(double v) {
            return new Settings(thresholdDb, ratio, kneeDb, v, releaseMs, makeupDb, detection, stereoLink);
        }

        public Settings withReleaseMs(double v) {
            return new Settings(thresholdDb, ratio, kneeDb, attackMs, v, makeupDb, detection, stereoLink);
        }

        public Settings withMakeupDb(double v) {
            return new Settings(thresholdDb, ratio, kneeDb, attackMs, releaseMs, v, detection, stereoLink);
        }

        public Settings withDetection(Detection v) {
            return new Settings(thresholdDb, ratio, kneeDb, attackMs, releaseMs, makeupDb, v, stereoLink);
        }

        public Settings withStereoLink(boolean v) {
            return new Settings(thresholdDb, ratio, kneeDb, attackMs, releaseMs, makeupDb, detection, v);
        }

        /**
         * The static curve: the output level in dB for a steady input level in dB, before make-up
         * gain (threshold, ratio and the quadratic soft knee).
         */
        public double outputDb(double inputDb) {
            double over = inputDb - thresholdDb;
            double w = kneeDb;
            if (2 * over <= -w) {
                return inputDb;
            }
            if (2 * Math.abs(over) < w) {
                double d = over + w / 2;
                return inputDb + (1 / ratio - 1) * d * d / (2 * w);
            }
            return thresholdDb + over / ratio;
        }

        /** Gain reduction in dB (0 or negative) of the static curve at a steady input level. */
        double staticGainDb(double inputDb) {
            return outputDb(inputDb) - inputDb;
        }
    }

    private final AtomicReference<Settings> settings;
    private volatile boolean bypassed;
    private volatile double gainReductionDb;

    // Audio-thread state; one slot per detector (1 when linked, else one per channel).
    private double sampleRate = 48000;
    private int channels = 2;
    private double[] smoothedDb = new double[0];  // gain reduction, dB (<= 0)
    private double[] gainNow = new double[0];     // linear gain at the end of the last update
    private double[] meanSquare = new double[0];  // RMS detector
    private double makeupNow;
    private boolean wasLinked = true;
    /** The curve of the settings in use, rebuilt in place only when they change (no allocation per block). */
    private final Curve curve = new Curve();
    private double makeupStep;

    public Compressor() {
        this(Settings.defaults());
    }

    public Compressor(Settings settings) {
        this.settings = new AtomicReference<>(Objects.requireNonNull(settings, "settings"));
        prepare(sampleRate, channels, 0);
    }

    public Settings settings() {
        return settings.get();
    }

    public void setSettings(Settings s) {
        settings.set(Objects.requireNonNull(s, "settings"));
    }

    public void setThresholdDb(double db) {
        change(s -> s.withThresholdDb(db));
    }

    public void setRatio(double ratio) {
        change(s -> s.withRatio(ratio));
    }

    public void setKneeDb(double db) {
        change(s -> s.withKneeDb(db));
    }

    public void setAttackMs(double ms) {
        change(s -> s.withAttackMs(ms));
    }

    public void setReleaseMs(double ms) {
        change(s -> s.withReleaseMs(ms));
    }

    public void setMakeupDb(double db) {
        change(s -> s.withMakeupDb(db));
    }

    public void setDetection(Detection d) {
        change(s -> s.withDetection(d));
    }

    public void setStereoLink(boolean linked) {
        change(s -> s.withStereoLink(linked));
    }

    private void change(UnaryOperator<Settings> f) {
        settings.updateAndGet(f);
    }

    /**
     * Switches the compressor out ({@code true}): the gain reduction releases and make-up gain
     * glides to 0 dB, then the audio passes untouched.
     */
    public void setBypassed(boolean bypassed) {
        this.bypassed = bypassed;
    }

    public boolean isBypassed() {
        return bypassed;
    }

    /** How much the gain is turned down right now, in dB (0 or more), the most of any channel; for meters. */
    public double gainReductionDb() {
        return gainReductionDb;
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        smoothedDb = new double[channels];
        gainNow = new double[channels];
        meanSquare = new double[channels];
        makeupNow = bypassed ? 0 : settings.get().makeupDb();
        java.util.Arrays.fill(gainNow, FastMath.dbToAmplitude(makeupNow));
        gainReductionDb = 0;
        curve.invalidate();
        makeupStep = 1 - Math.exp(-GAIN_FRAMES / (MAKEUP_GLIDE_MS / 1000 * sampleRate));
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(smoothedDb, 0);
        java.util.Arrays.fill(meanSquare, 0);
        java.util.Arrays.fill(gainNow, FastMath.dbToAmplitude(makeupNow));
        gainReductionDb = 0;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        Settings s = settings.get();
        boolean off = bypassed;
        int frames = length / channels;
        double makeupTarget = off ? 0 : s.makeupDb();
        if (off && makeupNow == 0 && isReleased()) {
            return;
        }
        curve.update(s, off, sampleRate);
        double reduction = 0;
        boolean linked = s.stereoLink() || channels == 1;
        if (wasLinked && !linked) {
            // Unlinking: every channel carries on from the shared detector, without a jump.
            for (int c = 1; c < channels; c++) {
                smoothedDb[c] = smoothedDb[0];
                gainNow[c] = gainNow[0];
                meanSquare[c] = meanSquare[0];
            }
        }
        wasLinked = linked;
        if (linked) {
            runDetector(samples, offset, frames, 0, channels, curve, makeupTarget, makeupStep, false);
            reduction = -smoothedDb[0];
        } else {
            double makeupStart = makeupNow;
            for (int c = 0; c < channels; c++) {
                makeupNow = makeupStart;
                runDetector(samples, offset + c, frames, c, 1, curve, makeupTarget, makeupStep, false);
                reduction = Math.max(reduction, -smoothedDb[c]);
            }
        }
        gainReductionDb = reduction;
    }

    /**
     * Processes a mono signal as this stereo compressor would process it on both sides of a stereo
     * block whose sides are equal (a mono track before its pan): the same samples, bit for bit, for
     * half the work. Only when prepared for two linked channels; returns false, doing nothing,
     * otherwise (then process the stereo block).
     */
    public boolean processMonoOfStereo(float[] mono, int offset, int frames) {
        Settings s = settings.get();
        if (channels != 2 || !s.stereoLink()) {
            return false;
        }
        boolean off = bypassed;
        double makeupTarget = off ? 0 : s.makeupDb();
        if (off && makeupNow == 0 && isReleased()) {
            return true;
        }
        curve.update(s, off, sampleRate);
        wasLinked = true;
        runDetector(mono, offset, frames, 0, 2, curve, makeupTarget, makeupStep, true);
        gainReductionDb = -smoothedDb[0];
        return true;
    }

    private boolean isReleased() {
        for (int i = 0; i < (wasLinked ? 1 : smoothedDb.length); i++) {
            if (smoothedDb[i] != 0 || gainNow[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The static curve and time constants of the settings in use, precomputed. Mutable and owned by
     * the audio thread: {@link #update} recomputes it in place, and only when the settings object,
     * the bypass or the sample rate changed, so a block allocates nothing and usually computes nothing.
     */
    private static final class Curve {
        Settings s;
        boolean off;
        double fs = -1;
        boolean rms;
        double kneeStartLinear;   // below this level the curve is flat (no log needed)
        double kneeStartPower;
        double attack;
        double release;
        double rmsCoefficient;
        double rmsCarry;          // (1 − k)^GAIN_FRAMES
        final double[] rmsWeights = new double[GAIN_FRAMES];  // k·(1 − k)^(GAIN_FRAMES − 1 − j)

        void invalidate() {
            s = null;
        }

        void update(Settings settings, boolean bypass, double rate) {
            if (settings == s && bypass == off && rate == fs) {
                return;
            }
            this.s = settings;
            this.off = bypass;
            this.fs = rate;
            this.rms = settings.detection() == Detection.RMS;
            double startDb = settings.thresholdDb() - settings.kneeDb() / 2;
            this.kneeStartLinear = Math.pow(10, startDb / 20);
            this.kneeStartPower = kneeStartLinear * kneeStartLinear;
            this.attack = coefficient(settings.attackMs(), rate, GAIN_FRAMES);
            this.release = coefficient(settings.releaseMs(), rate, GAIN_FRAMES);
            this.rmsCoefficient = 1 - coefficient(RMS_WINDOW_MS, rate, 1);
            this.rmsCarry = Math.pow(1 - rmsCoefficient, GAIN_FRAMES);
            for (int j = 0; j < GAIN_FRAMES; j++) {
                rmsWeights[j] = rmsCoefficient * Math.pow(1 - rmsCoefficient, GAIN_FRAMES - 1 - j);
            }
        }

        /** One-pole coefficient for a time constant over {@code frames} samples. */
        static double coefficient(double ms, double fs, int frames) {
            return ms <= 0 ? 0 : Math.exp(-frames / (ms / 1000 * fs));
        }

        /** Static gain in dB for a detector reading (peak amplitude, or mean square when RMS). */
        double gainDb(double level) {
            if (off || s.ratio() == 1) {
                return 0;
            }
            if (rms ? level <= kneeStartPower : level <= kneeStartLinear) {
                return 0;
            }
            double db = rms ? FastMath.powerToDb(level) : FastMath.amplitudeToDb(level);
            return s.staticGainDb(db);
        }
    }

    /**
     * Runs the detector and gain over {@code frames} frames starting at {@code pos}; the detector
     * hears {@code width} interleaved channels at a time (all when linked, one when not) and its
     * gain goes to those channels. With {@code monoOfStereo} the samples are one side of a stereo
     * block with equal sides, read and written as the linked stereo detector and gain would do them.
     */
    private void runDetector(float[] x, int pos, int frames, int slot, int width, Curve curve,
                             double makeupTarget, double makeupStep, boolean monoOfStereo) {
        final int stride = monoOfStereo ? 1 : channels;
        double gs = smoothedDb[slot];
        double g0 = gainNow[slot];
        double ms = meanSquare[slot];
        double makeup = makeupNow;
        final double k = curve.rmsCoefficient;
        int i = pos;
        int left = frames;
        while (left > 0) {
            int n = Math.min(GAIN_FRAMES, left);
            int end = i + n * stride;
            double level;
            if (monoOfStereo) {
                // max(l, r) of equal sides is either: the stereo formulas on one side
                if (!curve.rms) {
                    level = peakOne(x, i, end, 1);
                } else if (n == GAIN_FRAMES) {
                    level = meanSquareMonoBlock(x, i, curve.rmsWeights, curve.rmsCarry, ms);
                } else {
                    level = meanSquareOne(x, i, end, 1, k, ms);
                }
                if (curve.rms) {
                    ms = level;
                }
            } else if (width == 2 && stride == 2) {
                if (!curve.rms) {
                    level = peakStereo(x, i, end);
                } else if (n == GAIN_FRAMES) {
                    level = meanSquareStereoBlock(x, i, curve.rmsWeights, curve.rmsCarry, ms);
                } else {
                    level = meanSquareStereo(x, i, end, k, ms);
                }
                if (curve.rms) {
                    ms = level;
                }
            } else if (width == 1) {
                level = curve.rms ? meanSquareOne(x, i, end, stride, k, ms) : peakOne(x, i, end, stride);
                if (curve.rms) {
                    ms = level;
                }
            } else {
                level = 0;
                for (int j = i; j < end; j += stride) {
                    double p = 0;
                    for (int c = 0; c < width; c++) {
                        double v = x[j + c];
                        p = Math.max(p, v * v);
                    }
                    if (curve.rms) {
                        ms += k * (p - ms);
                    } else {
                        level = Math.max(level, p);
                    }
                }
                level = curve.rms ? ms : Math.sqrt(level);
            }
            double gc = curve.gainDb(level);
            if (gc < gs) {
                gs = curve.attack * (gs - gc) + gc;
            } else {
                gs = curve.release * (gs - gc) + gc;
            }
            if (gs > -1e-9 && gc == 0) {
                gs = 0;
            }
            if (makeup != makeupTarget) {
                makeup += makeupStep * (makeupTarget - makeup);
                if (Math.abs(makeup - makeupTarget) < 1e-4) {
                    makeup = makeupTarget;
                }
            }
            double total = gs + makeup;
            double g1 = total == 0 ? 1 : FastMath.dbToAmplitude(total);
            if (g1 != g0 || g1 != 1) {
                if (monoOfStereo) {
                    applyStereoGainToOneSide(x, i, g0, g1, n);
                } else {
                    applyGain(x, i, end, stride, width, g0, g1, n);
                }
            }
            g0 = g1;
            i = end;
            left -= n;
        }
        smoothedDb[slot] = gs;
        gainNow[slot] = g0;
        meanSquare[slot] = ms < 1e-30 ? 0 : ms;
        makeupNow = makeup;
    }

    private static double peakStereo(float[] x, int from, int end) {
        // Branches rather than max(): a new maximum is rare, so the branch predicts well and the
        // comparisons do not wait on one another.
        float m = 0;
        for (int j = from; j < end; j++) {
            float a = Math.abs(x[j]);
            if (a > m) {
                m = a;
            }
        }
        return m;
    }

    private static double peakOne(float[] x, int from, int end, int stride) {
        float m = 0;
        for (int j = from; j < end; j += stride) {
            float a = Math.abs(x[j]);
            if (a > m) {
                m = a;
            }
        }
        return m;
    }

    private static double meanSquareStereo(float[] x, int from, int end, double k, double ms) {
        for (int j = from; j < end; j += 2) {
            double l = x[j];
            double r = x[j + 1];
            l *= l;
            r *= r;
            ms += k * ((l > r ? l : r) - ms);
        }
        return ms;
    }

    /** The one-pole mean square after a whole update block, as a weighted sum (no serial chain). */
    private static double meanSquareStereoBlock(float[] x, int from, double[] w, double carry, double ms) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < GAIN_FRAMES; j += 2) {
            int p = from + 2 * j;
            double l0 = x[p];
            double r0 = x[p + 1];
            double l1 = x[p + 2];
            double r1 = x[p + 3];
            l0 *= l0;
            r0 *= r0;
            l1 *= l1;
            r1 *= r1;
            a += w[j] * (l0 > r0 ? l0 : r0);
            b += w[j + 1] * (l1 > r1 ? l1 : r1);
        }
        return carry * ms + a + b;
    }

    /** {@link #meanSquareStereoBlock} of a block whose sides both equal these samples. */
    private static double meanSquareMonoBlock(float[] x, int from, double[] w, double carry, double ms) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < GAIN_FRAMES; j += 2) {
            double v0 = x[from + j];
            double v1 = x[from + j + 1];
            a += w[j] * (v0 * v0);
            b += w[j + 1] * (v1 * v1);
        }
        return carry * ms + a + b;
    }

    /** The linked stereo gain ramp of {@link #applyGain} on one side's samples. */
    private static void applyStereoGainToOneSide(float[] x, int from, double g0, double g1, int n) {
        if (n == GAIN_FRAMES) {
            float[] ramp = STEREO_RAMP;
            float base = (float) g0;
            float span = (float) (g1 - g0);
            for (int f = 0; f < GAIN_FRAMES; f++) {
                x[from + f] *= base + span * ramp[2 * f];
            }
        } else {
            float step = (float) ((g1 - g0) / n);
            for (int f = 0; f < n; f++) {
                x[from + f] *= (float) g0 + step * (f + 1);
            }
        }
    }

    private static double meanSquareOne(float[] x, int from, int end, int stride, double k, double ms) {
        for (int j = from; j < end; j += stride) {
            double v = x[j];
            ms += k * (v * v - ms);
        }
        return ms;
    }

    /** Multiplies frames [from, end) by a gain moving in a straight line from g0 (exclusive) to g1. */
    private static void applyGain(float[] x, int from, int end, int stride, int width, double g0, double g1, int n) {
        float g = (float) g0;
        float step = (float) ((g1 - g0) / n);
        if (width == 2 && stride == 2 && n == GAIN_FRAMES) {
            float[] ramp = STEREO_RAMP;
            float base = (float) g0;
            float span = (float) (g1 - g0);
            for (int j = 0; j < 2 * GAIN_FRAMES; j++) {
                x[from + j] *= base + span * ramp[j];
            }
        } else if (width == 2 && stride == 2) {
            int frames = (end - from) / 2;
            for (int f = 0; f < frames; f++) {
                float gf = (float) g0 + step * (f + 1);
                x[from + 2 * f] *= gf;
                x[from + 2 * f + 1] *= gf;
            }
        } else if (width == 1) {
            for (int j = from; j < end; j += stride) {
                g += step;
                x[j] *= g;
            }
        } else {
            for (int j = from; j < end; j += stride) {
                g += step;
                for (int c = 0; c < width; c++) {
                    x[j + c] *= g;
                }
            }
        }
    }
}
