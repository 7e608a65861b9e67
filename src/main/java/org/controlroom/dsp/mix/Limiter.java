package org.controlroom.dsp.mix;

import org.controlroom.dsp.DspProcessor;
import org.controlroom.dsp.meter.TruePeakOversampler;

/**
 * A true-peak-safe lookahead brickwall limiter (stereo-linked) for the end of the master bus.
 *
 * <p>Peaks are found on the 4× oversampled signal (BS.1770-4 Annex 2 interpolation), so inter-sample
 * peaks count. For every sample the gain that keeps it under the ceiling is held as a running minimum
 * across the lookahead window, released with a one-pole curve, and smoothed with a moving average as
 * long as the window; the audio is delayed by {@link #latencyFrames()} so the gain is already down when
 * a peak arrives. Each output sample's gain is at most the gain its own peak (and its interpolated
 * neighbours) needs, so the output stays under the ceiling measured with 4× oversampling.
 *
 * <p>While the input stays far enough under the ceiling that no interpolated peak could reach it, the
 * limiter only delays the audio (a block's peak is checked against the interpolator's worst-case gain).
 */
public final class Limiter extends DspProcessor {

    /** Safety under the ceiling for the gain's own smoothing between samples (dB). */
    static final double MARGIN_DB = 0.02;
    private static final int PEAK_SPAN = TruePeakOversampler.LATENCY_SAMPLES + 2;
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
    private static final int TAPS = TruePeakOversampler.TAPS;
    private static final float[][] PHASES = phases();
    // per channel: the last TAPS input samples, then the block (deinterleaved)
    private float[][] work = new float[0][0];
    private int hotFrames;
    private float[] peaks = new float[0];

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
            detectPeaks(samples, offset, frames, false, ceiling);
            delayOnly(samples, offset, frames);
            released = 1;
            gainReductionDb = 0;
            return;
        }
        double releaseCoeff = 1 - Math.exp(-1000 / (releaseMs * sampleRate));
        double blockPeak = 0;
        for (int i = offset; i < offset + frames * channels; i++) {
            blockPeak = Math.max(blockPeak, Math.abs(samples[i]));
        }
        boolean quiet = blockPeak * WORST_OVERSHOOT < ceiling && released >= 1
                && index - lastLimited > holdLength + lookahead + 1;
        detectPeaks(samples, offset, frames, !quiet, ceiling);
        if (quiet) {
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
     * Finds each frame's peak across channels: the sample peak, and where a sample in the
     * interpolation window is loud enough that an inter-sample peak could reach the ceiling, the
     * BS.1770-4 Annex 2 4x interpolated points as well. With {@code needed} false only the history is
     * kept up to date.
     */
    private void detectPeaks(float[] samples, int offset, int frames, boolean needed, double ceiling) {
        for (int c = 0; c < channels; c++) {
            float[] x = work[c];
            for (int f = 0; f < frames; f++) {
                x[TAPS + f] = samples[offset + f * channels + c];
            }
        }
        if (needed) {
            float hot = (float) (ceiling / WORST_OVERSHOOT);
            for (int f = 0; f < frames; f++) {
                float m = 0;
                for (int c = 0; c < channels; c++) {
                    m = Math.max(m, Math.abs(work[c][TAPS + f]));
                }
                if (m >= hot) {
                    hotFrames = TAPS;
                }
                if (hotFrames > 0) {
                    hotFrames--;
                    for (int c = 0; c < channels; c++) {
                        m = Math.max(m, interpolatedPeak(work[c], f));
                    }
                }
                peaks[f] = m;
            }
        } else {
            hotFrames = 0;
        }
        for (float[] x : work) {
            System.arraycopy(x, frames, x, 0, TAPS);
        }
    }

    /** The largest of the four interpolated points that end at frame {@code f} of a channel's work array. */
    private static float interpolatedPeak(float[] x, int f) {
        float max = 0;
        for (float[] h : PHASES) {
            float a = 0;
            float b = 0;
            for (int k = 0; k < TAPS; k += 2) {
                a += h[k] * x[TAPS + f - k];
                b += h[k + 1] * x[TAPS + f - k - 1];
            }
            max = Math.max(max, Math.abs(a + b));
        }
        return max;
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
        for (int f = 0; f < frames; f++) {
            int base = offset + f * channels;
            int d = delayPos * channels;
            for (int c = 0; c < channels; c++) {
                float in = samples[base + c];
                samples[base + c] = delayLine[d + c];
                delayLine[d + c] = in;
            }
            delayPos = delayPos + 1 == delay ? 0 : delayPos + 1;
        }
        // every target in the windows is 1: the gain state is exactly "no limiting"
        queueSize = 0;
        java.util.Arrays.fill(boxRing, 1);
        boxSum = boxRing.length;
        released = 1;
        index += frames;
        gainReductionDb = 0;
    }

    /** The largest factor by which the interpolator can exceed the largest input sample. */
    private static double worstCaseInterpolationGain() {
        double worst = 1;
        for (int p = 0; p < TruePeakOversampler.FACTOR; p++) {
            double sum = 0;
            for (double h : TruePeakOversampler.phaseCoefficients(p)) {
                sum += Math.abs(h);
            }
            worst = Math.max(worst, sum);
        }
        return worst * 1.001;
    }

    private static float[][] phases() {
        float[][] out = new float[TruePeakOversampler.FACTOR][TAPS];
        for (int p = 0; p < out.length; p++) {
            double[] h = TruePeakOversampler.phaseCoefficients(p);
            for (int k = 0; k < TAPS; k++) {
                out[p][k] = (float) h[k];
            }
        }
        return out;
    }
}
