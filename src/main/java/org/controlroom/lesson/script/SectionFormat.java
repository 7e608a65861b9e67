package org.controlroom.lesson.script;

import java.util.List;

/**
 * The script side of one lesson kind: which fields its section allows, how the section is read, and
 * (for kinds the learner works on as a session) how its part of a plan file is read. Registered with a
 * {@link LessonFormats}; the loader asks the registry, never a {@code switch}.
 */
public interface SectionFormat {

    LessonKind kind();

    /** The field names the kind's section allows (others are reported as unknown). */
    List<String> fields();

    /** Reads the section; problems go to {@code in} and make the lesson invalid. */
    LessonSection read(SectionInput in);

    /**
     * Reads this kind's part of a plan file (DESIGN.md "Sessions and plans") against the lesson's
     * section: names the lesson does not have are problems at their line and column.
     *
     * @param in the plan's section named as the kind
     */
    default LessonPlan readPlan(SectionInput in, LessonSection section) {
        in.problem("a " + kind().id() + " lesson is played step by step and takes no plan file;"
                + " use --answers FILE instead");
        return LessonPlan.NONE;
    }
}
