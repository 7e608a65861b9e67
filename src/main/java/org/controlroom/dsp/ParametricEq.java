package org.controlroom.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A parametric EQ of any number of {@link EqBand}s in series (RBJ cookbook biquads, double
 * precision), over interleaved audio of any channel count (mono and stereo have fast paths).
 *
 * <p><b>Changing settings while it plays.</b> The setters may be called from any thread; each
 * publishes a new immutable band, and the audio thread picks it up at the next block. Changes
 * glide instead of jumping: frequency, gain and Q move toward the new value with a
 * {@value #SMOOTHING_MS} ms time constant (frequency and Q on a log scale), and the coefficients are
 * recomputed every {@value #UPDATE_FRAMES} frames while they move. Switching a band's type, or
 * switching a band (or the whole EQ) in or out, cross-morphs the coefficients over
 * {@value #MORPH_MS} ms. Once settled, the coefficients are exactly the cookbook's for the settings.
 *
 * <p><b>Speed.</b> All bands of both channels run in one per-frame loop (up to four bands at a time,
 * state in local variables), so the independent feedback chains overlap in the CPU instead of each
 * waiting on its own. The loops use fused multiply-adds ({@link Math#fma}), which shortens each
 * feedback chain and rounds less. Switched-out bands, and bells or shelves at 0 dB, cost nothing.
 */
public final class ParametricEq extends DspProcessor {

    /** Frames between coefficient updates while a setting moves. */
    public static final int UPDATE_FRAMES = 32;
    /** Time constant of the glide of frequency, gain and Q, in milliseconds. */
    public static final double SMOOTHING_MS = 10;
    /** Duration of the coefficient cross-morph when a band's type changes or it is switched in or out. */
    public static final double MORPH_MS = 20;
    /** Frequencies are held below this fraction of the sample rate. */
    static final double MAX_FRACTION_OF_RATE = 0.499;

    private static final int CHUNK_FRAMES = 1024;
    private static final double DENORMAL_FLOOR = 1e-30;

    // Targets, written by any thread.
    private final AtomicReferenceArray<EqBand> targets;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean bypassed;

    // Audio-thread state.
    private final int bandCount;
    private double sampleRate = 48000;
    private int channels = 2;
    private final double[] coef;           // 5 per band: b0 b1 b2 a1 a2
    private double[] state = new double[0]; // 2 per band per channel
    private final FilterType[] curType;
    private final boolean[] curOn;
    private final double[] curFreq;
    private final double[] curGain;
    private final double[] curQ;
    private final double[] morphFrom;
    private final double[] morphTo;        // 5 per band: where a morph or glide step is heading
    private final double[] morphPos;       // <0: not morphing
    private final boolean[] gliding;
    private final int[] active;
    private int activeCount;
    private boolean moving;
    private long seenVersion = -1;
    private double glideStep;
    private double morphStep;

    /** An EQ of {@code bandCount} flat bells (see {@link EqBand#flat()}), all switched in. */
    public ParametricEq(int bandCount) {
        this(flatBands(bandCount));
    }

    /** An EQ with these bands, in this order. */
    public ParametricEq(List<EqBand> bands) {
        Objects.requireNonNull(bands, "bands");
        this.bandCount = bands.size();
        this.targets = new AtomicReferenceArray<>(bands.toArray(new EqBand[0]));
        for (int i = 0; i < bandCount; i++) {
            Objects.requireNonNull(bands.get(i), "band " + i);
        }
        coef = new double[5 * bandCount];
        curType = new FilterType[bandCount];
        curOn = new boolean[bandCount];
        curFreq = new double[bandCount];
        curGain = new double[bandCount];
        curQ = new double[bandCount];
        morphFrom = new double[5 * bandCount];
        morphTo = new double[5 * bandCount];
        morphPos = new double[bandCount];
        gliding = new boolean[bandCount];
        active = new int[bandCount];
        prepare(sampleRate, channels, 0);
    }

    private static List<EqBand> flatBands(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("band count must not be negative, was " + n);
        }
        List<EqBand> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(EqBand.flat());
        }
        return list;
    }

    // ---------------------------------------------------------------- settings (any thread)

    public int bandCount() {
        return bandCount;
    }

    /** The band's current setting (the target, which the sound glides toward). */
    public EqBand band(int index) {
        return targets.get(checkIndex(index));
    }

    /** All bands' current settings, in order. */
    public List<EqBand> bands() {
        List<EqBand> list = new ArrayList<>(bandCount);
        for (int i = 0; i < bandCount; i++) {
            list.add(targets.get(i));
        }
        return List.copyOf(list);
    }

    public void setBand(int index, EqBand band) {
        targets.set(checkIndex(index), Objects.requireNonNull(band, "band"));
        version.incrementAndGet();
    }

    public void setType(int index, FilterType type) {
        update(index, b -> b.withType(type));
    }

    public void setFrequency(int index, double hz) {
        update(index, b -> b.withFrequency(hz));
    }

    public void setGain(int index, double db) {
        update(index, b -> b.withGain(db));
    }

    /** Sets Q (the slope S for shelves). */
    public void setQ(int index, double q) {
        update(index, b -> b.withQ(q));
    }

    /** Switches one band in ({@code true}) or out. */
    public void setEnabled(int index, boolean enabled) {
        update(index, b -> b.withEnabled(enabled));
    }

    /** Switches the whole EQ out ({@code true}) or back in; the band settings are kept. */
    public void setBypassed(boolean bypassed) {
        this.bypassed = bypassed;
        version.incrementAndGet();
    }

    public boolean isBypassed() {
        return bypassed;
    }

    /** The analytic response in dB of the EQ's settings (the targets) at {@code hz}. */
    public double magnitudeDb(double hz, double sampleRate) {
        if (bypassed) {
            return 0;
        }
        double db = 0;
        for (int i = 0; i < bandCount; i++) {
            EqBand b = targets.get(i);
            if (b.enabled()) {
                db += b.coefficients(sampleRate).magnitudeDb(hz, sampleRate);
            }
        }
        return db;
    }

    private void update(int index, java.util.function.UnaryOperator<EqBand> change) {
        targets.updateAndGet(checkIndex(index), change);
        version.incrementAndGet();
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= bandCount) {
            throw new IndexOutOfBoundsException("EQ band " + index + " does not exist; this EQ has " + bandCount
                    + " bands (0 to " + (bandCount - 1) + ")");
        }
        return index;
    }

    // ---------------------------------------------------------------- processing (audio thread)

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
        this.state = new double[2 * channels * bandCount];
        this.glideStep = 1 - Math.exp(-UPDATE_FRAMES / (SMOOTHING_MS / 1000 * sampleRate));
        this.morphStep = Math.min(1, UPDATE_FRAMES / (MORPH_MS / 1000 * sampleRate));
        // Start settled on the current targets.
        seenVersion = version.get();
        boolean off = bypassed;
        activeCount = 0;
        for (int i = 0; i < bandCount; i++) {
            EqBand t = targets.get(i);
            curType[i] = t.type();
            curOn[i] = t.enabled() && !off;
            curFreq[i] = t.frequencyHz();
            curGain[i] = t.gainDb();
            curQ[i] = t.q();
            morphPos[i] = -1;
            gliding[i] = false;
            setCoefficients(i, curOn[i] ? t.coefficients(sampleRate) : BiquadCoefficients.IDENTITY);
            if (contributes(i)) {
                active[activeCount++] = i;
            }
        }
        moving = false;
    }

    @Override
    public void reset() {
        Arrays.fill(state, 0);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        int frames = length / channels;
        int pos = offset;
        while (frames > 0) {
            int n = nextChunk(frames);
            run(samples, pos, n);
            pos += n * channels;
            frames -= n;
        }
    }

    /**
     * How many of {@code frames} to run next: short stretches while settings glide or have just changed
     * (taking up the change first), long ones otherwise.
     */
    private int nextChunk(int frames) {
        if (moving || version.get() != seenVersion) {
            advanceSettings();
            return Math.min(frames, UPDATE_FRAMES);
        }
        return Math.min(frames, CHUNK_FRAMES);
    }

    /**
     * True when prepared for stereo and both sides' filter memories are equal, as after a reset or
     * after blocks whose sides were equal: then {@link #processMonoOfStereo} gives exactly what
     * processing the stereo block would.
     */
    public boolean sidesEqual() {
        if (channels != 2) {
            return false;
        }
        double[] z = state;
        for (int b = 0; b < bandCount; b++) {
            if (z[4 * b] != z[4 * b + 2] || z[4 * b + 1] != z[4 * b + 3]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Processes a mono signal as this stereo EQ would process both sides of a block with equal sides,
     * bit for bit, for half the work (a mono track before its pan). Call only when
     * {@link #sidesEqual()}; the sides' memories stay equal.
     */
    public void processMonoOfStereo(float[] mono, int offset, int frames) {
        if (channels != 2) {
            throw new IllegalStateException("processMonoOfStereo needs an EQ prepared for 2 channels, not " + channels);
        }
        int pos = offset;
        while (frames > 0) {
            int n = nextChunk(frames);
            runMonoOfStereo(mono, pos, n);
            pos += n;
            frames -= n;
        }
    }

    /** run() of a stereo block on one side: the same grouping of bands (so the same rounding), left's memory. */
    private void runMonoOfStereo(float[] x, int pos, int frames) {
        int n = activeCount;
        int[] a = active;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            mono4(x, pos, frames, a[j], a[j + 1], a[j + 2], a[j + 3], 4);
        }
        if (j + 2 <= n) {
            mono2(x, pos, frames, a[j], a[j + 1]);
            j += 2;
        }
        if (j < n) {
            mono1(x, pos, frames, a[j]);
        }
        double[] z = state;
        for (int b = 0; b < bandCount; b++) {
            z[4 * b + 2] = z[4 * b];
            z[4 * b + 3] = z[4 * b + 1];
        }
        flushDenormals();
    }

    /** stereo2's left side on a mono signal (state of a stereo EQ). */
    private void mono2(float[] x, int pos, int frames, int p, int q) {
        final double[] c = coef;
        final double[] z = state;
        final double pb0 = c[5 * p], pb1 = c[5 * p + 1], pb2 = c[5 * p + 2], pn1 = -c[5 * p + 3], pn2 = -c[5 * p + 4];
        final double qb0 = c[5 * q], qb1 = c[5 * q + 1], qb2 = c[5 * q + 2], qn1 = -c[5 * q + 3], qn2 = -c[5 * q + 4];
        double pl1 = z[4 * p], pl2 = z[4 * p + 1];
        double ql1 = z[4 * q], ql2 = z[4 * q + 1];
        final int end = pos + frames;
        for (int i = pos; i < end; i++) {
            double l = x[i];
            double y = Math.fma(pb0, l, pl1);
            pl1 = Math.fma(pn1, y, Math.fma(pb1, l, pl2));
            pl2 = Math.fma(pn2, y, pb2 * l);
            l = y;
            y = Math.fma(qb0, l, ql1);
            ql1 = Math.fma(qn1, y, Math.fma(qb1, l, ql2));
            ql2 = Math.fma(qn2, y, qb2 * l);
            x[i] = (float) y;
        }
        z[4 * p] = pl1; z[4 * p + 1] = pl2;
        z[4 * q] = ql1; z[4 * q + 1] = ql2;
    }

    /** stereo1's left side on a mono signal (state of a stereo EQ). */
    private void mono1(float[] x, int pos, int frames, int p) {
        final double[] c = coef;
        final double[] z = state;
        final double pb0 = c[5 * p], pb1 = c[5 * p + 1], pb2 = c[5 * p + 2], pn1 = -c[5 * p + 3], pn2 = -c[5 * p + 4];
        double pl1 = z[4 * p], pl2 = z[4 * p + 1];
        final int end = pos + frames;
        for (int i = pos; i < end; i++) {
            double l = x[i];
            double y = Math.fma(pb0, l, pl1);
            pl1 = Math.fma(pn1, y, Math.fma(pb1, l, pl2));
            pl2 = Math.fma(pn2, y, pb2 * l);
            x[i] = (float) y;
        }
        z[4 * p] = pl1; z[4 * p + 1] = pl2;
    }

    /** One update step: take new targets, glide and morph, recompute the moving bands' coefficients. */
    private void advanceSettings() {
        long v = version.get();
        boolean fresh = v != seenVersion;
        seenVersion = v;
        boolean off = bypassed;
        boolean anyMoving = false;
        activeCount = 0;
        for (int i = 0; i < bandCount; i++) {
            EqBand t = targets.get(i);
            boolean on = t.enabled() && !off;
            boolean changed = false;
            if (fresh && (t.type() != curType[i] || on != curOn[i])) {
                // Shape or in/out changes: cross-morph from the coefficients in use now.
                System.arraycopy(coef, 5 * i, morphFrom, 5 * i, 5);
                if (!curOn[i] && morphPos[i] < 0) {
                    clearState(i); // an identity band carries no memory
                }
                curType[i] = t.type();
                curOn[i] = on;
                curFreq[i] = t.frequencyHz();
                curGain[i] = t.gainDb();
                curQ[i] = t.q();
                morphPos[i] = 0;
                gliding[i] = false;
                changed = true;
            } else if (fresh || gliding[i]) {
                gliding[i] = glide(i, t);
                changed = true;
            }
            if (morphPos[i] >= 0) {
                morphPos[i] = Math.min(1, morphPos[i] + morphStep);
                changed = true;
            }
            if (changed) {
                int k = 5 * i;
                double[] to = morphTo;
                if (curOn[i]) {
                    currentCoefficientsInto(i, to, k);
                } else {
                    identityInto(to, k);
                }
                if (morphPos[i] >= 0 && morphPos[i] < 1) {
                    double m = morphPos[i];
                    coef[k] = morphFrom[k] + m * (to[k] - morphFrom[k]);
                    coef[k + 1] = morphFrom[k + 1] + m * (to[k + 1] - morphFrom[k + 1]);
                    coef[k + 2] = morphFrom[k + 2] + m * (to[k + 2] - morphFrom[k + 2]);
                    coef[k + 3] = morphFrom[k + 3] + m * (to[k + 3] - morphFrom[k + 3]);
                    coef[k + 4] = morphFrom[k + 4] + m * (to[k + 4] - morphFrom[k + 4]);
                } else {
                    morphPos[i] = -1;
                    System.arraycopy(to, k, coef, k, 5);
                }
            }
            boolean morphing = morphPos[i] >= 0;
            anyMoving |= gliding[i] || morphing;
            if (morphing || contributes(i)) {
                active[activeCount++] = i;
            } else {
                clearState(i);
            }
        }
        moving = anyMoving;
    }

    /** Moves band i's frequency, gain and Q one step toward the target; true while still moving. */
    private boolean glide(int i, EqBand t) {
        double k = glideStep;
        double lf = Math.log(t.frequencyHz() / curFreq[i]);
        double lq = Math.log(t.q() / curQ[i]);
        double dg = t.gainDb() - curGain[i];
        boolean still = false;
        if (Math.abs(lf) < 1e-5) {
            curFreq[i] = t.frequencyHz();
        } else {
            curFreq[i] *= Math.exp(k * lf);
            still = true;
        }
        if (Math.abs(lq) < 1e-5) {
            curQ[i] = t.q();
        } else {
            curQ[i] *= Math.exp(k * lq);
            still = true;
        }
        if (Math.abs(dg) < 1e-4) {
            curGain[i] = t.gainDb();
        } else {
            curGain[i] += k * dg;
            still = true;
        }
        return still;
    }

    /**
     * True if band i changes the sound: switched in and not a 0 dB bell or shelf (whose cookbook
     * coefficients are exactly the identity filter, so skipping it changes nothing).
     */
    private boolean contributes(int i) {
        return curOn[i] && !(curType[i].usesGain() && curGain[i] == 0);
    }

    /** Band i's coefficients for its current (gliding) settings, into {@code out} from {@code at}; allocates nothing. */
    private void currentCoefficientsInto(int i, double[] out, int at) {
        BiquadCoefficients.into(curType[i], sampleRate, Math.min(curFreq[i], MAX_FRACTION_OF_RATE * sampleRate),
                curGain[i], curQ[i], out, at);
    }

    private static void identityInto(double[] out, int at) {
        out[at] = 1;
        out[at + 1] = 0;
        out[at + 2] = 0;
        out[at + 3] = 0;
        out[at + 4] = 0;
    }

    private void setCoefficients(int i, BiquadCoefficients c) {
        int k = 5 * i;
        coef[k] = c.b0();
        coef[k + 1] = c.b1();
        coef[k + 2] = c.b2();
        coef[k + 3] = c.a1();
        coef[k + 4] = c.a2();
    }

    private void clearState(int band) {
        int k = 2 * channels * band;
        Arrays.fill(state, k, k + 2 * channels, 0);
    }

    private void run(float[] x, int pos, int frames) {
        int n = activeCount;
        int[] a = active;
        int j = 0;
        if (channels == 2) {
            for (; j + 4 <= n; j += 4) {
                stereo4(x, pos, frames, a[j], a[j + 1], a[j + 2], a[j + 3]);
            }
            if (j + 2 <= n) {
                stereo2(x, pos, frames, a[j], a[j + 1]);
                j += 2;
            }
            if (j < n) {
                stereo1(x, pos, frames, a[j]);
            }
        } else if (channels == 1) {
            for (; j + 4 <= n; j += 4) {
                mono4(x, pos, frames, a[j], a[j + 1], a[j + 2], a[j + 3], 2);
            }
            for (; j < n; j++) {
                single(x, pos, frames, a[j], 0);
            }
        } else {
            for (; j < n; j++) {
                for (int ch = 0; ch < channels; ch++) {
                    single(x, pos, frames, a[j], ch);
                }
            }
        }
        flushDenormals();
    }

    private void flushDenormals() {
        double[] z = state;
        for (int i = 0; i < z.length; i++) {
            if (Math.abs(z[i]) < DENORMAL_FLOOR) {
                z[i] = 0;
            }
        }
    }

    /** Four bands in series on both channels: eight independent feedback chains in one loop. */
    private void stereo4(float[] x, int pos, int frames, int p, int q, int r, int s) {
        final double[] c = coef;
        final double[] z = state;
        final double pb0 = c[5 * p], pb1 = c[5 * p + 1], pb2 = c[5 * p + 2], pn1 = -c[5 * p + 3], pn2 = -c[5 * p + 4];
        final double qb0 = c[5 * q], qb1 = c[5 * q + 1], qb2 = c[5 * q + 2], qn1 = -c[5 * q + 3], qn2 = -c[5 * q + 4];
        final double rb0 = c[5 * r], rb1 = c[5 * r + 1], rb2 = c[5 * r + 2], rn1 = -c[5 * r + 3], rn2 = -c[5 * r + 4];
        final double sb0 = c[5 * s], sb1 = c[5 * s + 1], sb2 = c[5 * s + 2], sn1 = -c[5 * s + 3], sn2 = -c[5 * s + 4];
        double pl1 = z[4 * p], pl2 = z[4 * p + 1], pr1 = z[4 * p + 2], pr2 = z[4 * p + 3];
        double ql1 = z[4 * q], ql2 = z[4 * q + 1], qr1 = z[4 * q + 2], qr2 = z[4 * q + 3];
        double rl1 = z[4 * r], rl2 = z[4 * r + 1], rr1 = z[4 * r + 2], rr2 = z[4 * r + 3];
        double sl1 = z[4 * s], sl2 = z[4 * s + 1], sr1 = z[4 * s + 2], sr2 = z[4 * s + 3];
        final int end = pos + 2 * frames;
        for (int i = pos; i < end; i += 2) {
            double l = x[i];
            double rt = x[i + 1];
            double y;
            y = Math.fma(pb0, l, pl1);
            pl1 = Math.fma(pn1, y, Math.fma(pb1, l, pl2));
            pl2 = Math.fma(pn2, y, pb2 * l);
            l = y;
            y = Math.fma(pb0, rt, pr1);
            pr1 = Math.fma(pn1, y, Math.fma(pb1, rt, pr2));
            pr2 = Math.fma(pn2, y, pb2 * rt);
            rt = y;
            y = Math.fma(qb0, l, ql1);
            ql1 = Math.fma(qn1, y, Math.fma(qb1, l, ql2));
            ql2 = Math.fma(qn2, y, qb2 * l);
            l = y;
            y = Math.fma(qb0, rt, qr1);
            qr1 = Math.fma(qn1, y, Math.fma(qb1, rt, qr2));
            qr2 = Math.fma(qn2, y, qb2 * rt);
            rt = y;
            y = Math.fma(rb0, l, rl1);
            rl1 = Math.fma(rn1, y, Math.fma(rb1, l, rl2));
            rl2 = Math.fma(rn2, y, rb2 * l);
            l = y;
            y = Math.fma(rb0, rt, rr1);
            rr1 = Math.fma(rn1, y, Math.fma(rb1, rt, rr2));
            rr2 = Math.fma(rn2, y, rb2 * rt);
            rt = y;
            y = Math.fma(sb0, l, sl1);
            sl1 = Math.fma(sn1, y, Math.fma(sb1, l, sl2));
            sl2 = Math.fma(sn2, y, sb2 * l);
            l = y;
            y = Math.fma(sb0, rt, sr1);
            sr1 = Math.fma(sn1, y, Math.fma(sb1, rt, sr2));
            sr2 = Math.fma(sn2, y, sb2 * rt);
            rt = y;
            x[i] = (float) l;
            x[i + 1] = (float) rt;
        }
        z[4 * p] = pl1; z[4 * p + 1] = pl2; z[4 * p + 2] = pr1; z[4 * p + 3] = pr2;
        z[4 * q] = ql1; z[4 * q + 1] = ql2; z[4 * q + 2] = qr1; z[4 * q + 3] = qr2;
        z[4 * r] = rl1; z[4 * r + 1] = rl2; z[4 * r + 2] = rr1; z[4 * r + 3] = rr2;
        z[4 * s] = sl1; z[4 * s + 1] = sl2; z[4 * s + 2] = sr1; z[4 * s + 3] = sr2;
    }

    /** Two bands in series on both channels. */
    private void stereo2(float[] x, int pos, int frames, int p, int q) {
        final double[] c = coef;
        final double[] z = state;
        final double pb0 = c[5 * p], pb1 = c[5 * p + 1], pb2 = c[5 * p + 2], pn1 = -c[5 * p + 3], pn2 = -c[5 * p + 4];
        final double qb0 = c[5 * q], qb1 = c[5 * q + 1], qb2 = c[5 * q + 2], qn1 = -c[5 * q + 3], qn2 = -c[5 * q + 4];
        double pl1 = z[4 * p], pl2 = z[4 * p + 1], pr1 = z[4 * p + 2], pr2 = z[4 * p + 3];
        double ql1 = z[4 * q], ql2 = z[4 * q + 1], qr1 = z[4 * q + 2], qr2 = z[4 * q + 3];
        final int end = pos + 2 * frames;
        for (int i = pos; i < end; i += 2) {
            double l = x[i];
            double rt = x[i + 1];
            double y;
            y = Math.fma(pb0, l, pl1);
            pl1 = Math.fma(pn1, y, Math.fma(pb1, l, pl2));
            pl2 = Math.fma(pn2, y, pb2 * l);
            l = y;
            y = Math.fma(pb0, rt, pr1);
            pr1 = Math.fma(pn1, y, Math.fma(pb1, rt, pr2));
            pr2 = Math.fma(pn2, y, pb2 * rt);
            rt = y;
            y = Math.fma(qb0, l, ql1);
            ql1 = Math.fma(qn1, y, Math.fma(qb1, l, ql2));
            ql2 = Math.fma(qn2, y, qb2 * l);
            l = y;
            y = Math.fma(qb0, rt, qr1);
            qr1 = Math.fma(qn1, y, Math.fma(qb1, rt, qr2));
            qr2 = Math.fma(qn2, y, qb2 * rt);
            rt = y;
            x[i] = (float) l;
            x[i + 1] = (float) rt;
        }
        z[4 * p] = pl1; z[4 * p + 1] = pl2; z[4 * p + 2] = pr1; z[4 * p + 3] = pr2;
        z[4 * q] = ql1; z[4 * q + 1] = ql2; z[4 * q + 2] = qr1; z[4 * q + 3] = qr2;
    }

    /** One band on both channels. */
    private void stereo1(float[] x, int pos, int frames, int p) {
        final double[] c = coef;
        final double[] z = state;
        final double pb0 = c[5 * p], pb1 = c[5 * p + 1], pb2 = c[5 * p + 2], pn1 = -c[5 * p + 3], pn2 = -c[5 * p + 4];
        double pl1 = z[4 * p], pl2 = z[4 * p + 1], pr1 = z[4 * p + 2], pr2 = z[4 * p + 3];
        final int end = pos + 2 * frames;
        for (int i = pos; i < end; i += 2) {
            double l = x[i];
            double rt = x[i + 1];
            double y = Math.fma(pb0, l, pl1);
            pl1 = Math.fma(pn1, y, Math.fma(pb1, l, pl2));
            pl2 = Math.fma(pn2, y, pb2 * l);
            x[i] = (float) y;
            y = Math.fma(pb0, rt, pr1);
            pr1 = Math.fma(pn1, y, Math.fma(pb1, rt, pr2));
            pr2 = Math.fma(pn2, y, pb2 * rt);
            x[i + 1] = (float) y;
        }
        z[4 * p] = pl1; z[4 * p + 1] = pl2; z[4 * p + 2] = pr1; z[4 * p + 3] = pr2;
    }

    /**
     * Four bands in series on a mono signal; band b's memory at {@code zs * b} (2 in a mono EQ, 4 for
     * the left side of a stereo one).
     */
    private void mono4(float[] x, int pos, int frames, int p, int q, int r, int s, int zs) {
        final double[] c = coef;
        final double[] z = state;
        final double pb0 = c[5 * p], pb1 = c[5 * p + 1], pb2 = c[5 * p + 2], pn1 = -c[5 * p + 3], pn2 = -c[5 * p + 4];
        final double qb0 = c[5 * q], qb1 = c[5 * q + 1], qb2 = c[5 * q + 2], qn1 = -c[5 * q + 3], qn2 = -c[5 * q + 4];
        final double rb0 = c[5 * r], rb1 = c[5 * r + 1], rb2 = c[5 * r + 2], rn1 = -c[5 * r + 3], rn2 = -c[5 * r + 4];
        final double sb0 = c[5 * s], sb1 = c[5 * s + 1], sb2 = c[5 * s + 2], sn1 = -c[5 * s + 3], sn2 = -c[5 * s + 4];
        double p1 = z[zs * p], p2 = z[zs * p + 1];
        double q1 = z[zs * q], q2 = z[zs * q + 1];
        double r1 = z[zs * r], r2 = z[zs * r + 1];
        double s1 = z[zs * s], s2 = z[zs * s + 1];
        final int end = pos + frames;
        for (int i = pos; i < end; i++) {
            double v = x[i];
            double y = Math.fma(pb0, v, p1);
            p1 = Math.fma(pn1, y, Math.fma(pb1, v, p2));
            p2 = Math.fma(pn2, y, pb2 * v);
            v = y;
            y = Math.fma(qb0, v, q1);
            q1 = Math.fma(qn1, y, Math.fma(qb1, v, q2));
            q2 = Math.fma(qn2, y, qb2 * v);
            v = y;
            y = Math.fma(rb0, v, r1);
            r1 = Math.fma(rn1, y, Math.fma(rb1, v, r2));
            r2 = Math.fma(rn2, y, rb2 * v);
            v = y;
            y = Math.fma(sb0, v, s1);
            s1 = Math.fma(sn1, y, Math.fma(sb1, v, s2));
            s2 = Math.fma(sn2, y, sb2 * v);
            x[i] = (float) y;
        }
        z[zs * p] = p1; z[zs * p + 1] = p2;
        z[zs * q] = q1; z[zs * q + 1] = q2;
        z[zs * r] = r1; z[zs * r + 1] = r2;
        z[zs * s] = s1; z[zs * s + 1] = s2;
    }

    /** One band on one channel of any layout. */
    private void single(float[] x, int pos, int frames, int band, int ch) {
        final double[] c = coef;
        final double[] z = state;
        final int k = 5 * band;
        final double b0 = c[k], b1 = c[k + 1], b2 = c[k + 2], n1 = -c[k + 3], n2 = -c[k + 4];
        final int zi = 2 * (band * channels + ch);
        double s1 = z[zi];
        double s2 = z[zi + 1];
        final int step = channels;
        final int end = pos + frames * step;
        for (int i = pos + ch; i < end; i += step) {
            double v = x[i];
            double y = Math.fma(b0, v, s1);
            s1 = Math.fma(n1, y, Math.fma(b1, v, s2));
            s2 = Math.fma(n2, y, b2 * v);
            x[i] = (float) y;
        }
        z[zi] = s1;
        z[zi + 1] = s2;
    }
}
