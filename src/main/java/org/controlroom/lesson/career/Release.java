package org.controlroom.lesson.career;

/**
 * A released track the learner has a credit on.
 *
 * @param points         royalty points in percent (0.5–5) for a producer's or executive producer's credit, 0 below
 * @param royaltiesPence the royalties it has paid so far
 */
public record Release(String id, String title, String clientId, int releasedWeek, double points, long royaltiesPence) {
}
