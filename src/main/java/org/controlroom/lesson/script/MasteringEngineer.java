package org.controlroom.lesson.script;

/** A mastering engineer paid per song, taking {@code days} for the whole record. */
public record MasteringEngineer(String id, String name, double feePerSong, double days, double quality) {
}
