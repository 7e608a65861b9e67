package org.controlroom.lesson.career;

/**
 * The way to the next rank: it is reached when all three figures are met.
 *
 * @param reputationNeeded the reputation (0–100) the learner's best client type must reach
 * @param reputationHave   the learner's best client type's reputation now
 */
public record RankProgress(String rankId, int xpNeeded, int xpHave, int creditsNeeded, int creditsHave,
                           double reputationNeeded, double reputationHave) {
}
