package org.controlroom.lesson.script;

/**
 * A studio the learner can book by the day: its day rate (room and house engineer), how many songs a
 * day it tracks, the quality of what it records, and the days it is free.
 */
public record Studio(String id, String name, double dayRate, double songsPerDay, double quality,
                     Availability available) {
    public Studio(String id, String name, double dayRate, double songsPerDay, double quality) {
        this(id, name, dayRate, songsPerDay, quality, Availability.ALWAYS);
    }
}
