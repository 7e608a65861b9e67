package org.controlroom.analysis.take;

import java.util.List;

/**
 * A take's (or a comp's) marks from what analysis measured: pitch from its worst note (cents from the
 * nearest equal-tempered note), timing from its worst onset (ms from the melody or the grid) and the
 * notes the melody has that the take does not, clean from clipping, the noise floor and noise events.
 * Each 0–100; the thresholds are what a producer hears: under 8 cents and 20 ms is in, 30 cents and
 * 80 ms is out.
 */
public record TakeMarks(double pitch, double timing, double clean, double worstCents, double worstTimingMs,
                        int missingNotes, long clippedSamples, double noiseFloorDbfs, int noiseEvents) {

    public static final double PITCH_FULL_CENTS = 8;
    public static final double PITCH_ZERO_CENTS = 30;
    public static final double TIMING_FULL_MS = 20;
    public static final double TIMING_ZERO_MS = 80;
    /** A melody note with no detected note this close is missing. */
    public static final double MISSING_WITHIN_S = 0.12;
    public static final double NOISE_FULL_DBFS = -60;
    public static final double NOISE_ZERO_DBFS = -35;
    public static final int CLIPPED_FOR_ZERO = 100;

    /** Marks a report against the notes it should have (empty: no melody, timing from the grid). */
    public static TakeMarks of(TakeReport r, List<SungNote> melody) {
        double worstCents = 0;
        for (TakeReport.Note n : r.notes()) {
            worstCents = Math.max(worstCents, Math.abs(n.centsOff()));
        }
        double worstMs = 0;
        for (double t : r.timingMs()) {
            if (Double.isFinite(t)) {
                worstMs = Math.max(worstMs, Math.abs(t));
            }
        }
        int missing = 0;
        for (SungNote m : melody) {
            boolean found = r.notes().stream().anyMatch(n -> Math.abs(n.onsetS() - m.onsetS()) <= MISSING_WITHIN_S);
            if (!found) {
                missing++;
            }
        }
        if (!melody.isEmpty()) {
            // timing is judged on the notes that are there; a missing note costs half the timing marks
            worstMs = 0;
            for (TakeReport.Note n : r.notes()) {
                double best = Double.POSITIVE_INFINITY;
                for (SungNote m : melody) {
                    best = Math.min(best, Math.abs(n.onsetS() - m.onsetS()) * 1000);
                }
                if (best <= MISSING_WITHIN_S * 1000) {
                    worstMs = Math.max(worstMs, best);
                }
            }
        }
        double pitch = r.notes().isEmpty() ? 0 : linear(worstCents, PITCH_FULL_CENTS, PITCH_ZERO_CENTS);
        double timing = Math.max(0, linear(worstMs, TIMING_FULL_MS, TIMING_ZERO_MS) - 50.0 * missing);
        if (r.notes().isEmpty()) {
            timing = 0;
        }
        double clean = 100;
        if (r.clippedSamples() > 0) {
            // any clipping is heard on a vocal: half the marks at once, the rest by how much
            clean -= 50 + 50.0 * Math.min(1, (double) r.clippedSamples() / CLIPPED_FOR_ZERO);
        }
        clean -= 100 - linear(r.noiseFloorDbfs(), NOISE_FULL_DBFS, NOISE_ZERO_DBFS);
        clean -= 50.0 * r.noiseEventsS().size();
        return new TakeMarks(pitch, timing, Math.max(0, clean), worstCents, worstMs, missing, r.clippedSamples(),
                r.noiseFloorDbfs(), r.noiseEventsS().size());
    }

    /** Lower is better: the errors in units of their full-marks thresholds, for ranking takes. */
    public double badness() {
        return worstCents / PITCH_FULL_CENTS + worstTimingMs / TIMING_FULL_MS + 3.0 * missingNotes
                + (clippedSamples > 0 ? 3 : 0) + Math.max(0, noiseFloorDbfs - NOISE_FULL_DBFS) / 5 + 3.0 * noiseEvents;
    }

    /** 100 up to {@code full}, 0 from {@code zero}, linear between. */
    static double linear(double error, double full, double zero) {
        if (!(error > full)) {
            return Double.isNaN(error) ? 0 : 100;
        }
        return Math.max(0, 100 * (zero - error) / (zero - full));
    }
}
