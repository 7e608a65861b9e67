package org.controlroom.lesson.pack;

import java.util.List;

/** A pack that cannot be exported or imported, with every problem found (each names its file). */
public class PackException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public PackException(String problem) {
        this(List.of(problem));
    }

    public PackException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
