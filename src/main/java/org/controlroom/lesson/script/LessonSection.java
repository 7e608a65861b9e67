package org.controlroom.lesson.script;

/** The kind-specific section of a lesson (the YAML section named as the kind). */
public sealed interface LessonSection permits DrillSection, BudgetSection, MixSection, ArrangeSection,
        TakesSection {
}
