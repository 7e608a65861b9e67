package org.controlroom.lesson.script;

/**
 * One way to answer a budget event, with exactly what it changes: money ({@code cost}, negative for a
 * saving), days ({@code delayDays}, added to the delivery day; negative for days won back), the
 * record's quality ({@code quality}, added) and songs dropped from the record.
 */
public record EventResponse(String id, String name, double cost, int delayDays, double quality, int dropSongs) {
}
