package org.controlroom.lesson.run;

/** An option offered for a step: its id (for option answers), a label, and its value (for number answers). */
public record Choice(String id, String label, double value) {
}
