package org.controlroom.lesson.script;

import java.util.Locale;

/**
 * A song section (verse, chorus ...) the learner can place; energy 0..1.
 *
 * @param role what the section is (intro, verse, pre-chorus, chorus, bridge, breakdown, outro ...):
 *             given in the script or taken from the id without its number ({@code chorus-2} → chorus)
 */
public record SongSection(String id, String name, int bars, double energy, String role) {

    public SongSection(String id, String name, int bars, double energy) {
        this(id, name, bars, energy, roleOf(id));
    }

    /** The role a section id implies: the id without a trailing number. */
    public static String roleOf(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("-?\\d+$", "");
    }

    public boolean isChorus() {
        return role.equals("chorus");
    }
}
