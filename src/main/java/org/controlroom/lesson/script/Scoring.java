package org.controlroom.lesson.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a lesson is scored.
 *
 * @param passMark the score (0..100) needed to pass
 * @param weights  criterion name to weight (> 0), in script order
 */
public record Scoring(double passMark, Map<String, Double> weights) {
    public Scoring {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }
}
