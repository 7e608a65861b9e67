package org.controlroom.lesson.script;

/** A career rank: reached at {@code xp} total XP. */
public record Rank(String id, String name, int xp, String role) {
}
