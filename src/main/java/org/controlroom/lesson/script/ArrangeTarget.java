package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/**
 * What the arrangement should achieve (the brief's constraints). A constraint the lesson does not set
 * is absent: {@code maxSeconds} and {@code firstChorusBySeconds} are then positive infinity,
 * {@code minSeconds} zero, the lists empty.
 *
 * @param mustInclude sections that must be placed (at least once)
 * @param mustExclude sections that must not be placed
 * @param radioEdit   a radio edit of a long version: under a length, keeping named sections
 * @param arc         the energy shape across the song, evenly spread over its length
 * @param contrast    a section that must stand apart from its neighbours
 */
public record ArrangeTarget(double maxSeconds, double firstChorusBySeconds, double minSeconds,
                            List<String> mustInclude, List<String> mustExclude, Optional<RadioEdit> radioEdit,
                            List<Level> arc, Optional<Contrast> contrast) {

    public ArrangeTarget {
        mustInclude = List.copyOf(mustInclude);
        mustExclude = List.copyOf(mustExclude);
        arc = List.copyOf(arc);
    }

    /** Only a length and a first chorus. */
    public ArrangeTarget(double maxSeconds, double firstChorusBySeconds) {
        this(maxSeconds, firstChorusBySeconds, 0, List.of(), List.of(), Optional.empty(), List.of(), Optional.empty());
    }

    public boolean hasLength() {
        return minSeconds > 0 || Double.isFinite(maxSeconds);
    }

    public boolean hasFirstChorus() {
        return Double.isFinite(firstChorusBySeconds);
    }

    /** The energy level of one point of the arc. */
    public enum Level {
        LOW, MID, HIGH;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A radio edit: at most {@code maxSeconds} long and every section of {@code keep} still placed. */
    public record RadioEdit(double maxSeconds, List<String> keep) {
        public RadioEdit {
            keep = List.copyOf(keep);
        }
    }

    /**
     * The contrast between a section and the sections placed either side of it.
     *
     * @param minLu     the loudness difference asked for, LU
     * @param minStems  the difference in active stems asked for (0: not asked)
     * @param direction whether the section must be quieter, louder, or either
     */
    public record Contrast(String section, double minLu, int minStems, Direction direction) {
    }

    public enum Direction {
        QUIETER, LOUDER, EITHER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
