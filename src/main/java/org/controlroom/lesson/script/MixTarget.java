package org.controlroom.lesson.script;

/** What the finished mix should measure. */
public record MixTarget(double integratedLufs, double truePeakDbtp) {
}
