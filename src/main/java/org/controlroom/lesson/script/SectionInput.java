package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

/**
 * A section of a script or plan as a {@link SectionFormat} reads it: typed getters that report wrong
 * types, unknown fields and out-of-range values at their file, line and column (and then return a
 * harmless placeholder, so one read collects every problem of a file).
 */
public final class SectionInput {
    private final Node node;
    private final String path;
    private final Problems problems;
    private final AssetResolver assets;
    private Fields fields;

    SectionInput(Fields fields, AssetResolver assets) {
        this.node = fields.node();
        this.path = fields.path();
        this.problems = fields.problems();
        this.fields = fields;
        this.assets = assets;
    }

    /** A plan's section (any YAML node: a kind's plan may be a list). */
    SectionInput(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.assets = null;
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    Fields fields() {
        if (fields == null) {
            java.util.List<String> present = new java.util.ArrayList<>();
            if (node instanceof org.yaml.snakeyaml.nodes.MappingNode map) {
                map.getValue().forEach(t -> {
                    if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k) {
                        present.add(k.getValue());
                    }
                });
            }
            fields = Fields.of(node, path, present, problems).orElseGet(() -> Fields.empty(node, path, problems));
        }
        return fields;
    }

    AssetResolver assets() {
        return assets;
    }

    /** Whether the section gives {@code key}. */
    public boolean has(String key) {
        return fields().has(key);
    }

    /** A required text field ("" after reporting it missing). */
    public String text(String key) {
        return fields().text(key);
    }

    public Optional<String> optionalText(String key) {
        return fields().optionalText(key);
    }

    /** A number in [min, max]; {@code fallback} when absent. */
    public double number(String key, double fallback, double min, double max) {
        return fields().number(key, fallback, NumberRange.between(min, max));
    }

    /** A whole number in [min, max]; {@code fallback} when absent. */
    public int whole(String key, int fallback, int min, int max) {
        return fields().whole(key, fallback, NumberRange.between(min, max));
    }

    /** A sound file inside the lesson's folder or audio-assets/ (never outside them). */
    public Optional<AssetSource> asset(String key) {
        if (assets == null) {
            problem(key, "a plan cannot name sound files");
            return Optional.empty();
        }
        return fields().required(key).flatMap(n -> assets.resolve(n, fields().name(key), fields().problems()));
    }

    /** A list of plain texts. */
    public List<String> texts(String key, int minItems) {
        return fields().list(key, minItems, (node, path) -> Values.text(node, path, fields().problems()));
    }

    /** Reports a problem at {@code key}'s value (or at the section when it is absent). */
    public void problem(String key, String message) {
        fields().problems().at(fields().value(key).orElse(fields().node()), fields().name(key) + ": " + message);
    }

    /** Reports a problem at the section itself. */
    public void problem(String message) {
        fields().problems().at(fields().node(), (fields().path().isEmpty() ? "" : fields().path() + ": ") + message);
    }
}
