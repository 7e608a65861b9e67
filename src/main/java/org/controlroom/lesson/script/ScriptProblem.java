package org.controlroom.lesson.script;

import java.nio.file.Path;

/** One problem found in a script; line and column are 1-based. */
public record ScriptProblem(Path file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
