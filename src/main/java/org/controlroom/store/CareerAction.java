package org.controlroom.store;

import java.time.Instant;

/**
 * One action of a learner's career log, as stored: the career is its seed plus these actions in order,
 * replayed by {@code lesson.career.CareerSimulation}.
 *
 * @param seq    1, 2, 3, … within the learner's career (the order of replay)
 * @param kind   what was done: "start", "take", "decline", "deliver", "week", "switch"
 * @param ref    what it names: the path for start and switch, the offer or job id for take, decline, deliver
 * @param number the seed for start, the delivering attempt's id for deliver, else 0
 * @param score  the delivering attempt's score (deliver), else null
 * @param extra  a second figure of a delivery (whether the learner had a signature: 1 or 0), else null
 * @param at     when it was done (kept for the record; replay never reads the clock)
 */
public record CareerAction(int seq, String kind, String ref, long number, Double score, Double extra, Instant at) {
}
