package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read against a list of known field names. Unknown fields, duplicate keys, missing
 * required fields, wrong types and out-of-range numbers are reported to {@link Problems}; the getters
 * then return a harmless placeholder so reading can go on and collect every problem of the file
 * (a file with any problem never becomes a lesson).
 */
final class Fields {
    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private Fields(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping.
     *
     * @param path  where it is, for messages ("" for the top level, "drill", "budget.studios[2]")
     * @param known the field names allowed in it
     */
    static Optional<Fields> of(Node node, String path, Collection<String> known, Problems problems) {
        if (!(node instanceof MappingNode map)) {
            problems.at(node, (path.isEmpty() ? "the file" : path) + " must be a mapping of fields (name: value), found "
                    + Values.describe(node));
            return Optional.empty();
        }
        Fields fields = new Fields(map, path, problems);
        for (NodeTuple t : map.getValue()) {
            Node key = t.getKeyNode();
            if (!(key instanceof ScalarNode k) || Tag.NULL.equals(key.getTag())) {
                problems.at(key, "a field name must be plain text" + fields.where());
                continue;
            }
            String name = k.getValue();
            NodeTuple first = fields.entries.get(name);
            if (first != null) {
                problems.at(key, "duplicate key '" + name + "'" + fields.where() + " (first given at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
                continue;
            }
            if (!known.contains(name)) {
                problems.at(key, "unknown field '" + name + "'" + fields.where()
                        + ClosestName.to(name, known).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known fields: " + String.join(", ", known)));
                continue;
            }
            fields.entries.put(name, t);
        }
        return Optional.of(fields);
    }

    /** A mapping with no fields, standing in for a value already reported as not a mapping. */
    static Fields empty(Node at, String path, Problems problems) {
        MappingNode m = new MappingNode(Tag.MAP, true, new ArrayList<>(), at.getStartMark(), at.getEndMark(),
                org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
        return new Fields(m, path, problems);
    }

    MappingNode node() {
        return node;
    }

    String path() {
        return path;
    }

    /** The full name of a field for messages, e.g. {@code drill.gain_db}. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String where() {
        return path.isEmpty() ? " at the top level" : " in " + path;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** The value of a required field, or empty after reporting it missing (at this mapping). */
    Optional<Node> required(String key) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) {
            problems.at(node, "missing required field '" + name(key) + "'");
        }
        return v;
    }

    String text(String key) {
        return required(key).flatMap(n -> Values.text(n, name(key), problems)).orElse("");
    }

    Optional<String> optionalText(String key) {
        return value(key).flatMap(n -> Values.text(n, name(key), problems));
    }

    double number(String key, NumberRange range) {
        return required(key).flatMap(n -> Values.number(n, name(key), range, problems)).orElse(0.0);
    }

    double number(String key, double fallback, NumberRange range) {
        return value(key).map(n -> Values.number(n, name(key), range, problems).orElse(fallback)).orElse(fallback);
    }

    Optional<Double> optionalNumber(String key, NumberRange range) {
        return value(key).flatMap(n -> Values.number(n, name(key), range, problems));
    }

    int whole(String key, NumberRange range) {
        return required(key).flatMap(n -> Values.whole(n, name(key), range, problems)).orElse(0);
    }

    int whole(String key, int fallback, NumberRange range) {
        return value(key).map(n -> Values.whole(n, name(key), range, problems).orElse(fallback)).orElse(fallback);
    }

    /** A required list with at least {@code minItems} items, each read by {@code item}. */
    <T> List<T> list(String key, int minItems, ItemReader<T> item) {
        return required(key).map(n -> items(key, n, minItems, item)).orElse(List.of());
    }

    /** An optional list (absent = empty). */
    <T> List<T> optionalList(String key, ItemReader<T> item) {
        return value(key).map(n -> items(key, n, 0, item)).orElse(List.of());
    }

    private <T> List<T> items(String key, Node n, int minItems, ItemReader<T> item) {
        if (Tag.NULL.equals(n.getTag()) && minItems == 0) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.at(n, name(key) + " must be a list, found " + Values.describe(n));
            return List.of();
        }
        if (seq.getValue().size() < minItems) {
            problems.at(n, name(key) + " needs at least " + minItems + (minItems == 1 ? " entry" : " entries")
                    + ", found " + seq.getValue().size());
        }
        List<T> out = new ArrayList<>();
        int i = 1;
        for (Node itemNode : seq.getValue()) {
            item.read(itemNode, name(key) + "[" + i + "]").ifPresent(out::add);
            i++;
        }
        return out;
    }

    /** A mapping-valued field read as a sub-mapping. */
    Optional<Fields> section(String key, Collection<String> known, boolean required) {
        Optional<Node> v = required ? required(key) : value(key);
        return v.flatMap(n -> Fields.of(n, name(key), known, problems));
    }

    Problems problems() {
        return problems;
    }

    /** Reads one list item; {@code path} is e.g. {@code budget.studios[2]}. */
    @FunctionalInterface
    interface ItemReader<T> {
        Optional<T> read(Node node, String path);
    }

    /** An item reader for mappings. */
    static <T> ItemReader<T> mapping(Collection<String> known, Problems problems, Function<Fields, T> reader) {
        return (node, path) -> Fields.of(node, path, known, problems).map(reader);
    }
}
