package org.controlroom.lesson.run;

import java.util.List;
import java.util.Optional;

/**
 * One step of an attempt as the learner sees it: a question or a decision, with the options on
 * offer. A drill step also carries the audio it is about ({@link DrillQuestion}).
 */
public record Step(int index, int count, String prompt, List<Choice> choices, boolean multipleChoice,
                   Optional<DrillQuestion> drillQuestion) {

    public Step {
        choices = List.copyOf(choices);
    }
}
