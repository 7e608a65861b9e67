package org.controlroom.analysis;

import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.meter.SpectrumBand;

/**
 * How much two tracks crowd the same frequencies where they are loudest — the overlap index.
 *
 * <p>Over the 1/3-octave bands from 31.5 Hz to 16 kHz, each track's long-term band powers are
 * normalised to its own loudest band (P̂ = P / max P, so faders do not count: only the tracks' shapes,
 * which EQ changes). A track's <em>loud bands</em> are those within {@value #LOUD_WITHIN_DB} dB of its
 * loudest. Over the union S of both tracks' loud bands,
 * <pre>  overlap = Σ<sub>S</sub> min(P̂<sub>a</sub>, P̂<sub>b</sub>) / Σ<sub>S</sub> max(P̂<sub>a</sub>, P̂<sub>b</sub>)</pre>
 * from 0 (where either is loud the other is far down) to 1 (the same shape there). Cutting one track
 * where the other peaks (an EQ carve) lowers it.
 *
 * @param overlap     the index, 0 … 1
 * @param sharedBands centres of the bands loud in both tracks
 * @param worstHz     the band of S where the two are closest to equal (the first place to carve)
 */
public record Masking(double overlap, List<Double> sharedBands, double worstHz) {
    public static final double LOUD_WITHIN_DB = 6;

    public Masking {
        sharedBands = List.copyOf(sharedBands);
    }

    public static Masking of(List<SpectrumBand> a, List<SpectrumBand> b) {
        int n = Math.min(a.size(), b.size());
        List<Integer> bands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double hz = a.get(i).centreHz();
            if (hz >= SpectrumComparison.LOWEST_HZ - 0.5 && hz <= SpectrumComparison.HIGHEST_HZ + 0.5) {
                bands.add(i);
            }
        }
        double[] pa = normalised(a, bands);
        double[] pb = normalised(b, bands);
        double loud = Math.pow(10, -LOUD_WITHIN_DB / 10);
        double num = 0;
        double den = 0;
        double best = -1;
        double worstHz = Double.NaN;
        List<Double> shared = new ArrayList<>();
        for (int k = 0; k < bands.size(); k++) {
            boolean la = pa[k] >= loud;
            boolean lb = pb[k] >= loud;
            if (!la && !lb) {
                continue;
            }
            double lo = Math.min(pa[k], pb[k]);
            double hi = Math.max(pa[k], pb[k]);
            num += lo;
            den += hi;
            double hz = a.get(bands.get(k)).centreHz();
            if (la && lb) {
                shared.add(hz);
            }
            if (hi > 0 && lo / hi * hi > best) {
                best = lo; // the band where the weaker of the two is strongest: the most crowded
                worstHz = hz;
            }
        }
        return new Masking(den == 0 ? 0 : num / den, shared, worstHz);
    }

    private static double[] normalised(List<SpectrumBand> s, List<Integer> bands) {
        double[] p = new double[bands.size()];
        double max = 0;
        for (int k = 0; k < p.length; k++) {
            double db = s.get(bands.get(k)).db();
            p[k] = Double.isFinite(db) ? Math.pow(10, db / 10) : 0;
            max = Math.max(max, p[k]);
        }
        if (max > 0) {
            for (int k = 0; k < p.length; k++) {
                p[k] /= max;
            }
        }
        return p;
    }
}
