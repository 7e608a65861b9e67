package org.controlroom.lesson.script;

/** A session player the learner can book by the day; quality is added to the recording's quality. */
public record Musician(String id, String name, double dayRate, double quality) {
}
