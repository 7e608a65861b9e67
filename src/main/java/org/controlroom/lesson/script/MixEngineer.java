package org.controlroom.lesson.script;

/** A mix engineer paid per song. */
public record MixEngineer(String id, String name, double feePerSong, double daysPerSong, double quality) {
}
