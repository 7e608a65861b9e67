package org.controlroom.lesson.budget;

import java.util.List;

/**
 * How a plan turned out: money spent, the delivery day, the record's quality and songs delivered; the
 * three criteria (0–100), the weighted score, and the hard limits it broke (any one fails the lesson).
 */
public record Outcome(double spent, int deliveryDay, double quality, int songsDelivered, double delivery,
                      double spend, double qualityScore, double score, List<String> brokenLimits) {
    public Outcome {
        brokenLimits = List.copyOf(brokenLimits);
    }

    public boolean failed() {
        return !brokenLimits.isEmpty();
    }

    /** What the search maximises: the score, with a failed project worth 0. */
    public double value() {
        return failed() ? 0 : score;
    }
}
