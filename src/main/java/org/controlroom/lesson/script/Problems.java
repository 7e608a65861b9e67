package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one script file, each at a 1-based line and column. */
final class Problems {
    private final Path file;
    private final List<ScriptProblem> list = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        if (mark == null) {
            atStart(message);
        } else {
            at(mark.getLine() + 1, mark.getColumn() + 1, message);
        }
    }

    void at(int line, int column, String message) {
        list.add(new ScriptProblem(file, line, column, message));
    }

    void atStart(String message) {
        at(1, 1, message);
    }

    int count() {
        return list.size();
    }

    boolean any() {
        return !list.isEmpty();
    }

    /** The problems in file order (by line, then column). */
    List<ScriptProblem> list() {
        return list.stream()
                .sorted(java.util.Comparator.comparingInt(ScriptProblem::line).thenComparingInt(ScriptProblem::column))
                .toList();
    }
}
