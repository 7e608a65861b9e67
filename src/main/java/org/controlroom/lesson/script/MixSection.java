package org.controlroom.lesson.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multitrack mix toward a target.
 *
 * @param buses   the group buses the learner may route tracks to (none by default)
 * @param balance wanted level of each named track relative to the first track, dB (script order)
 */
public record MixSection(List<MixTrack> tracks, List<String> buses, Optional<AssetSource> reference, MixTarget target,
                         Map<String, Double> balance) implements LessonSection {
    public MixSection {
        tracks = List.copyOf(tracks);
        buses = List.copyOf(buses);
        balance = Collections.unmodifiableMap(new LinkedHashMap<>(balance));
    }
}
