package org.controlroom.analysis.take;

import java.util.ArrayList;
import java.util.List;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * Note onsets by spectral flux on a log-compressed magnitude spectrum, with a maximum filter across
 * frequency on the earlier frame (Böck and Widmer's "SuperFlux") so that vibrato moving harmonics by a
 * bin does not count as a new note. Peaks are picked against an adaptive threshold: the local mean of
 * the detection function plus a margin tied to its typical size, and a local maximum within ±30 ms.
 */
public final class OnsetDetector {
    static final double HOP_S = 0.004;
    static final double WINDOW_S = 0.023;
    /** The earlier frame compared with: this many hops back. */
    static final int LAG = 3;
    static final double PRE_MAX_S = 0.03;
    static final double POST_MAX_S = 0.03;
    static final double PRE_AVG_S = 0.10;
    static final double POST_AVG_S = 0.07;
    static final double MIN_GAP_S = 0.05;
    /** Log compression: log10(1 + λ|X|). */
    static final double LAMBDA = 100;
    static final double BANDS_PER_OCTAVE = 12;
    /**
     * A peak must clear the local mean by this many times the function's median (its level on held
     * notes and room tone), and by this share of its largest peak.
     */
    static final double DELTA_MEDIANS = 10;
    static final double DELTA_OF_MAX = 0.1;
    /** Detection latency (measured on attacks of known time): the peak comes this late. */
    static final double LATENCY_S = 0.0015;

    private final double rate;
    private final int hop;
    private final int size;

    public OnsetDetector(double rate) {
        this.rate = rate;
        this.hop = Math.max(1, (int) Math.round(HOP_S * rate));
        this.size = Integer.highestOneBit((int) Math.round(WINDOW_S * rate * 1.5));
    }

    /** The detection function, one value per hop (frame i is centred at i·hop + size/2). */
    float[] function(float[] x) {
        int frames = x.length < size ? 0 : (x.length - size) / hop + 1;
        float[] odf = new float[frames];
        FFT fft = new FFT(size, new HannWindow());
        int bins = size / 2;
        // the useful band: 30 Hz to 12 kHz
        int lo = Math.max(1, (int) (30.0 * size / rate));
        int hi = Math.min(bins - 1, (int) (12000.0 * size / rate));
        // bins into bands of a twelfth of an octave (each at least one bin) from 30 Hz to 12 kHz
        int[] bandOf = new int[bins];
        int bands = 0;
        int lastBand = Integer.MIN_VALUE;
        for (int k = lo; k <= hi; k++) {
            int b = (int) Math.floor(BANDS_PER_OCTAVE * Math.log(k * rate / size / 30.0) / Math.log(2));
            if (b != lastBand) {
                bands++;
                lastBand = b;
            }
            bandOf[k] = bands - 1;
        }
        float[][] history = new float[LAG + 1][bands + 2];
        float[] buf = new float[size];
        float[] mag = new float[bins];
        float[] band = new float[bands + 2];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(x, i * hop, buf, 0, size);
            fft.forwardTransform(buf);
            fft.modulus(buf, mag);
            java.util.Arrays.fill(band, 0);
            for (int k = lo; k <= hi; k++) {
                band[bandOf[k] + 1] += mag[k];
            }
            float[] now = history[i % (LAG + 1)];
            for (int b = 1; b <= bands; b++) {
                now[b] = (float) Math.log10(1 + LAMBDA * band[b]);
            }
            if (i < LAG) {
                continue;
            }
            float[] before = history[(i - LAG) % (LAG + 1)];
            double sum = 0;
            for (int b = 1; b <= bands; b++) {
                float m = Math.max(before[b], Math.max(before[b - 1], before[b + 1]));
                float d = now[b] - m;
                if (d > 0) {
                    sum += d;
                }
            }
            odf[i] = (float) sum;
        }
        return odf;
    }

    /** Onset times in seconds. */
    public List<Double> detect(float[] x) {
        float[] odf = function(x);
        List<Double> out = new ArrayList<>();
        int n = odf.length;
        if (n == 0) {
            return out;
        }
        double hopS = (double) hop / rate;
        int preMax = (int) Math.round(PRE_MAX_S / hopS);
        int postMax = (int) Math.round(POST_MAX_S / hopS);
        int preAvg = (int) Math.round(PRE_AVG_S / hopS);
        int postAvg = (int) Math.round(POST_AVG_S / hopS);
        double delta = Math.max(DELTA_MEDIANS * percentile(odf, 0.5), DELTA_OF_MAX * percentile(odf, 1));
        // running sums for the local mean
        double[] cum = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cum[i + 1] = cum[i] + odf[i];
        }
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float v = odf[i];
            if (v <= 0) {
                continue;
            }
            boolean isMax = true;
            for (int k = Math.max(0, i - preMax); k <= Math.min(n - 1, i + postMax); k++) {
                if (odf[k] > v || (odf[k] == v && k < i)) {
                    isMax = false;
                    break;
                }
            }
            if (!isMax) {
                continue;
            }
            int a = Math.max(0, i - preAvg);
            int b = Math.min(n, i + postAvg + 1);
            double mean = (cum[b] - cum[a]) / (b - a);
            if (v < mean + delta) {
                continue;
            }
            double t = (i * hop + size / 2.0) / rate - LATENCY_S;
            if (t - last < MIN_GAP_S) {
                continue;
            }
            out.add(Math.max(0, t));
            last = t;
        }
        return out;
    }

    private static double percentile(float[] v, double p) {
        float[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[(int) Math.min(c.length - 1, Math.round(p * (c.length - 1)))];
    }
}
