package org.controlroom.lesson.script;

import java.nio.file.Path;

/**
 * One problem found in a script; line and column are 1-based. The message and the file name are
 * kept free of control characters (written as {@code \\uXXXX}), so a hostile script cannot reach
 * the terminal through its own error message.
 */
public record ScriptProblem(Path file, int line, int column, String message) {
    public ScriptProblem {
        message = ControlCharacters.escape(message);
    }

    @Override
    public String toString() {
        return ControlCharacters.escape(String.valueOf(file)) + ":" + line + ":" + column + ": " + message;
    }
}
