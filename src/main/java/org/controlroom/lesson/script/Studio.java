package org.controlroom.lesson.script;

/** A studio the learner can book by the day. */
public record Studio(String id, String name, double dayRate, double songsPerDay, double quality) {
}
