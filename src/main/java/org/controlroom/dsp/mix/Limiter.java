package org.controlroom.dsp.mix;

import org.controlroom.dsp.DspProcessor;
import org.controlroom.dsp.meter.TruePeakOversampler;

/**
 * A true-peak-safe lookahead brickwall limiter (stereo-linked) for the end of the master bus.
 *
 * <p>Peaks are found on the reconstructed signal, so inter-sample peaks count: a 4× polyphase
 * Kaiser-windowed sinc (β = 6, 64 taps per phase, flat to 22.5 kHz at 48 kHz) gives the points a
 * quarter, half and three quarters of a sample after each sample, and where a point comes near the
 * ceiling the parabola through it and its neighbours finds the crest between the points (so the
 * output also stays under the ceiling measured 8× oversampled). For every sample the gain that keeps
 * it under the ceiling is held as a running minimum across the lookahead window plus the filter's
 * span, released with a one-pole curve, and smoothed with a moving average as long as the lookahead;
 * the audio is delayed by {@link #latencyFrames()} (lookahead + 64 frames) so the gain is already down
 * when a peak arrives, and every sample that feeds an over-ceiling point gets at most that point's
 * gain.
 *
 * <p>Only what could reach the ceiling is oversampled, by bounds that hold for any signal: while every
 * sample in a filter window is under the ceiling divided by the filter's worst-case gain nothing is
 * computed; otherwise the 8 central taps are run for every frame and the outer 56 only where their
 * largest possible contribution (their absolute sum times the window's largest sample) could lift a
 * point to the ceiling. Blocks whose peaks stay under the ceiling, with no gain reduction in force,
 * only pass through the delay.
 *
 * <p>Measured with an independent 8× Blackman-windowed sinc (96 taps) in the tests, loud noise comes
 * out at −0.92 to −1.02 dBTP for a −1 dBTP ceiling (full band), −1.04 to −1.05 below 20 kHz.
 */
public final class Limiter extends DspProcessor {

    /**
     * Safety under the ceiling (dB): for the gain's own smoothing between samples, the parabola's
     * small under-reading of crests between the 4x points, and reconstruction filters flatter near
     * half the sample rate than the detector's.
     */
    static final double MARGIN_DB = 0.05;
    /** The detector: a 4x Kaiser-windowed sinc of 2 * HALF taps per phase. */
    static final int HALF = 32; // a multiple of 4
    static final double KAISER_BETA = 6;
    private static final int TAPS = 2 * HALF;
    /** 1 / cos(pi / 8): how far a signal band-limited to fs/2 can rise between quarter-sample points. */
    private static final float CREST_LIMIT = (float) (1 / Math.cos(Math.PI / 8));
    /** A released gain this close to 1 is 1. */
    private static final double RELEASED = 1 - 1e-9;
    /** Frames interpolated per pass (the working arrays stay in the first-level cache). */
    private static final int CHUNK = 256;
    // the folded filter, k = 0 .. HALF - 1, applied to x[n - k] + x[n - TAPS + 1 + k] (MID, SUM) and
    // x[n - k] - x[n - TAPS + 1 + k] (DIFF): MID gives the 1/2 point, SUM + DIFF the 1/4, SUM - DIFF the 3/4
    private static final float[] MID = folded(2, 0);
    private static final float[] SUM = folded(1, 1);
    private static final float[] DIFF = folded(1, -1);
    /** Taps either side of the point that are run for every hot frame (a multiple of 4). */
    private static final int CENTRAL = 4;
    /**
     * The outer taps' largest possible contribution to the 1/4 and 3/4 points, and to the 1/2 point,
     * per unit of the largest sample in the window (with room for float rounding).
     */
    private static final double TAIL_OUTER = tail(1);
    private static final double TAIL_MIDDLE = tail(2);
    /** Every sample that feeds a point over the ceiling, and every point's neighbours, get its gain. */
    private static final int PEAK_SPAN = TAPS;
    private static final double WORST_OVERSHOOT = worstCaseInterpolationGain();

    private volatile double ceilingDb;
    private volatile double releaseMs;
    private final double lookaheadMs;
    private volatile double gainReductionDb;

    private int channels = 2;
    private double sampleRate = 48000;
    private int lookahead;
    private int holdLength;
    private int delay;
    // per channel: the last TAPS input samples, then the block (deinterleaved)
    private float[][] work = new float[0][0];
    private int hotFrames;
    private float[] peaks = new float[0];
    // each frame's sample peak across channels: the last TAPS frames, then the block
    private float[] level = new float[0];
    // per channel: the last point (3/4) of the previous frame, NaN where it was not computed
    private float[] lastPoint = new float[0];
    private final float[] y1 = new float[CHUNK];
    private final float[] y2 = new float[CHUNK];
    private final float[] y3 = new float[CHUNK];

    private float[] delayLine = new float[0];
    private int delayPos;
    // running minimum over the last holdLength targets: a monotonic queue in a ring
    private double[] queueValue = new double[0];
    private long[] queueIndex = new long[0];
    private int queueHead;
    private int queueSize;
    // moving average of the released gain over lookahead + 1 values
    private double[] boxRing = new double[0];
    private int boxPos;
    private double boxSum;
    private double released = 1;
    private long index;
    private long lastLimited = Long.MIN_VALUE / 2;

    /** Ceiling −1 dBTP, release 50 ms, lookahead 1.5 ms. */
    private volatile boolean bypassed;

    public Limiter() {
        this(-1, 50, 1.5);
    }

    public Limiter(double ceilingDb, double releaseMs, double lookaheadMs) {
        setCeilingDb(ceilingDb);
        setReleaseMs(releaseMs);
        if (!(lookaheadMs >= 0.1 && lookaheadMs <= 20)) {
            throw new IllegalArgumentException("limiter lookahead must be 0.1 to 20 ms, was " + lookaheadMs);
        }
        this.lookaheadMs = lookaheadMs;
        prepare(48000, 2, 0);
    }

    public void setCeilingDb(double db) {
        if (!(db >= -30 && db <= 0)) {
            throw new IllegalArgumentException("limiter ceiling must be -30 to 0 dBTP, was " + db);
        }
        this.ceilingDb = db;
    }

    public double ceilingDb() {
        return ceilingDb;
    }

    public void setReleaseMs(double ms) {
        if (!(ms >= 1 && ms <= 5000)) {
            throw new IllegalArgumentException("limiter release must be 1 to 5000 ms, was " + ms);
        }
        this.releaseMs = ms;
    }

    /** Gain reduction of the last processed block, in dB (0 or negative). */
    public double gainReductionDb() {
        return gainReductionDb;
    }

    /** How many frames the limiter delays the audio by. */
    public int latencyFrames() {
        return delay;
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.lookahead = Math.max(1, (int) Math.round(lookaheadMs * sampleRate / 1000));
        this.holdLength = lookahead + 1 + PEAK_SPAN;
        this.delay = lookahead + PEAK_SPAN;
        this.work = new float[channels][TAPS + Math.max(1, maxBlockFrames)];
        this.peaks = new float[Math.max(1, maxBlockFrames)];
        this.level = new float[TAPS + Math.max(1, maxBlockFrames)];
        this.lastPoint = new float[channels];
        this.delayLine = new float[delay * channels];
        this.queueValue = new double[holdLength + 1];
        this.queueIndex = new long[holdLength + 1];
        this.boxRing = new double[lookahead + 1];
        reset();
    }

    @Override
    public void reset() {
        for (float[] w : work) {
            java.util.Arrays.fill(w, 0);
        }
        hotFrames = 0;
        java.util.Arrays.fill(level, 0);
        java.util.Arrays.fill(lastPoint, Float.NaN);
        java.util.Arrays.fill(delayLine, 0);
        delayPos = 0;
        queueHead = 0;
        queueSize = 0;
        java.util.Arrays.fill(boxRing, 1);
        boxPos = 0;
        boxSum = boxRing.length;
        released = 1;
        index = 0;
        lastLimited = Long.MIN_VALUE / 2;
        gainReductionDb = 0;
    }

    /**
     * Switches limiting off (the sound passes through the lookahead delay unchanged, so the timing stays
     * the same) or back on. Safe from another thread; takes effect at the next block.
     */
    public void setBypassed(boolean bypassed) {
        this.bypassed = bypassed;
    }

    public boolean isBypassed() {
        return bypassed;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        int frames = length / channels;
        if (frames > peaks.length) {
            prepare(sampleRate, channels, frames);
        }
        double ceiling = Math.pow(10, (ceilingDb - MARGIN_DB) / 20);
        if (bypassed) {
            load(samples, offset, frames);
            detectPeaks(frames, false, ceiling);
            delayOnly(samples, offset, frames);
            released = 1;
            gainReductionDb = 0;
            return;
        }
        double releaseCoeff = 1 - Math.exp(-1000 / (releaseMs * sampleRate));
        double blockPeak = load(samples, offset, frames);
        // no gain reduction in force or on its way: the gain is exactly 1
        boolean settled = released >= 1 && index - lastLimited > holdLength + lookahead + 1;
        // nothing in (or still in the detector from before) this block can reach the ceiling
        boolean quiet = settled && blockPeak * WORST_OVERSHOOT < ceiling && hotFrames == 0;
        detectPeaks(frames, !quiet, ceiling);
        if (quiet || settled && !anyOver(frames, ceiling)) {
            delayOnly(samples, offset, frames);
            return;
        }
        double minGain = 1;
        for (int f = 0; f < frames; f++) {
            int base = offset + f * channels;
            double peak = peaks[f];
            double target = peak > ceiling ? ceiling / peak : 1;
            if (target < 1) {
                lastLimited = index;
            }
            double held = pushAndMin(target);
            released = held < released ? held : released + (held - released) * releaseCoeff;
            if (released > RELEASED) {
                // the release curve never reaches 1 in floating point; within 1e-8 dB it has
                released = 1;
            }
            boxSum += released - boxRing[boxPos];
            boxRing[boxPos] = released;
            boxPos = boxPos + 1 == boxRing.length ? 0 : boxPos + 1;
            double gain = Math.min(1, boxSum / boxRing.length);
            minGain = Math.min(minGain, gain);
            int d = delayPos * channels;
            for (int c = 0; c < channels; c++) {
                float in = samples[base + c];
                samples[base + c] = (float) (delayLine[d + c] * gain);
                delayLine[d + c] = in;
            }
            delayPos = delayPos + 1 == delay ? 0 : delayPos + 1;
            index++;
        }
        gainReductionDb = 20 * Math.log10(minGain);
    }

    /**
     * Copies the block into the detector's per-channel work arrays, sets each frame's sample peak
     * across channels, and returns the block's sample peak.
     */
    private float load(float[] samples, int offset, int frames) {
        float blockPeak = 0;
        if (channels == 2) {
            float[] l = work[0];
            float[] r = work[1];
            for (int f = 0, i = offset; f < frames; f++, i += 2) {
                float a = samples[i];
                float b = samples[i + 1];
                l[TAPS + f] = a;
                r[TAPS + f] = b;
                float m = Math.abs(a);
                float mb = Math.abs(b);
                m = mb > m ? mb : m;
                peaks[f] = m;
                level[TAPS + f] = m;
                blockPeak = m > blockPeak ? m : blockPeak;
            }
            return blockPeak;
        }
        java.util.Arrays.fill(peaks, 0, frames, 0);
        for (int c = 0; c < channels; c++) {
            float[] x = work[c];
            for (int f = 0; f < frames; f++) {
                float v = samples[offset + f * channels + c];
                x[TAPS + f] = v;
                float m = Math.abs(v);
                peaks[f] = m > peaks[f] ? m : peaks[f];
            }
        }
        for (int f = 0; f < frames; f++) {
            blockPeak = peaks[f] > blockPeak ? peaks[f] : blockPeak;
            level[TAPS + f] = peaks[f];
        }
        return blockPeak;
    }

    /**
     * Finds each frame's peak across channels: the sample peak, and where a sample in the
     * interpolation window is loud enough that a reconstructed peak could reach the ceiling, the
     * detector's 4x interpolated points around the sample {@link #HALF} frames back, each refined
     * by the parabola through it and its neighbours (which finds the crests between the points).
     * With {@code needed} false only the history and the hot-window count are kept up to date.
     */
    private void detectPeaks(int frames, boolean needed, double ceiling) {
        float hot = (float) (ceiling / WORST_OVERSHOOT);
        float refine = (float) (ceiling / CREST_LIMIT);
        for (int f0 = 0; f0 < frames; f0 += CHUNK) {
            int n = Math.min(CHUNK, frames - f0);
            boolean anyHot = false;
            for (int f = f0; f < f0 + n; f++) {
                if (peaks[f] >= hot) {
                    hotFrames = TAPS;
                }
                if (hotFrames > 0) {
                    hotFrames--;
                    anyHot = true;
                }
            }
            if (!(anyHot && needed)) {
                // every point of these frames is under the ceiling: the sample peaks stand
                java.util.Arrays.fill(lastPoint, Float.NaN);
                continue;
            }
            // the largest sample (of any channel) the chunk's filter windows hold
            float window = 0;
            for (int j = f0 + 1; j < TAPS + f0 + n; j++) {
                window = level[j] > window ? level[j] : window;
            }
            for (int c = 0; c < channels; c++) {
                float[] x = work[c];
                // the central taps for every frame; the outer ones only where they could matter
                accumulate(x, f0, n, HALF - CENTRAL, HALF);
                // what the central taps must reach for the whole filter possibly to reach `refine`
                float reach1 = refine - (float) (TAIL_OUTER * window);
                float reach2 = refine - (float) (TAIL_MIDDLE * window);
                float before = lastPoint[c];
                for (int i = 0; i < n; i++) {
                    int at = TAPS + f0 + i - HALF;
                    float q0 = x[at];
                    float next = x[at + 1];
                    // |y1| + |y3| is the larger of |1/4 point| and |3/4 point|; the next sample is
                    // the next frame's first point, whose crest may lean on this frame's last point
                    boolean could = Math.abs(y1[i]) + Math.abs(y3[i]) >= reach1 | Math.abs(y2[i]) >= reach2
                            | Math.abs(q0) >= refine | Math.abs(next) >= refine;
                    if (!could) {
                        // nothing here can reach the ceiling: the sample peak stands
                        before = Float.NaN;
                        continue;
                    }
                    float s = y1[i];
                    float m = y2[i];
                    float d = y3[i];
                    float s2 = 0;
                    float m2 = 0;
                    float d2 = 0;
                    int ia = TAPS + f0 + i;
                    int ib = f0 + i + 1;
                    // HALF - CENTRAL is even: two chains of sums, so they need not wait on each other
                    for (int k = 0; k < HALF - CENTRAL; k += 2) {
                        float va = x[ia - k];
                        float vb = x[ib + k];
                        float u = va + vb;
                        m += MID[k] * u;
                        s += SUM[k] * u;
                        d += DIFF[k] * (va - vb);
                        float wa = x[ia - k - 1];
                        float wb = x[ib + k + 1];
                        float w = wa + wb;
                        m2 += MID[k + 1] * w;
                        s2 += SUM[k + 1] * w;
                        d2 += DIFF[k + 1] * (wa - wb);
                    }
                    s += s2;
                    d += d2;
                    float q1 = s + d;
                    float q2 = m + m2;
                    float q3 = s - d;
                    float peak = Math.max(Math.max(Math.abs(q0), Math.abs(q1)), Math.max(Math.abs(q2), Math.abs(q3)));
                    if (peak >= refine) {
                        // a crest between the points could reach the ceiling
                        peak = Math.max(Math.max(crest(before, q0, q1), crest(q0, q1, q2)),
                                Math.max(crest(q1, q2, q3), crest(q2, q3, next)));
                    }
                    before = q3;
                    if (peak > peaks[f0 + i]) {
                        peaks[f0 + i] = peak;
                    }
                }
                lastPoint[c] = before;
            }
        }
        for (float[] x : work) {
            System.arraycopy(x, frames, x, 0, TAPS);
        }
        System.arraycopy(level, frames, level, 0, TAPS);
    }

    /**
     * The folded filter's taps {@code kFrom .. kTo - 1} (a multiple of 4 apart) for the frames
     * {@code f0 .. f0 + n - 1} of a channel's work array: y1 gets the SUM part, y2 the 1/2 point,
     * y3 the DIFF part (the 1/4 point is y1 + y3, the 3/4 point y1 - y3). The middle phase is
     * symmetric and the outer two mirror each other, so each pair of samples the same distance
     * either side is summed (and differenced) once. The loops run over the frames, four taps a pass,
     * so the compiler can vectorise them.
     */
    private void accumulate(float[] x, int f0, int n, int kFrom, int kTo) {
        float[] s = y1;
        float[] m = y2;
        float[] d = y3;
        for (int k = kFrom; k < kTo; k += 4) {
            boolean first = k == kFrom;
            float m0 = MID[k];
            float m1 = MID[k + 1];
            float m2 = MID[k + 2];
            float m3 = MID[k + 3];
            float s0 = SUM[k];
            float s1 = SUM[k + 1];
            float s2 = SUM[k + 2];
            float s3 = SUM[k + 3];
            float d0 = DIFF[k];
            float d1 = DIFF[k + 1];
            float d2 = DIFF[k + 2];
            float d3 = DIFF[k + 3];
            int ia = TAPS + f0 - k;
            int ib = f0 + 1 + k;
            for (int i = 0; i < n; i++) {
                float a0 = x[ia + i];
                float a1 = x[ia - 1 + i];
                float a2 = x[ia - 2 + i];
                float a3 = x[ia - 3 + i];
                float b0 = x[ib + i];
                float b1 = x[ib + 1 + i];
                float b2 = x[ib + 2 + i];
                float b3 = x[ib + 3 + i];
                float u0 = a0 + b0;
                float u1 = a1 + b1;
                float u2 = a2 + b2;
                float u3 = a3 + b3;
                float pm = m0 * u0 + m1 * u1 + m2 * u2 + m3 * u3;
                float ps = s0 * u0 + s1 * u1 + s2 * u2 + s3 * u3;
                float pd = d0 * (a0 - b0) + d1 * (a1 - b1) + d2 * (a2 - b2) + d3 * (a3 - b3);
                m[i] = first ? pm : m[i] + pm;
                s[i] = first ? ps : s[i] + ps;
                d[i] = first ? pd : d[i] + pd;
            }
        }
    }

    /**
     * |b|, or where b is the largest in magnitude of three successive points, the crest of the
     * parabola through them (at most {@link #CREST_LIMIT} times |b|, the most a signal band-limited
     * to half the sample rate can rise between points a quarter of a sample apart).
     */
    private static float crest(float a, float b, float c) {
        float mb = Math.abs(b);
        if (!(mb >= Math.abs(a)) || !(mb >= Math.abs(c))) {
            return mb;
        }
        if (b < 0) {
            a = -a;
            c = -c;
        }
        float den = 2 * mb - a - c;
        if (den <= 0) {
            return mb;
        }
        float d = c - a;
        return Math.min(mb + d * d / (8 * den), mb * CREST_LIMIT);
    }

    /** Whether any frame's peak from {@link #detectPeaks} is over the ceiling. */
    private boolean anyOver(int frames, double ceiling) {
        float max = 0;
        for (int f = 0; f < frames; f++) {
            max = peaks[f] > max ? peaks[f] : max;
        }
        return max > ceiling;
    }

    /** Pushes a target gain and returns the minimum over the last {@code holdLength} targets. */
    private double pushAndMin(double value) {
        int cap = queueValue.length;
        // drop larger values from the back: they can never be the minimum again
        int back = queueHead + queueSize - 1;
        if (back >= cap) {
            back -= cap;
        }
        while (queueSize > 0 && queueValue[back] >= value) {
            queueSize--;
            back = back == 0 ? cap - 1 : back - 1;
        }
        int at = back + 1 == cap ? 0 : back + 1;
        queueValue[at] = value;
        queueIndex[at] = index;
        queueSize++;
        long oldest = index - holdLength;
        while (queueIndex[queueHead] <= oldest) {
            queueHead = queueHead + 1 == cap ? 0 : queueHead + 1;
            queueSize--;
        }
        return queueValue[queueHead];
    }

    /** The quiet path: the audio is only delayed; the detector's memory is kept in step. */
    private void delayOnly(float[] samples, int offset, int frames) {
        // each frame swaps with the delay line's oldest: done in runs up to the ring's end
        int f = 0;
        while (f < frames) {
            int run = Math.min(frames - f, delay - delayPos);
            int a = offset + f * channels;
            int b = delayPos * channels;
            for (int i = 0; i < run * channels; i++) {
                float in = samples[a + i];
                samples[a + i] = delayLine[b + i];
                delayLine[b + i] = in;
            }
            f += run;
            delayPos = delayPos + run == delay ? 0 : delayPos + run;
        }
        // every target in the windows is 1: the gain state is exactly "no limiting"
        queueSize = 0;
        java.util.Arrays.fill(boxRing, 1);
        boxSum = boxRing.length;
        released = 1;
        index += frames;
        gainReductionDb = 0;
    }

    /** The largest factor by which a refined point can exceed the largest input sample in its window. */
    private static double worstCaseInterpolationGain() {
        double worst = 1;
        double[][] phases = TruePeakOversampler.design(4, HALF, KAISER_BETA);
        for (double[] h : phases) {
            double sum = 0;
            for (double v : h) {
                sum += Math.abs(v);
            }
            worst = Math.max(worst, sum);
        }
        return worst * CREST_LIMIT * 1.001;
    }

    /** Sum of |h| over the taps of a phase outside the central {@code 2 * CENTRAL}. */
    private static double tail(int phase) {
        double[] h = TruePeakOversampler.design(4, HALF, KAISER_BETA)[phase];
        double sum = 0;
        for (int k = 0; k < HALF - CENTRAL; k++) {
            sum += Math.abs(h[k]) + Math.abs(h[TAPS - 1 - k]);
        }
        return sum * 1.001 + 1e-6;
    }

    /**
     * Phase 2 (symmetric): h[k]. Phase 1 with sign +1 / -1: (h1[k] +- h1[TAPS - 1 - k]) / 2, since
     * phase 3 is phase 1 reversed.
     */
    private static float[] folded(int phase, int sign) {
        double[] h = TruePeakOversampler.design(4, HALF, KAISER_BETA)[phase];
        float[] out = new float[HALF];
        for (int k = 0; k < HALF; k++) {
            out[k] = (float) (sign == 0 ? h[k] : (h[k] + sign * h[TAPS - 1 - k]) / 2);
        }
        return out;
    }
}
