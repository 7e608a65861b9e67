package org.controlroom.analysis.take;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * Whether a comp's join is heard: the level step and the spectral jump between the two takes at the
 * join (measured on the takes themselves, 20 ms around the point), and a click in the comp (the largest
 * second difference inside the crossfade against the largest in the 30 ms either side).
 */
public final class JoinCheck {
    public static final double MAX_LEVEL_STEP_DB = 3;
    public static final double MAX_SPECTRAL_JUMP_DB = 8;
    public static final double MAX_CLICK_DB = 6;
    static final double WINDOW_S = 0.02;
    static final double FLOOR_DBFS = -60;

    /** What one join measured. */
    public record Join(double atS, double levelStepDb, double spectralJumpDb, double clickDb) {
        public boolean heard() {
            return levelStepDb > MAX_LEVEL_STEP_DB || spectralJumpDb > MAX_SPECTRAL_JUMP_DB || clickDb > MAX_CLICK_DB;
        }

        /** 100 when nothing is heard, less 40 for each measure over its threshold. */
        public double score() {
            double s = 100;
            if (levelStepDb > MAX_LEVEL_STEP_DB) {
                s -= 40;
            }
            if (spectralJumpDb > MAX_SPECTRAL_JUMP_DB) {
                s -= 40;
            }
            if (clickDb > MAX_CLICK_DB) {
                s -= 60;
            }
            return Math.max(0, s);
        }
    }

    private JoinCheck() {
    }

    /**
     * Measures a join at frame {@code at}.
     *
     * @param comp      the comp as heard (mono)
     * @param outgoing  the take before the join (mono, same timebase as the comp)
     * @param incoming  the take after it
     * @param fadeFrames the crossfade's length
     */
    public static Join measure(float[] comp, float[] outgoing, float[] incoming, double rate, long at, int fadeFrames) {
        int w = (int) Math.round(WINDOW_S * rate);
        int start = (int) Math.max(0, at - w / 2);
        double levelA = level(outgoing, start, w);
        double levelB = level(incoming, start, w);
        double step = Math.abs(levelA - levelB);
        double jump = spectralJump(outgoing, incoming, start, rate);
        double click = click(comp, at, fadeFrames, rate);
        return new Join(at / rate, step, jump, click);
    }

    private static double level(float[] x, int start, int w) {
        double sum = 0;
        int n = 0;
        for (int k = start; k < start + w && k < x.length; k++) {
            sum += (double) x[k] * x[k];
            n++;
        }
        return Math.max(FLOOR_DBFS, 10 * Math.log10(n == 0 ? 1e-20 : sum / n + 1e-20));
    }

    /** Mean absolute difference (dB) of the two takes' sixth-octave band levels, bands above the floor. */
    private static double spectralJump(float[] a, float[] b, int start, double rate) {
        int size = Integer.highestOneBit((int) Math.round(rate * 0.03));
        double[] la = bands(a, start, size, rate);
        double[] lb = bands(b, start, size, rate);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < la.length; i++) {
            if (la[i] > FLOOR_DBFS || lb[i] > FLOOR_DBFS) {
                sum += Math.abs(la[i] - lb[i]);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double[] bands(float[] x, int start, int size, double rate) {
        float[] buf = new float[size];
        for (int k = 0; k < size && start + k < x.length; k++) {
            buf[k] = x[start + k];
        }
        FFT fft = new FFT(size, new HannWindow());
        fft.forwardTransform(buf);
        float[] mag = new float[size / 2];
        fft.modulus(buf, mag);
        int bands = 6 * 9;
        double[] power = new double[bands];
        for (int k = 1; k < size / 2; k++) {
            double hz = k * rate / size;
            int b = (int) Math.floor(6 * Math.log(hz / 40) / Math.log(2));
            if (b >= 0 && b < bands) {
                power[b] += (double) mag[k] * mag[k];
            }
        }
        double norm = (size / 4.0) * (size / 4.0);
        double[] db = new double[bands];
        for (int i = 0; i < bands; i++) {
            db[i] = Math.max(FLOOR_DBFS - 10, 10 * Math.log10(power[i] / norm + 1e-20));
        }
        return db;
    }

    private static double click(float[] x, long at, int fade, double rate) {
        int guard = (int) Math.round(0.002 * rate);
        int side = (int) Math.round(0.03 * rate);
        long inA = at - fade / 2 - guard;
        long inB = at + (fade - fade / 2) + guard;
        double inside = maxD2(x, inA, inB);
        // the surroundings' typical peak: the 99th percentile of |second difference| 30 ms either side
        double outside = percentileD2(x, inA - side, inA, inB, inB + side, 0.99);
        if (inside <= 0) {
            return -120;
        }
        return 20 * Math.log10(inside / Math.max(outside, 1e-6));
    }

    private static double percentileD2(float[] x, long a0, long a1, long b0, long b1, double p) {
        double[] v = new double[(int) Math.max(0, (a1 - a0) + (b1 - b0))];
        int n = 0;
        for (long[] r : new long[][] {{a0, a1}, {b0, b1}}) {
            for (long k = Math.max(1, r[0]); k < Math.min(x.length - 1, r[1]); k++) {
                int i = (int) k;
                v[n++] = Math.abs(x[i + 1] - 2 * x[i] + x[i - 1]);
            }
        }
        if (n == 0) {
            return 0;
        }
        java.util.Arrays.sort(v, 0, n);
        return v[(int) Math.min(n - 1, Math.round(p * (n - 1)))];
    }

    private static double maxD2(float[] x, long from, long to) {
        double m = 0;
        for (long k = Math.max(1, from); k < Math.min(x.length - 1, to); k++) {
            int i = (int) k;
            m = Math.max(m, Math.abs(x[i + 1] - 2 * x[i] + x[i - 1]));
        }
        return m;
    }
}
