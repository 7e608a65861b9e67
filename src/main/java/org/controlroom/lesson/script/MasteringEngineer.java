package org.controlroom.lesson.script;

/** A mastering engineer paid per song, taking {@code days} for the whole record, free from {@code fromDay}. */
public record MasteringEngineer(String id, String name, double feePerSong, double days, double quality, int fromDay) {
    public MasteringEngineer(String id, String name, double feePerSong, double days, double quality) {
        this(id, name, feePerSong, days, quality, 1);
    }
}
