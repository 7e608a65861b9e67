package org.controlroom.lesson.script;

/** A song section (verse, chorus ...) the learner can place; energy 0..1. */
public record SongSection(String id, String name, int bars, double energy) {
}
