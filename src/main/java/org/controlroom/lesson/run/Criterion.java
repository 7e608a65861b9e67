package org.controlroom.lesson.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scoring criterion: its score 0–100, its weight from the script, what was measured in words, and
 * the numbers it was scored from ({@code measured}, in the units DESIGN.md names: dB, LUFS, dBTP,
 * cents, ms, seconds; a value may be a number, a text or a map of names to numbers).
 */
public record Criterion(String name, double score, double weight, String detail, Map<String, Object> measured) {

    public Criterion {
        measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
    }

    public Criterion(String name, double score, double weight, String detail) {
        this(name, score, weight, detail, Map.of());
    }
}
