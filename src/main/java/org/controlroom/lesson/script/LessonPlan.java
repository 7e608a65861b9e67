package org.controlroom.lesson.script;

import java.util.Map;

/**
 * A learner's work on a session lesson as a plan file holds it (DESIGN.md "Sessions and plans"): the
 * kind's own record. Fields the plan does not give keep the lesson's starting state.
 */
public interface LessonPlan {

    /** The plan of a kind that takes none (question kinds); never applied. */
    LessonPlan NONE = Map::of;

    /**
     * The plan's section as plain data (maps, lists, strings, numbers, booleans, null) in the plan
     * file's field names, for {@link PlanFile#write}.
     */
    Object toTree();
}
