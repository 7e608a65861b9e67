package org.controlroom.lesson.script;

/** A mix engineer paid per song, taking {@code daysPerSong}, free to start on {@code fromDay}. */
public record MixEngineer(String id, String name, double feePerSong, double daysPerSong, double quality, int fromDay) {
    public MixEngineer(String id, String name, double feePerSong, double daysPerSong, double quality) {
        this(id, name, feePerSong, daysPerSong, quality, 1);
    }
}
