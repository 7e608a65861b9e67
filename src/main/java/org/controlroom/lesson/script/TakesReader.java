package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.controlroom.analysis.take.SungNote;
import org.controlroom.analysis.take.TakeFlaw;
import org.controlroom.analysis.take.TakeSynth;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code takes:} section: phrases of recorded takes (assets), or of takes generated from a
 * song's melody with flaws at known amounts, and the direction questions asked after the session.
 */
final class TakesReader implements SectionReader {
    static final List<String> FIELDS = List.of("reference_hz", "bpm", "song", "phrases", "questions");
    static final List<String> PHRASE = List.of("id", "name", "melody_s", "takes");
    static final List<String> TAKE = List.of("id", "asset", "generate");
    static final List<String> GENERATE = List.of("voice", "seed", "flaws");
    static final List<String> FLAW = List.of("pitch_cents", "drift_cents", "entry_ms", "rush_ms", "clip_db", "noise_dbfs",
            "cough_s", "gap_note", "note");
    static final List<String> QUESTION = List.of("id", "prompt", "options", "answer", "explain");
    static final List<String> OPTION = List.of("id", "label");

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public LessonSection read(Fields f, AssetResolver assets) {
        Problems p = f.problems();
        double referenceHz = f.number("reference_hz", 440, NumberRange.between(400, 480));
        Optional<Song> song = f.value("song").flatMap(n -> song(n, f.name("song"), assets, p));
        double bpm = song.isPresent() && !f.has("bpm") ? song.get().tempoBpm()
                : f.number("bpm", NumberRange.between(40, 240));
        UniqueNames phraseNames = new UniqueNames("phrase name", p);
        UniqueNames takeIds = new UniqueNames("take id", p);
        UniqueNames phraseIds = new UniqueNames("phrase id", p);
        List<Phrase> phrases = f.list("phrases", 1, Fields.mapping(PHRASE, p, ph -> {
            String id = phraseId(ph, phraseIds);
            String name = phraseNames.take(ph, "name");
            List<SungNote> melody = List.of();
            Optional<Double> songS = Optional.empty();
            double length = 0;
            if (ph.has("melody_s")) {
                Node n = ph.value("melody_s").orElseThrow();
                Optional<double[]> window = window(n, ph.name("melody_s"), p);
                if (song.isEmpty()) {
                    p.at(n, ph.name("melody_s") + " needs the section's song (takes.song)");
                } else if (window.isPresent()) {
                    double from = window.get()[0];
                    length = window.get()[1] - from;
                    // the notes that start and end inside the window
                    melody = song.get().melody().stream().filter(m -> m.onsetSeconds() >= from
                            && m.onsetSeconds() + m.seconds() <= window.get()[1])
                            .map(m -> new SungNote(m.onsetSeconds() - from, m.seconds(), m.midi())).toList();
                    if (melody.isEmpty()) {
                        p.at(n, ph.name("melody_s") + ": the song's melody has no note from " + from + " to "
                                + window.get()[1] + " s");
                    }
                    songS = Optional.of(from);
                }
            }
            List<SungNote> notes = melody;
            double len = length;
            List<Take> takes = ph.list("takes", 2, Fields.mapping(TAKE, p, t -> take(t, takeIds.take(t, "id"), id, notes,
                    len, assets, p)));
            return new Phrase(id, name, takes, melody, songS);
        }));
        List<TakesSection.DirectionQuestion> questions = f.optionalList("questions", Fields.mapping(QUESTION, p, q -> {
            String qid = q.text("id");
            q.value("id").ifPresent(n -> LessonReader.checkId(qid, n, q.name("id"), p));
            UniqueNames optionIds = new UniqueNames("option id", p);
            List<TakesSection.Option> options = q.list("options", 2, Fields.mapping(OPTION, p,
                    o -> new TakesSection.Option(optionIds.take(o, "id"), o.text("label"))));
            String answer = q.text("answer");
            if (!answer.isEmpty() && options.stream().noneMatch(o -> o.id().equals(answer))) {
                p.at(q.value("answer").orElseThrow(), q.name("answer") + ": '" + answer + "' is not one of the options ("
                        + String.join(", ", options.stream().map(TakesSection.Option::id).toList()) + ")");
            }
            return new TakesSection.DirectionQuestion(qid, q.text("prompt"), options, answer,
                    q.optionalText("explain").orElse(""));
        }));
        return new TakesSection(referenceHz, bpm, phrases, song, questions);
    }

    /** The song by id: its manifest in audio-assets/songs/ID/ (found through its reference mix). */
    private static Optional<Song> song(Node n, String field, AssetResolver assets, Problems p) {
        Optional<String> id = Values.text(n, field, p);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (!id.get().matches("[a-z0-9][a-z0-9-]*")) {
            p.at(n, field + ": '" + id.get() + "' is not a song id (see 'songs list')");
            return Optional.empty();
        }
        Optional<AssetSource> mix = assets.resolve("songs/" + id.get() + "/mix.ogg", n, field, p);
        if (mix.isEmpty()) {
            return Optional.empty();
        }
        Path manifest = mix.get().resolved().getParent().resolve(SongLoader.FILE_NAME);
        try {
            return Optional.of(SongLoader.load(manifest));
        } catch (ScriptException e) {
            p.at(n, field + ": the song '" + id.get() + "' does not load: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<double[]> window(Node n, String field, Problems p) {
        if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2) {
            p.at(n, field + " must be [from, to] in seconds of the song, found " + Values.describe(n));
            return Optional.empty();
        }
        Optional<Double> a = Values.number(seq.getValue().get(0), field + "[1]", NumberRange.between(0, 3600), p);
        Optional<Double> b = Values.number(seq.getValue().get(1), field + "[2]", NumberRange.between(0, 3600), p);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        if (b.get() - a.get() < 0.5 || b.get() - a.get() > 60) {
            p.at(n, field + ": a phrase is 0.5 to 60 s long, this is " + (b.get() - a.get()) + " s");
            return Optional.empty();
        }
        return Optional.of(new double[] {a.get(), b.get()});
    }

    private static Take take(Fields t, String id, String phraseId, List<SungNote> notes, double length,
                             AssetResolver assets, Problems p) {
        boolean asset = t.has("asset");
        boolean generate = t.has("generate");
        if (asset == generate) {
            p.at(t.node(), t.path() + " needs either asset (a recording) or generate (a take made from the melody)");
            return new Take(id, new AssetSource("", p.file()));
        }
        if (asset) {
            return new Take(id, t.required("asset").flatMap(n -> assets.resolve(n, t.name("asset"), p))
                    .orElse(new AssetSource("", p.file())));
        }
        Fields g = t.section("generate", GENERATE, true).orElse(Fields.empty(t.node(), t.name("generate"), p));
        if (notes.isEmpty()) {
            p.at(g.node(), t.name("generate") + " needs the phrase's melody (melody_s, with takes.song)");
        }
        TakeSynth.Voice voice = TakeSynth.Voice.VOICE;
        Optional<String> v = g.optionalText("voice");
        if (v.isPresent()) {
            switch (v.get()) {
                case "voice" -> voice = TakeSynth.Voice.VOICE;
                case "cello" -> voice = TakeSynth.Voice.CELLO;
                default -> p.at(g.value("voice").orElseThrow(), g.name("voice") + ": '" + v.get()
                        + "' is not a voice (voice, cello)");
            }
        }
        long seed = g.whole("seed", Math.abs((phraseId + "/" + id).hashCode() % 100000), NumberRange.between(0, 1_000_000));
        List<TakeFlaw> flaws = g.optionalList("flaws", Fields.mapping(FLAW, p, fl -> flaw(fl, notes.size(), p)))
                .stream().flatMap(Optional::stream).toList();
        return new Take(id, new AssetSource("", p.file()),
                Optional.of(new TakeRecipe(notes, length, voice, flaws, seed)));
    }

    private static Optional<TakeFlaw> flaw(Fields f, int notes, Problems p) {
        List<String> kinds = FLAW.stream().filter(k -> !k.equals("note") && f.has(k)).toList();
        if (kinds.size() != 1) {
            p.at(f.node(), f.path() + " needs exactly one of " + String.join(", ", FLAW.subList(0, FLAW.size() - 1))
                    + " (and note where it applies to one note)");
            return Optional.empty();
        }
        String kind = kinds.get(0);
        OptionalInt note = OptionalInt.empty();
        if (f.has("note")) {
            if (!List.of("pitch_cents", "entry_ms", "clip_db").contains(kind)) {
                p.at(f.value("note").orElseThrow(), f.name("note") + " does not go with " + kind);
            }
            int n = f.whole("note", 1, NumberRange.between(1, Math.max(1, notes)));
            note = OptionalInt.of(n - 1);
        }
        return Optional.of(switch (kind) {
            case "pitch_cents" -> new TakeFlaw.Pitch(f.number("pitch_cents", NumberRange.between(-45, 45)), note);
            case "drift_cents" -> new TakeFlaw.Drift(f.number("drift_cents", NumberRange.between(-60, 60)));
            case "entry_ms" -> new TakeFlaw.Entry(f.number("entry_ms", NumberRange.between(-300, 300)), note);
            case "rush_ms" -> new TakeFlaw.Rush(f.number("rush_ms", NumberRange.between(-300, 300)));
            case "clip_db" -> {
                if (note.isEmpty()) {
                    p.at(f.node(), f.path() + ": clip_db needs the note it clips (note: N)");
                }
                yield new TakeFlaw.Clip(note.orElse(0), f.number("clip_db", NumberRange.between(0.5, 24)));
            }
            case "noise_dbfs" -> new TakeFlaw.Noise(f.number("noise_dbfs", NumberRange.between(-90, -10)));
            case "cough_s" -> new TakeFlaw.Cough(f.number("cough_s", NumberRange.between(0, 60)));
            case "gap_note" -> new TakeFlaw.Gap(f.whole("gap_note", NumberRange.between(1, Math.max(1, notes))) - 1);
            default -> throw new IllegalStateException(kind);
        });
    }

    /** The phrase's id: given, or (older files) a slug of its name: "Hook, held A" is hook-held-a. */
    private static String phraseId(Fields ph, UniqueNames ids) {
        if (ph.has("id")) {
            String id = ids.take(ph, "id");
            ph.value("id").ifPresent(n -> LessonReader.checkId(id, n, ph.name("id"), ph.problems()));
            return id;
        }
        return Phrase.slug(ph.optionalText("name").orElse(""));
    }
}
