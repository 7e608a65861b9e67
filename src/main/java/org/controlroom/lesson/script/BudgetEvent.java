package org.controlroom.lesson.script;

/** A seeded random event that may delay the project or cost money. */
public record BudgetEvent(String id, String name, double probability, int delayDays, double cost) {
}
