package org.controlroom.lesson.script;

/**
 * A person the learner can book by the day beside a studio: a session player or an engineer
 * ({@code role}); their quality is added to that day's recording quality.
 */
public record Musician(String id, String name, double dayRate, double quality, String role, Availability available) {
    public Musician(String id, String name, double dayRate, double quality) {
        this(id, name, dayRate, quality, "player", Availability.ALWAYS);
    }
}
