package org.controlroom.lesson.script;

/** What the arrangement should achieve: total length and the first chorus's arrival, in seconds. */
public record ArrangeTarget(double maxSeconds, double firstChorusBySeconds) {
}
