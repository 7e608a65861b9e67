package org.controlroom.lesson.script;

import java.util.List;

/** Reads a {@code takes:} section. */
final class TakesReader implements SectionReader {
    static final List<String> FIELDS = List.of("reference_hz", "bpm", "phrases");
    static final List<String> PHRASE = List.of("id", "name", "takes");
    static final List<String> TAKE = List.of("id", "asset");

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public LessonSection read(Fields f, AssetResolver assets) {
        Problems p = f.problems();
        double referenceHz = f.number("reference_hz", 440, NumberRange.between(400, 480));
        double bpm = f.number("bpm", NumberRange.between(40, 240));
        UniqueNames phraseNames = new UniqueNames("phrase name", p);
        UniqueNames takeIds = new UniqueNames("take id", p);
        UniqueNames phraseIds = new UniqueNames("phrase id", p);
        List<Phrase> phrases = f.list("phrases", 1, Fields.mapping(PHRASE, p, ph -> new Phrase(
                phraseId(ph, phraseIds), phraseNames.take(ph, "name"),
                ph.list("takes", 2, Fields.mapping(TAKE, p, t -> new Take(takeIds.take(t, "id"),
                        t.required("asset").flatMap(n -> assets.resolve(n, t.name("asset"), p))
                                .orElse(new AssetSource("", p.file()))))))));
        return new TakesSection(referenceHz, bpm, phrases);
    }

    /** The phrase's id: given, or (older files) a slug of its name: "Hook, held A" is hook-held-a. */
    private static String phraseId(Fields ph, UniqueNames ids) {
        if (ph.has("id")) {
            String id = ids.take(ph, "id");
            ph.value("id").ifPresent(n -> LessonReader.checkId(id, n, ph.name("id"), ph.problems()));
            return id;
        }
        String slug = Phrase.slug(ph.optionalText("name").orElse(""));
        return slug;
    }
}
