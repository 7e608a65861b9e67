package org.controlroom.dsp.meter;

import java.util.Arrays;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.DspProcessor;

/**
 * Loudness meter per ITU-R BS.1770-4 / EBU R128, with loudness range per EBU Tech 3342.
 *
 * <ul>
 * <li>Each channel is K-weighted ({@link KWeighting}) and its mean square weighted by
 * {@link #channelWeight(int, int)} (L, R, C 1.0; Ls, Rs 1.41; LFE 0).</li>
 * <li>The mean squares are gathered in 100 ms steps. Momentary loudness is the last 400 ms,
 * short-term the last 3 s, both updated every 100 ms; before a full window has passed they read
 * negative infinity.</li>
 * <li>Integrated loudness gates the 400 ms blocks (75 % overlap): absolute gate −70 LUFS, then
 * relative gate −10 LU below the loudness of the blocks that passed it.</li>
 * <li>Loudness range: short-term values every 100 ms, absolute gate −70 LUFS, relative gate −20 LU,
 * LRA = 95th − 10th percentile (linear interpolation between ranks).</li>
 * </ul>
 *
 * <p>Loudness values are in LUFS (= LKFS); "too quiet to measure" reads negative infinity.
 * Audio passes through unchanged. Processing is cheap (two biquads and a multiply-add per sample and
 * channel); all reading getters are safe to call from any thread while processing runs.
 *
 * <p>This is the offline meter: it keeps every block (for the exact integrated loudness and the
 * range) and hands readings over under a lock. On the audio thread of live playback use
 * {@link LiveLoudness}, which allocates nothing and takes no lock.
 */
public final class LoudnessMeter extends DspProcessor {

    /** Absolute gate, LUFS. */
    public static final double ABSOLUTE_GATE_LUFS = -70;
    /** Relative gate of integrated loudness, LU. */
    public static final double RELATIVE_GATE_LU = -10;
    /** Relative gate of loudness range, LU. */
    public static final double LRA_RELATIVE_GATE_LU = -20;

    private static final int MOMENTARY_STEPS = 4;
    private static final int SHORT_TERM_STEPS = 30;
    private static final double ABSOLUTE_GATE_POWER = lufsToPower(ABSOLUTE_GATE_LUFS);

    // processing state (processing thread only)
    private int channels;
    private double[] weights = new double[0];
    private double sb0, sb1, sb2, sa1, sa2;   // stage 1
    private double hb0, hb1, hb2, ha1, ha2;   // stage 2
    private double[] z1 = new double[0], z2 = new double[0], z3 = new double[0], z4 = new double[0];
    private int stepFrames;
    private int framesInStep;
    private double stepSum;
    private final double[] stepPowers = new double[SHORT_TERM_STEPS];
    private long steps;

    // readings (guarded by lock)
    private final Object lock = new Object();
    private final PowerList blockPowers = new PowerList();
    private final PowerList shortTermPowers = new PowerList();
    private double momentaryPower;
    private double shortTermPower;
    private double momentaryMaxPower;
    private double shortTermMaxPower;

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        KWeighting.Coefficients s = KWeighting.preFilter(sampleRate);
        KWeighting.Coefficients h = KWeighting.rlbHighPass(sampleRate);
        sb0 = s.b0(); sb1 = s.b1(); sb2 = s.b2(); sa1 = s.a1(); sa2 = s.a2();
        hb0 = h.b0(); hb1 = h.b1(); hb2 = h.b2(); ha1 = h.a1(); ha2 = h.a2();
        this.channels = channels;
        weights = new double[channels];
        for (int c = 0; c < channels; c++) {
            weights[c] = channelWeight(c, channels);
        }
        z1 = new double[channels];
        z2 = new double[channels];
        z3 = new double[channels];
        z4 = new double[channels];
        stepFrames = Math.max(1, (int) Math.round(sampleRate / 10));
        reset();
    }

    /**
     * The BS.1770 weight of a channel in WAV channel order: mono and stereo 1.0 each; 5 channels
     * L R C Ls Rs; 6 channels L R C LFE Ls Rs (LFE excluded); surround channels 1.41. Other layouts
     * weigh every channel 1.0.
     */
    public static double channelWeight(int channel, int channels) {
        if (channels == 5) {
            return channel >= 3 ? 1.41 : 1.0;
        }
        if (channels == 6) {
            return channel == 3 ? 0.0 : channel >= 4 ? 1.41 : 1.0;
        }
        return 1.0;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        process(samples, offset, length, 1);
    }

    /**
     * Meters the samples as if each had been multiplied by a gain whose square is {@code powerScale}
     * first (the K-weighting is linear, so the power scales): for a meter of a signal before a steady
     * gain, without a scaled copy. {@code powerScale} 1 is {@link #process(float[], int, int)}.
     */
    public void process(float[] samples, int offset, int length, double powerScale) {
        final int ch = channels;
        if (ch == 0) {
            throw new IllegalStateException("LoudnessMeter: call prepare(...) before process(...)");
        }
        final double[] w = weights;
        final double[] s1 = z1, s2 = z2, h1 = z3, h2 = z4;
        final double b0 = sb0, b1 = sb1, b2 = sb2, a1 = sa1, a2 = sa2;
        final double c0 = hb0, c1 = hb1, c2 = hb2, d1 = ha1, d2 = ha2;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int framesLeft = (end - i) / ch;
            if (framesLeft == 0) {
                break;
            }
            int run = Math.min(framesLeft, stepFrames - framesInStep);
            double sum = 0;
            if (ch == 2) {
                // both channels in one loop: four independent filter chains overlap in the CPU
                double l1 = s1[0], l2 = s2[0], lh1 = h1[0], lh2 = h2[0];
                double r1 = s1[1], r2 = s2[1], rh1 = h1[1], rh2 = h2[1];
                double accL = 0, accR = 0;
                for (int n = 0, j = i; n < run; n++, j += 2) {
                    double xl = samples[j];
                    double xr = samples[j + 1];
                    double yl = b0 * xl + l1;
                    double yr = b0 * xr + r1;
                    l1 = b1 * xl - a1 * yl + l2;
                    r1 = b1 * xr - a1 * yr + r2;
                    l2 = b2 * xl - a2 * yl;
                    r2 = b2 * xr - a2 * yr;
                    double kl = c0 * yl + lh1;
                    double kr = c0 * yr + rh1;
                    lh1 = c1 * yl - d1 * kl + lh2;
                    rh1 = c1 * yr - d1 * kr + rh2;
                    lh2 = c2 * yl - d2 * kl;
                    rh2 = c2 * yr - d2 * kr;
                    accL += kl * kl;
                    accR += kr * kr;
                }
                s1[0] = l1; s2[0] = l2; h1[0] = lh1; h2[0] = lh2;
                s1[1] = r1; s2[1] = r2; h1[1] = rh1; h2[1] = rh2;
                sum = w[0] * accL + w[1] * accR;
            } else for (int c = 0; c < ch; c++) {
                double st1 = s1[c], st2 = s2[c], hs1 = h1[c], hs2 = h2[c];
                double acc = 0;
                for (int n = 0, j = i + c; n < run; n++, j += ch) {
                    double x = samples[j];
                    // transposed direct form II, stage 1 then stage 2
                    double y = b0 * x + st1;
                    st1 = b1 * x - a1 * y + st2;
                    st2 = b2 * x - a2 * y;
                    double k = c0 * y + hs1;
                    hs1 = c1 * y - d1 * k + hs2;
                    hs2 = c2 * y - d2 * k;
                    acc += k * k;
                }
                s1[c] = st1; s2[c] = st2; h1[c] = hs1; h2[c] = hs2;
                sum += w[c] * acc;
            }
            stepSum += sum * powerScale;
            framesInStep += run;
            i += run * ch;
            if (framesInStep == stepFrames) {
                completeStep(stepSum / stepFrames);
                stepSum = 0;
                framesInStep = 0;
                flushDenormals();
            }
        }
    }

    private void flushDenormals() {
        for (int c = 0; c < channels; c++) {
            if (Math.abs(z1[c]) < 1e-25) z1[c] = 0;
            if (Math.abs(z2[c]) < 1e-25) z2[c] = 0;
            if (Math.abs(z3[c]) < 1e-25) z3[c] = 0;
            if (Math.abs(z4[c]) < 1e-25) z4[c] = 0;
        }
    }

    private void completeStep(double power) {
        stepPowers[(int) (steps % SHORT_TERM_STEPS)] = power;
        steps++;
        synchronized (lock) {
            if (steps >= MOMENTARY_STEPS) {
                momentaryPower = meanOfLastSteps(MOMENTARY_STEPS);
                blockPowers.add(momentaryPower);
                momentaryMaxPower = Math.max(momentaryMaxPower, momentaryPower);
            }
            if (steps >= SHORT_TERM_STEPS) {
                shortTermPower = meanOfLastSteps(SHORT_TERM_STEPS);
                shortTermPowers.add(shortTermPower);
                shortTermMaxPower = Math.max(shortTermMaxPower, shortTermPower);
            }
        }
    }

    private double meanOfLastSteps(int count) {
        double sum = 0;
        for (int k = 1; k <= count; k++) {
            sum += stepPowers[(int) ((steps - k) % SHORT_TERM_STEPS)];
        }
        return sum / count;
    }

    /** Starts the measurement over (filters, windows, integrated, range, maxima). */
    @Override
    public void reset() {
        Arrays.fill(z1, 0);
        Arrays.fill(z2, 0);
        Arrays.fill(z3, 0);
        Arrays.fill(z4, 0);
        Arrays.fill(stepPowers, 0);
        steps = 0;
        stepSum = 0;
        framesInStep = 0;
        synchronized (lock) {
            blockPowers.clear();
            shortTermPowers.clear();
            momentaryPower = 0;
            shortTermPower = 0;
            momentaryMaxPower = 0;
            shortTermMaxPower = 0;
        }
    }

    /** Loudness of the last 400 ms, LUFS. */
    public double momentaryLufs() {
        synchronized (lock) {
            return powerToLufs(momentaryPower);
        }
    }

    /** Loudness of the last 3 s, LUFS. */
    public double shortTermLufs() {
        synchronized (lock) {
            return powerToLufs(shortTermPower);
        }
    }

    /** Highest momentary loudness since the start, LUFS. */
    public double momentaryMaxLufs() {
        synchronized (lock) {
            return powerToLufs(momentaryMaxPower);
        }
    }

    /** Highest short-term loudness since the start, LUFS. */
    public double shortTermMaxLufs() {
        synchronized (lock) {
            return powerToLufs(shortTermMaxPower);
        }
    }

    /** Gated integrated loudness since the start, LUFS; negative infinity if every block is below −70 LUFS. */
    public double integratedLufs() {
        double[] blocks;
        int n;
        synchronized (lock) {
            blocks = blockCopy(blockPowers);
            n = blocks.length;
        }
        double absMean = meanAbove(blocks, n, ABSOLUTE_GATE_POWER);
        if (absMean == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = Math.max(ABSOLUTE_GATE_POWER, absMean * Math.pow(10, RELATIVE_GATE_LU / 10));
        return powerToLufs(meanAbove(blocks, n, relativeGate));
    }

    /** Loudness range (EBU Tech 3342) since the start, LU; 0 when there is too little to measure. */
    public double loudnessRangeLu() {
        double[] st;
        int n;
        synchronized (lock) {
            st = blockCopy(shortTermPowers);
            n = st.length;
        }
        double absMean = meanAbove(st, n, ABSOLUTE_GATE_POWER);
        if (absMean == 0) {
            return 0;
        }
        double relativeGate = Math.max(ABSOLUTE_GATE_POWER,
                absMean * Math.pow(10, LRA_RELATIVE_GATE_LU / 10));
        double[] gated = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (st[k] > relativeGate) {
                gated[m++] = powerToLufs(st[k]);
            }
        }
        if (m == 0) {
            return 0;
        }
        Arrays.sort(gated, 0, m);
        return percentile(gated, m, 0.95) - percentile(gated, m, 0.10);
    }

    /** A snapshot of every reading. */
    public LoudnessReading reading() {
        return new LoudnessReading(momentaryLufs(), shortTermLufs(), integratedLufs(), loudnessRangeLu(),
                momentaryMaxLufs(), shortTermMaxLufs());
    }

    /** Integrated loudness of a whole clip, LUFS (fits {@code dsp.play.LoudnessMeasure}). */
    public static double integratedLufs(AudioClip clip) {
        return measure(clip).integratedLufs();
    }

    /** Measures a whole clip and returns the final readings. */
    public static LoudnessReading measure(AudioClip clip) {
        LoudnessMeter meter = new LoudnessMeter();
        meter.prepare(clip.sampleRate(), clip.channels(), clip.frames());
        meter.process(clip.samples(), 0, clip.samples().length);
        return meter.reading();
    }

    private static double percentile(double[] sorted, int n, double p) {
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    private static double meanAbove(double[] powers, int n, double gate) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (powers[k] > gate) {
                sum += powers[k];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double[] blockCopy(PowerList list) {
        return Arrays.copyOf(list.values(), list.size());
    }

    static double powerToLufs(double power) {
        return power <= 0 ? Double.NEGATIVE_INFINITY : -0.691 + 10 * Math.log10(power);
    }

    static double lufsToPower(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    /** A growable list of doubles; values() is the backing array, valid up to size(). */
    private static final class PowerList {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void clear() {
            size = 0;
        }

        double[] values() {
            return values;
        }

        int size() {
            return size;
        }
    }
}
