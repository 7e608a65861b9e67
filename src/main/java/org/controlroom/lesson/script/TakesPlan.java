package org.controlroom.lesson.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code takes:} part of a plan file: per phrase id one take, or a comp of pieces. */
public record TakesPlan(Map<String, List<Piece>> comp, Optional<Double> crossfadeMs, Map<String, String> answers)
        implements LessonPlan {
    public TakesPlan {
        Map<String, List<Piece>> c = new LinkedHashMap<>();
        comp.forEach((k, v) -> c.put(k, List.copyOf(v)));
        comp = Collections.unmodifiableMap(c);
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    @Override
    public Object toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> c = new LinkedHashMap<>();
        comp.forEach((phrase, pieces) -> {
            if (pieces.size() == 1 && pieces.get(0).untilS().isEmpty()) {
                c.put(phrase, pieces.get(0).take());
            } else {
                c.put(phrase, pieces.stream().map(pc -> {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("take", pc.take());
                    pc.untilS().ifPresent(u -> pm.put("until_s", u));
                    return pm;
                }).toList());
            }
        });
        m.put("comp", c);
        crossfadeMs.ifPresent(x -> m.put("crossfade_ms", x));
        if (!answers.isEmpty()) {
            m.put("answers", new LinkedHashMap<>(answers));
        }
        return m;
    }

    /**
     * A piece of a comp: this take plays until {@code untilS} seconds into the phrase (the last piece
     * plays to the end).
     */
    public record Piece(String take, Optional<Double> untilS) {
    }
}
