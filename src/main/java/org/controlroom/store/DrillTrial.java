package org.controlroom.store;

import java.time.Instant;

/**
 * One stored drill answer as the staircase, the confusion matrix and the progress charts read it (only
 * from attempts that count: not replays).
 *
 * @param attemptId  the attempt it was given in
 * @param correct    whether it was right
 * @param responseJson the answer as stored (JSON; "{}" when not read): a several-band answer keeps every band
 *                   there, the columns only its first
 */
public record DrillTrial(long attemptId, String lessonId, String exercise, String family, double difficulty,
                         double truth, double response, boolean correct, Instant answeredAt, String responseJson) {

    public DrillTrial(long attemptId, String lessonId, String exercise, String family, double difficulty,
                      double truth, double response, boolean correct, Instant answeredAt) {
        this(attemptId, lessonId, exercise, family, difficulty, truth, response, correct, answeredAt, "{}");
    }
}
