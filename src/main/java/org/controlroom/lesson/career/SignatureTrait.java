package org.controlroom.lesson.career;

/**
 * One consistent difference between the learner's mixes and the references.
 *
 * @param name             "tilt", "loudness", "width" or "low end"
 * @param valueVsReference the mean difference, learner minus reference (positive: brighter, louder, wider, more low end)
 * @param unit             "dB", "LU" or "%"
 * @param words            the difference said in words: "1.5 dB brighter"
 */
public record SignatureTrait(String name, double valueVsReference, String unit, String words) {
}
