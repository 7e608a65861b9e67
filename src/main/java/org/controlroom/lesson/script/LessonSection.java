package org.controlroom.lesson.script;

/**
 * The kind-specific section of a lesson (the YAML section named as the kind). Each kind's
 * {@link SectionFormat} reads its own; the shipped kinds' sections are immutable records here.
 */
public interface LessonSection {
}
