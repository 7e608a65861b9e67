package org.controlroom.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.controlroom.dsp.meter.SpectrumBand;

/**
 * A mix's long-term 1/3-octave spectrum against a reference's (or a target curve), 31.5 Hz–16 kHz. Only
 * the shape counts: the two are brought to the same level by taking out their mean band difference
 * ({@code offsetDb}), so a quieter mix, or a mono reference beside a stereo mix, is no spectral error.
 * The distance is the mean absolute band difference after that, in dB.
 *
 * @param referenceDb the reference per band, moved by the offset (so it sits on the mix's level)
 * @param offsetDb    reference minus mix, mean over the bands
 */
public record SpectrumComparison(List<Double> bandsHz, List<Double> mixDb, List<Double> referenceDb, double offsetDb,
                                 double distanceDb) {
    public static final double LOWEST_HZ = 31.5;
    public static final double HIGHEST_HZ = 16000;

    public SpectrumComparison {
        bandsHz = List.copyOf(bandsHz);
        mixDb = List.copyOf(mixDb);
        referenceDb = List.copyOf(referenceDb);
    }

    /** Compares two measured spectra band by band. */
    public static SpectrumComparison of(List<SpectrumBand> mix, List<SpectrumBand> reference) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(mix.size(), reference.size()); i++) {
            double hz = mix.get(i).centreHz();
            if (inRange(hz) && Double.isFinite(mix.get(i).db()) && Double.isFinite(reference.get(i).db())) {
                rows.add(new double[] {hz, mix.get(i).db(), reference.get(i).db()});
            }
        }
        return from(rows);
    }

    /**
     * Compares a spectrum with a target curve: band centre Hz → dB (any level; only its shape counts),
     * read between its points on a logarithmic frequency axis and held flat beyond its ends.
     */
    public static SpectrumComparison toCurve(List<SpectrumBand> mix, Map<Double, Double> curve) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("a target curve needs at least one point");
        }
        NavigableMap<Double, Double> points = new TreeMap<>(curve);
        List<double[]> rows = new ArrayList<>();
        for (SpectrumBand b : mix) {
            if (inRange(b.centreHz()) && Double.isFinite(b.db())) {
                rows.add(new double[] {b.centreHz(), b.db(), curveAt(points, b.centreHz())});
            }
        }
        return from(rows);
    }

    static double curveAt(NavigableMap<Double, Double> points, double hz) {
        Map.Entry<Double, Double> lo = points.floorEntry(hz);
        Map.Entry<Double, Double> hi = points.ceilingEntry(hz);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double t = Math.log(hz / lo.getKey()) / Math.log(hi.getKey() / lo.getKey());
        return lo.getValue() + t * (hi.getValue() - lo.getValue());
    }

    private static boolean inRange(double hz) {
        return hz >= LOWEST_HZ - 0.5 && hz <= HIGHEST_HZ + 0.5;
    }

    private static SpectrumComparison from(List<double[]> rows) {
        double offset = rows.stream().mapToDouble(r -> r[2] - r[1]).average().orElse(0);
        double distance = rows.isEmpty() ? Double.POSITIVE_INFINITY
                : rows.stream().mapToDouble(r -> Math.abs(r[2] - r[1] - offset)).average().orElseThrow();
        return new SpectrumComparison(rows.stream().map(r -> r[0]).toList(), rows.stream().map(r -> r[1]).toList(),
                rows.stream().map(r -> r[2] - offset).toList(), offset, distance);
    }

    /** Mix minus (level-matched) reference, per band: positive where the mix has too much. */
    public List<Double> differencesDb() {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < bandsHz.size(); i++) {
            d.add(mixDb.get(i) - referenceDb.get(i));
        }
        return d;
    }

    /** The index of the band that differs most (−1 when there are none). */
    public int worstBand() {
        List<Double> d = differencesDb();
        int worst = -1;
        for (int i = 0; i < d.size(); i++) {
            if (worst < 0 || Math.abs(d.get(i)) > Math.abs(d.get(worst))) {
                worst = i;
            }
        }
        return worst;
    }
}
