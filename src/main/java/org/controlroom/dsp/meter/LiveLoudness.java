package org.controlroom.dsp.meter;

import java.util.Arrays;

/**
 * A BS.1770-4 loudness meter for the audio thread of live playback: momentary (400 ms), short-term
 * (3 s) and integrated loudness, with nothing allocated and no lock taken while it runs.
 *
 * <p>The K-weighting, the channel weights and the 100 ms steps are those of {@link LoudnessMeter},
 * so momentary and short-term read the same. Integrated loudness cannot keep every 400 ms block
 * for ever without allocating, so the blocks are gathered in a histogram of {@value #BIN_LU} LU
 * bins from −70 to +10 LUFS that keeps each bin's exact power sum (louder blocks go in the top
 * bin, also with their exact power): the absolute gate is exact and only blocks inside the one bin
 * that holds the relative gate can be counted on the wrong side of it.
 *
 * <p>Single-threaded: call everything from the thread that processes. A live player publishes the
 * readings to other threads (see {@code dsp.play.MixerPlayback#meters()}).
 */
public final class LiveLoudness {

    /** Width of a bin of the integrated-loudness histogram, LU. */
    public static final double BIN_LU = 0.05;
    private static final double LOW_LUFS = LoudnessMeter.ABSOLUTE_GATE_LUFS;
    private static final double HIGH_LUFS = 10;
    private static final int BINS = (int) Math.round((HIGH_LUFS - LOW_LUFS) / BIN_LU);
    private static final int MOMENTARY_STEPS = 4;
    private static final int SHORT_TERM_STEPS = 30;
    private static final double ABSOLUTE_GATE_POWER = LoudnessMeter.lufsToPower(LOW_LUFS);
    private static final double RELATIVE_GATE_FACTOR = Math.pow(10, LoudnessMeter.RELATIVE_GATE_LU / 10);

    private int channels;
    private double[] weights = new double[0];
    private double sb0, sb1, sb2, sa1, sa2;
    private double hb0, hb1, hb2, ha1, ha2;
    private double[] z1 = new double[0], z2 = new double[0], z3 = new double[0], z4 = new double[0];
    private int stepFrames;
    private int framesInStep;
    private double stepSum;
    private final double[] stepPowers = new double[SHORT_TERM_STEPS];
    private long steps;

    private final long[] binCount = new long[BINS];
    private final double[] binPower = new double[BINS];
    private double momentaryPower;
    private double shortTermPower;
    private double integratedLufs = Double.NEGATIVE_INFINITY;

    /** Sets the rate and channel count and starts over. */
    public void prepare(double sampleRate, int channels) {
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
            weights[c] = LoudnessMeter.channelWeight(c, channels);
        }
        z1 = new double[channels];
        z2 = new double[channels];
        z3 = new double[channels];
        z4 = new double[channels];
        stepFrames = Math.max(1, (int) Math.round(sampleRate / 10));
        reset();
    }

    /** Starts over: filters, windows and the integrated measurement. */
    public void reset() {
        Arrays.fill(z1, 0);
        Arrays.fill(z2, 0);
        Arrays.fill(z3, 0);
        Arrays.fill(z4, 0);
        Arrays.fill(stepPowers, 0);
        steps = 0;
        stepSum = 0;
        framesInStep = 0;
        momentaryPower = 0;
        shortTermPower = 0;
        resetIntegrated();
    }

    /** Starts the integrated measurement over, keeping the momentary and short-term windows. */
    public void resetIntegrated() {
        Arrays.fill(binCount, 0);
        Arrays.fill(binPower, 0);
        integratedLufs = Double.NEGATIVE_INFINITY;
    }

    /** Measures {@code frames} interleaved frames of {@code samples} from frame {@code frame}. */
    public void process(float[] samples, int frame, int frames) {
        final int ch = channels;
        if (ch == 0) {
            throw new IllegalStateException("LiveLoudness: call prepare(...) before process(...)");
        }
        final double b0 = sb0, b1 = sb1, b2 = sb2, a1 = sa1, a2 = sa2;
        final double c0 = hb0, c1 = hb1, c2 = hb2, d1 = ha1, d2 = ha2;
        int i = frame * ch;
        int left = frames;
        while (left > 0) {
            int run = Math.min(left, stepFrames - framesInStep);
            double sum = 0;
            for (int c = 0; c < ch; c++) {
                double st1 = z1[c], st2 = z2[c], hs1 = z3[c], hs2 = z4[c];
                double acc = 0;
                for (int n = 0, j = i + c; n < run; n++, j += ch) {
                    double x = samples[j];
                    double y = b0 * x + st1;
                    st1 = b1 * x - a1 * y + st2;
                    st2 = b2 * x - a2 * y;
                    double k = c0 * y + hs1;
                    hs1 = c1 * y - d1 * k + hs2;
                    hs2 = c2 * y - d2 * k;
                    acc += k * k;
                }
                z1[c] = st1; z2[c] = st2; z3[c] = hs1; z4[c] = hs2;
                sum += weights[c] * acc;
            }
            stepSum += sum;
            framesInStep += run;
            i += run * ch;
            left -= run;
            if (framesInStep == stepFrames) {
                completeStep(stepSum / stepFrames);
                stepSum = 0;
                framesInStep = 0;
                for (int c = 0; c < ch; c++) {
                    if (Math.abs(z1[c]) < 1e-25) z1[c] = 0;
                    if (Math.abs(z2[c]) < 1e-25) z2[c] = 0;
                    if (Math.abs(z3[c]) < 1e-25) z3[c] = 0;
                    if (Math.abs(z4[c]) < 1e-25) z4[c] = 0;
                }
            }
        }
    }

    private void completeStep(double power) {
        stepPowers[(int) (steps % SHORT_TERM_STEPS)] = power;
        steps++;
        if (steps >= MOMENTARY_STEPS) {
            momentaryPower = meanOfLastSteps(MOMENTARY_STEPS);
            addBlock(momentaryPower);
        }
        if (steps >= SHORT_TERM_STEPS) {
            shortTermPower = meanOfLastSteps(SHORT_TERM_STEPS);
        }
    }

    private double meanOfLastSteps(int count) {
        double sum = 0;
        for (int k = 1; k <= count; k++) {
            sum += stepPowers[(int) ((steps - k) % SHORT_TERM_STEPS)];
        }
        return sum / count;
    }

    private void addBlock(double power) {
        if (!(power > ABSOLUTE_GATE_POWER)) {
            return;
        }
        int bin = (int) ((LoudnessMeter.powerToLufs(power) - LOW_LUFS) / BIN_LU);
        bin = Math.max(0, Math.min(BINS - 1, bin));
        binCount[bin]++;
        binPower[bin] += power;
        integratedLufs = gatedLufs();
    }

    private double gatedLufs() {
        long n = 0;
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
            n += binCount[b];
            sum += binPower[b];
        }
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double gate = sum / n * RELATIVE_GATE_FACTOR;
        long m = 0;
        double kept = 0;
        for (int b = 0; b < BINS; b++) {
            long count = binCount[b];
            if (count > 0 && binPower[b] / count > gate) {
                m += count;
                kept += binPower[b];
            }
        }
        return m == 0 ? Double.NEGATIVE_INFINITY : LoudnessMeter.powerToLufs(kept / m);
    }

    /** Loudness of the last 400 ms, LUFS (negative infinity before 400 ms have passed). */
    public double momentaryLufs() {
        return LoudnessMeter.powerToLufs(momentaryPower);
    }

    /** Loudness of the last 3 s, LUFS (negative infinity before 3 s have passed). */
    public double shortTermLufs() {
        return LoudnessMeter.powerToLufs(shortTermPower);
    }

    /** Gated integrated loudness since the last reset, LUFS; negative infinity if nothing passed the gates. */
    public double integratedLufs() {
        return integratedLufs;
    }
}
