package org.controlroom.lesson.career;

/**
 * A client as the learner stands with them.
 *
 * @param type         the client type: band, solo-artist, label, media or content
 * @param satisfaction 0–100 (starts at the economy's start figure, then follows each delivered job)
 * @param jobsDone     jobs delivered for this client (late ones too)
 * @param lost         the client offers no more work (a failed job, or satisfaction below the economy's floor)
 */
public record ClientStanding(String id, String name, String type, double satisfaction, int jobsDone, boolean lost) {
}
