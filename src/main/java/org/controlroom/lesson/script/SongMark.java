package org.controlroom.lesson.script;

/** One section of a song's form as the manifest gives it: where it starts (bar 0 = the top) and how long it is. */
public record SongMark(String id, String name, int startBar, int bars, double energy) {
}
