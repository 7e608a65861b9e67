package org.controlroom.lesson.script;

import java.util.List;

/** Reads an {@code arrange:} section. */
final class ArrangeReader implements SectionReader {
    static final List<String> FIELDS = List.of("bpm", "beats_per_bar", "stems", "sections", "target");
    static final List<String> STEM = List.of("name", "asset");
    static final List<String> SECTION = List.of("id", "name", "bars", "energy");
    static final List<String> TARGET = List.of("max_seconds", "first_chorus_by_seconds");

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
                        .orElse(new AssetSource("", p.file())))));
        UniqueNames sectionIds = new UniqueNames("section id", p);
        List<SongSection> sections = f.list("sections", 2, Fields.mapping(SECTION, p, s -> new SongSection(
                sectionIds.take(s, "id"), s.text("name"), s.whole("bars", NumberRange.between(1, 256)),
                s.number("energy", NumberRange.between(0, 1)))));
        ArrangeTarget target = f.section("target", TARGET, true)
                .map(t -> new ArrangeTarget(t.number("max_seconds", NumberRange.above(0)),
                        t.number("first_chorus_by_seconds", NumberRange.above(0))))
                .orElse(new ArrangeTarget(1, 1));
        return new ArrangeSection(bpm, beatsPerBar, stems, sections, target);
    }
}
