package org.controlroom.lesson.career;

import java.util.List;

/**
 * A job offered to the learner.
 *
 * @param id             unique within the career ("w12-3": week 12, third offer)
 * @param lessonIds      the scenario lessons the job is (mix, takes, arrange, budget), played with {@code scenario play}
 * @param feePence       what the job pays when delivered on time at full marks (freelance); employed: the studio's fee
 * @param deadlineWeeks  the job is due this many weeks after it is taken
 * @param offeredWeek    the week it was offered
 * @param expiresWeek    the first week it can no longer be taken
 * @param speedWeight    0–1: how much the client weighs delivering early over polish (the score)
 * @param wantsSignature the client asks for the learner's own sound (see {@link Signature})
 */
public record Offer(String id, String clientId, String title, String brief, List<String> lessonIds, long feePence,
                    int deadlineWeeks, int offeredWeek, int expiresWeek, double speedWeight, boolean wantsSignature) {
    public Offer {
        lessonIds = List.copyOf(lessonIds);
    }
}
