package org.controlroom.lesson.script;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads single values out of YAML nodes, reporting wrong types and ranges at the node. */
final class Values {
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?");

    private Values() {
    }

    /** A plain-text value (any scalar but null), not blank, with no control characters. */
    static Optional<String> text(Node node, String field, Problems problems) {
        if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            if (s.getValue().isBlank()) {
                problems.at(node, field + " must not be empty");
                return Optional.empty();
            }
            int bad = ControlCharacters.first(s.getValue());
            if (bad >= 0) {
                problems.at(node, field + " holds the control character "
                        + ControlCharacters.name(s.getValue().codePointAt(bad)) + " at character "
                        + (s.getValue().codePointCount(0, bad) + 1) + "; lesson text may hold no control "
                        + "characters (only new lines and tabs): remove it");
                return Optional.empty();
            }
            return Optional.of(s.getValue().strip());
        }
        problems.at(node, field + " must be text, found " + describe(node));
        return Optional.empty();
    }

    /** A finite number within {@code range}. */
    static Optional<Double> number(Node node, String field, NumberRange range, Problems problems) {
        Optional<Double> value = anyNumber(node, field, problems);
        if (value.isPresent() && !range.contains(value.get())) {
            problems.at(node, field + " must be " + range.describe() + ", found "
                    + NumberRange.format(value.get()));
            return Optional.empty();
        }
        return value;
    }

    /** A whole number within {@code range}. */
    static Optional<Integer> whole(Node node, String field, NumberRange range, Problems problems) {
        Optional<Double> value = anyNumber(node, field, problems);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double v = value.get();
        if (v != Math.rint(v)) {
            problems.at(node, field + " must be a whole number, found " + NumberRange.format(v));
            return Optional.empty();
        }
        if (!range.contains(v) || Math.abs(v) > Integer.MAX_VALUE) {
            problems.at(node, field + " must be " + range.describe() + ", found " + NumberRange.format(v));
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    private static Optional<Double> anyNumber(Node node, String field, Problems problems) {
        if (!(node instanceof ScalarNode s)
                || !(Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
            boolean quotedNumber = node instanceof ScalarNode q && Tag.STR.equals(q.getTag())
                    && DECIMAL.matcher(q.getValue().trim()).matches();
            problems.at(node, field + " must be a number, found " + describe(node)
                    + (quotedNumber ? " (remove the quotes)" : ""));
            return Optional.empty();
        }
        String raw = s.getValue().trim();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.equals(".nan")) {
            problems.at(node, field + " must be a number, found NaN (not a number)");
            return Optional.empty();
        }
        if (lower.endsWith(".inf")) {
            problems.at(node, field + " must be a finite number, found " + raw + " (infinity)");
            return Optional.empty();
        }
        if (!DECIMAL.matcher(raw).matches()) {
            problems.at(node, field + " must be a plain decimal number, found " + raw);
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(raw.replace("_", ""));
            if (!Double.isFinite(v)) {
                problems.at(node, field + " is too large, found " + raw);
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            problems.at(node, field + " must be a number, found " + raw);
            return Optional.empty();
        }
    }

    /** Words for what a node holds, for "found ..." in messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            Tag tag = s.getTag();
            if (Tag.NULL.equals(tag)) {
                return "nothing (an empty value)";
            }
            if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
                return "the number " + s.getValue();
            }
            if (Tag.BOOL.equals(tag)) {
                return "the true/false value " + s.getValue();
            }
            String v = s.getValue();
            return "the text '" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'";
        }
        return "an unsupported value";
    }
}
