package org.controlroom.lesson.script;

import java.util.List;
import java.util.stream.Collectors;

/** A script (e.g. career.yaml) could not be loaded; carries every problem found. */
public class ScriptException extends RuntimeException {
    private final transient List<ScriptProblem> problems;

    public ScriptException(List<ScriptProblem> problems) {
        super(problems.stream().map(ScriptProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScriptProblem> problems() {
        return problems;
    }
}
