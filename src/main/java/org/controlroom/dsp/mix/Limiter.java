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
    private TruePeakOversampler[] oversamplers = new TruePeakOversampler[0];

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
        this.oversamplers = new TruePeakOversampler[channels];
        for (int c = 0; c < channels; c++) {
            oversamplers[c] = new TruePeakOversampler();
        }
        this.delayLine = new float[(delay + 1) * channels];
        this.queueValue = new double[holdLength + 1];
        this.queueIndex = new long[holdLength + 1];
        this.boxRing = new double[lookahead + 1];
        reset();
    }

    @Override
    public void reset() {
        for (TruePeakOversampler o : oversamplers) {
            o.reset();
        }
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

    @Override
    public void process(float[] samples, int offset, int length) {
        int frames = length / channels;
        double ceiling = Math.pow(10, (ceilingDb - MARGIN_DB) / 20);
        double releaseCoeff = 1 - Math.exp(-1000 / (releaseMs * sampleRate));
        double blockPeak = 0;
        for (int i = offset; i < offset + frames * channels; i++) {
            blockPeak = Math.max(blockPeak, Math.abs(samples[i]));
        }
        boolean quiet = blockPeak * WORST_OVERSHOOT < ceiling && released >= 1
                && index - lastLimited > holdLength + lookahead + 1;
        if (quiet) {
            delayOnly(samples, offset, frames);
            return;
        }
        double minGain = 1;
        for (int f = 0; f < frames; f++) {
            int base = offset + f * channels;
            double peak = 0;
            for (int c = 0; c < channels; c++) {
                peak = Math.max(peak, oversamplers[c].nextPeak(samples[base + c]));
            }
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
            delayPos = delayPos + 1 == delay + 1 ? 0 : delayPos + 1;
            index++;
        }
        gainReductionDb = 20 * Math.log10(minGain);
    }

    /** Pushes a target gain and returns the minimum over the last {@code holdLength} targets. */
    private double pushAndMin(double value) {
        int cap = queueValue.length;
        // drop larger values from the back: they can never be the minimum again
        while (queueSize > 0) {
            int back = (queueHead + queueSize - 1) % cap;
            if (queueValue[back] >= value) {
                queueSize--;
            } else {
                break;
            }
        }
        int at = (queueHead + queueSize) % cap;
        queueValue[at] = value;
        queueIndex[at] = index;
        queueSize++;
        while (queueIndex[queueHead] <= index - holdLength) {
            queueHead = (queueHead + 1) % cap;
            queueSize--;
        }
        return queueValue[queueHead];
    }

    /** The quiet path: the audio is only delayed; the detector's memory is kept in step. */
    private void delayOnly(float[] samples, int offset, int frames) {
        int keep = Math.min(frames, TruePeakOversampler.TAPS);
        for (int f = frames - keep; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                oversamplers[c].nextPeak(samples[offset + f * channels + c]);
            }
        }
        for (int f = 0; f < frames; f++) {
            int base = offset + f * channels;
            int d = delayPos * channels;
            for (int c = 0; c < channels; c++) {
                float in = samples[base + c];
                samples[base + c] = delayLine[d + c];
                delayLine[d + c] = in;
            }
            delayPos = delayPos + 1 == delay + 1 ? 0 : delayPos + 1;
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
        double[] points = new double[TruePeakOversampler.FACTOR];
        double[] sums = new double[TruePeakOversampler.FACTOR];
        TruePeakOversampler o = new TruePeakOversampler();
        for (int n = 0; n < TruePeakOversampler.TAPS * 2; n++) {
            o.interpolate(n == 0 ? 1f : 0f, points);
            for (int p = 0; p < points.length; p++) {
                sums[p] += Math.abs(points[p]);
            }
        }
        double worst = 1;
        for (double s : sums) {
            worst = Math.max(worst, s);
        }
        return worst * 1.001;
    }
}
