package org.controlroom.lesson.run;

/** One scoring criterion: its score 0–100, its weight from the script, and what was measured. */
public record Criterion(String name, double score, double weight, String detail) {
}
