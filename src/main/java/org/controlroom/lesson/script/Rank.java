package org.controlroom.lesson.script;

/**
 * A career rank: reached at {@code xp} total XP. In career mode it also needs a track record:
 * {@code credits} released credits and a {@code reputation} (0–100) with the learner's best client type.
 */
public record Rank(String id, String name, int xp, String role, int credits, double reputation) {
    /** A rank with no track record asked (the lesson list's ladder). */
    public Rank(String id, String name, int xp, String role) {
        this(id, name, xp, role, 0, 0);
    }
}
