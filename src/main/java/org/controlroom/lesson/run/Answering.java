package org.controlroom.lesson.run;

/**
 * How an answer was given: how long after the question appeared, how often A and B were played first,
 * and whether the attempt's answers may score speed at all.
 */
public record Answering(long millis, int playsA, int playsB, boolean timed) {
}
