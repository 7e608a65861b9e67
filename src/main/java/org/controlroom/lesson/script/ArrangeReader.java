package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads an {@code arrange:} section. */
final class ArrangeReader implements SectionReader {
    static final List<String> FIELDS = List.of("bpm", "beats_per_bar", "stems", "sections", "start", "target");
    static final List<String> STEM = List.of("name", "asset", "gain_db", "pan");
    static final List<String> SECTION = List.of("id", "name", "bars", "energy", "role");
    static final List<String> TARGET = List.of("max_seconds", "first_chorus_by_seconds", "min_seconds", "must_include",
            "must_exclude", "radio_edit", "arc", "contrast");
    static final List<String> RADIO_EDIT = List.of("max_seconds", "keep");
    static final List<String> CONTRAST = List.of("section", "min_lu", "min_stems", "direction");
    static final List<String> ARC_SHAPES = List.of("rising", "falling");

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public LessonSection read(Fields f, AssetResolver assets) {
        Problems p = f.problems();
        double bpm = f.number("bpm", NumberRange.between(40, 240));
        int beatsPerBar = f.whole("beats_per_bar", 4, NumberRange.between(2, 12));
        UniqueNames stemNames = new UniqueNames("stem name", p);
        List<Stem> stems = f.list("stems", 1, Fields.mapping(STEM, p, s -> new Stem(stemNames.take(s, "name"),
                s.required("asset").flatMap(n -> assets.resolve(n, s.name("asset"), p))
                        .orElse(new AssetSource("", p.file())),
                s.number("gain_db", 0, NumberRange.between(-60, 24)), s.number("pan", 0, NumberRange.between(-1, 1)))));
        UniqueNames sectionIds = new UniqueNames("section id", p);
        List<SongSection> sections = f.list("sections", 2, Fields.mapping(SECTION, p, s -> {
            String id = sectionIds.take(s, "id");
            return new SongSection(id, s.text("name"), s.whole("bars", NumberRange.between(1, 256)),
                    s.number("energy", NumberRange.between(0, 1)),
                    s.optionalText("role").map(r -> r.toLowerCase(Locale.ROOT)).orElse(SongSection.roleOf(id)));
        }));
        List<String> ids = sections.stream().map(SongSection::id).toList();
        ArrangeTarget target = f.section("target", TARGET, true).map(t -> target(t, ids, p))
                .orElse(new ArrangeTarget(1, 1));
        ArrangeSection song = new ArrangeSection(bpm, beatsPerBar, stems, sections, target);
        Optional<ArrangePlan> start = f.value("start").map(n -> new PlanReaders.Arrange().read(n, f.name("start"), p, song))
                .filter(ArrangePlan.class::isInstance).map(ArrangePlan.class::cast);
        return new ArrangeSection(bpm, beatsPerBar, stems, sections, target, start);
    }

    private static ArrangeTarget target(Fields t, List<String> ids, Problems p) {
        double max = t.optionalNumber("max_seconds", NumberRange.above(0)).orElse(Double.POSITIVE_INFINITY);
        double firstChorus = t.optionalNumber("first_chorus_by_seconds", NumberRange.above(0))
                .orElse(Double.POSITIVE_INFINITY);
        double min = t.number("min_seconds", 0, NumberRange.between(0, 36000));
        if (min > 0 && min >= max) {
            t.value("min_seconds").ifPresent(n -> p.at(n, t.name("min_seconds") + " (" + fmt(min)
                    + ") must be under " + t.name("max_seconds") + " (" + fmt(max) + ")"));
        }
        List<String> include = sectionIds(t, "must_include", ids, p);
        List<String> exclude = sectionIds(t, "must_exclude", ids, p);
        for (String id : include) {
            if (exclude.contains(id)) {
                t.value("must_exclude").ifPresent(n -> p.at(n, t.name("must_exclude") + " names '" + id
                        + "', which " + t.name("must_include") + " asks for"));
            }
        }
        Optional<ArrangeTarget.RadioEdit> radio = t.section("radio_edit", RADIO_EDIT, false).map(r ->
                new ArrangeTarget.RadioEdit(r.number("max_seconds", NumberRange.above(0)),
                        sectionIds(r, "keep", ids, p)));
        List<ArrangeTarget.Level> arc = t.value("arc").map(n -> arc(n, t.name("arc"), p)).orElse(List.of());
        Optional<ArrangeTarget.Contrast> contrast = t.section("contrast", CONTRAST, false).map(c -> {
            String section = c.text("section");
            c.value("section").ifPresent(n -> checkId(n, c.name("section"), section, ids, p));
            String dir = c.optionalText("direction").orElse("either");
            ArrangeTarget.Direction direction = ArrangeTarget.Direction.EITHER;
            try {
                direction = ArrangeTarget.Direction.valueOf(dir.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                c.value("direction").ifPresent(n -> p.at(n, c.name("direction") + " is quieter, louder or either,"
                        + " found '" + dir + "'"));
            }
            return new ArrangeTarget.Contrast(section, c.number("min_lu", NumberRange.between(0.1, 40)),
                    c.whole("min_stems", 0, NumberRange.between(0, 64)), direction);
        });
        return new ArrangeTarget(max, firstChorus, min, include, exclude, radio, arc, contrast);
    }

    private static List<ArrangeTarget.Level> arc(Node n, String path, Problems p) {
        if (n instanceof ScalarNode) {
            Optional<String> shape = Values.text(n, path, p);
            if (shape.isEmpty()) {
                return List.of();
            }
            switch (shape.get()) {
                case "rising":
                    return List.of(ArrangeTarget.Level.LOW, ArrangeTarget.Level.MID, ArrangeTarget.Level.HIGH);
                case "falling":
                    return List.of(ArrangeTarget.Level.HIGH, ArrangeTarget.Level.MID, ArrangeTarget.Level.LOW);
                default:
                    p.at(n, path + " is 'rising', 'falling' or a list of low, mid, high; found '" + shape.get() + "'");
                    return List.of();
            }
        }
        List<Optional<ArrangeTarget.Level>> read = levels(n, path, p);
        if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode && read.size() < 2) {
            p.at(n, path + " needs at least 2 points, found " + read.size());
        }
        return read.stream().flatMap(Optional::stream).toList();
    }

    private static List<Optional<ArrangeTarget.Level>> levels(Node n, String path, Problems p) {
        if (!(n instanceof org.yaml.snakeyaml.nodes.SequenceNode seq)) {
            p.at(n, path + " is 'rising', 'falling' or a list of low, mid, high; found " + Values.describe(n));
            return List.of();
        }
        List<Optional<ArrangeTarget.Level>> out = new ArrayList<>();
        int i = 1;
        for (Node item : seq.getValue()) {
            String where = path + "[" + i++ + "]";
            out.add(Values.text(item, where, p).flatMap(s -> {
                try {
                    return Optional.of(ArrangeTarget.Level.valueOf(s.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    p.at(item, where + " is low, mid or high, found '" + s + "'");
                    return Optional.empty();
                }
            }));
        }
        return out;
    }

    private static List<String> sectionIds(Fields f, String key, List<String> ids, Problems p) {
        return f.optionalList(key, (n, w) -> Values.text(n, w, p).map(id -> {
            checkId(n, w, id, ids, p);
            return id;
        }));
    }

    private static void checkId(Node n, String where, String id, List<String> ids, Problems p) {
        if (!id.isEmpty() && !ids.contains(id)) {
            p.at(n, "unknown section '" + id + "' in " + where
                    + ClosestName.to(id, ids).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (this lesson has: " + String.join(", ", ids) + ")");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
