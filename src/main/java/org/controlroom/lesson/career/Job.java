package org.controlroom.lesson.career;

/**
 * A job taken (or assigned by the studio).
 *
 * @param id            the offer's id
 * @param takenWeek     the week it was taken
 * @param dueWeek       {@code takenWeek + deadlineWeeks}: delivered in this week or before is on time
 * @param score         0–100 of the delivering attempt (the mean when the job has several lessons), null until delivered
 * @param deliveredWeek the week it was delivered, null until then
 * @param paidPence     what the learner was paid for it (0 while booked, failed, or employed)
 */
public record Job(String id, Offer offer, int takenWeek, int dueWeek, JobStatus status, Double score,
                  Integer deliveredWeek, long paidPence) {
}
