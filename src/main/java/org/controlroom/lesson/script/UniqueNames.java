package org.controlroom.lesson.script;

import java.util.HashMap;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

/** Reports an id or name used twice within one list. */
final class UniqueNames {
    private final String what;
    private final Problems problems;
    private final Map<String, Node> seen = new HashMap<>();

    UniqueNames(String what, Problems problems) {
        this.what = what;
        this.problems = problems;
    }

    /** Reads {@code key} of {@code f} as text and reports it if it was seen before in this list. */
    String take(Fields f, String key) {
        String value = f.text(key);
        f.value(key).ifPresent(node -> {
            if (!value.isEmpty()) {
                Node first = seen.putIfAbsent(value, node);
                if (first != null) {
                    problems.at(node, "duplicate " + what + " '" + value + "' in " + f.path()
                            .replaceAll("\\[\\d+]$", "") + " (first given at line "
                            + (first.getStartMark().getLine() + 1) + ")");
                }
            }
        });
        return value;
    }

    boolean contains(String name) {
        return seen.containsKey(name);
    }
}
