package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.controlroom.dsp.FilterType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The shipped session kinds' plan readers: names are checked against the lesson's section. */
final class PlanReaders {

    private PlanReaders() {
    }

    /** Reads a kind's part of a plan; the node may be a mapping or (arrange) a list. */
    interface PlanSectionReader {
        LessonPlan read(Node node, String path, Problems problems, LessonSection section);
    }

    static final List<String> TRACK = List.of("gain_db", "pan", "mute", "solo", "bus", "eq", "comp");
    static final List<String> EQ_BAND = List.of("type", "hz", "gain_db", "q");
    static final List<String> COMP = List.of("threshold_db", "ratio", "attack_ms", "release_ms", "knee_db", "makeup_db");
    static final List<String> MIX = List.of("tracks", "buses", "master");
    static final List<String> MASTER = List.of("gain_db", "limiter");
    static final List<String> LIMITER = List.of("on", "ceiling_dbtp");
    static final List<String> BUS = List.of("gain_db");
    static final List<String> ARRANGE_ENTRY = List.of("section", "stems", "bars");
    static final List<String> TAKES = List.of("comp", "crossfade_ms", "answers");
    static final List<String> PIECE = List.of("take", "until_s");
    private static final NumberRange GAIN = NumberRange.between(-60, 24);

    static final class Mix implements PlanSectionReader {
        @Override
        public LessonPlan read(Node node, String path, Problems p, LessonSection section) {
            MixSection mix = (MixSection) section;
            Optional<Fields> f = Fields.of(node, path, MIX, p);
            if (f.isEmpty()) {
                return LessonPlan.NONE;
            }
            List<String> trackNames = mix.tracks().stream().map(MixTrack::name).toList();
            Map<String, MixPlan.TrackPlan> tracks = new LinkedHashMap<>();
            f.get().value("tracks").ifPresent(n -> eachNamed(n, f.get().name("tracks"), trackNames, "track", p,
                    (name, value, where) -> Fields.of(value, where, TRACK, p)
                            .ifPresent(t -> tracks.put(name, track(t, mix.buses(), p)))));
            Map<String, Double> buses = new LinkedHashMap<>();
            f.get().value("buses").ifPresent(n -> eachNamed(n, f.get().name("buses"), mix.buses(), "bus", p,
                    (name, value, where) -> Fields.of(value, where, BUS, p)
                            .ifPresent(b -> b.optionalNumber("gain_db", GAIN).ifPresent(g -> buses.put(name, g)))));
            Optional<Double> masterGain = Optional.empty();
            Optional<Boolean> limiterOn = Optional.empty();
            Optional<Double> ceiling = Optional.empty();
            Optional<Fields> master = f.get().section("master", MASTER, false);
            if (master.isPresent()) {
                masterGain = master.get().optionalNumber("gain_db", GAIN);
                Optional<Fields> lim = master.get().section("limiter", LIMITER, false);
                if (lim.isPresent()) {
                    limiterOn = bool(lim.get(), "on");
                    ceiling = lim.get().optionalNumber("ceiling_dbtp", NumberRange.between(-20, 0));
                }
            }
            return new MixPlan(tracks, buses, masterGain, limiterOn, ceiling);
        }

        private static MixPlan.TrackPlan track(Fields t, List<String> buses, Problems p) {
            Optional<Optional<String>> bus = Optional.empty();
            Optional<Node> busNode = t.value("bus");
            if (busNode.isPresent()) {
                if (Tag.NULL.equals(busNode.get().getTag())) {
                    bus = Optional.of(Optional.empty());
                } else {
                    Optional<String> name = Values.text(busNode.get(), t.name("bus"), p);
                    if (name.isPresent()) {
                        if (buses.contains(name.get())) {
                            bus = Optional.of(name);
                        } else {
                            unknown(busNode.get(), t.name("bus"), "bus", name.get(), buses, p);
                        }
                    }
                }
            }
            Optional<List<MixPlan.EqBandPlan>> eq = t.has("eq")
                    ? Optional.of(t.optionalList("eq", Fields.mapping(EQ_BAND, p, b -> eqBand(b, p)))) : Optional.empty();
            eq.ifPresent(bands -> {
                if (bands.size() > 4) {
                    p.at(t.value("eq").orElseThrow(), t.name("eq") + " has " + bands.size() + " bands; a channel EQ has 4");
                }
            });
            Optional<MixPlan.CompPlan> comp = t.section("comp", COMP, false).map(c -> new MixPlan.CompPlan(
                    c.number("threshold_db", -18, NumberRange.between(-60, 0)),
                    c.number("ratio", 2, NumberRange.between(1, 20)),
                    c.number("attack_ms", 10, NumberRange.between(0.1, 200)),
                    c.number("release_ms", 100, NumberRange.between(5, 2000)),
                    c.number("knee_db", 6, NumberRange.between(0, 24)),
                    c.number("makeup_db", 0, NumberRange.between(0, 24))));
            return new MixPlan.TrackPlan(t.optionalNumber("gain_db", GAIN), t.optionalNumber("pan", NumberRange.between(-1, 1)),
                    bool(t, "mute"), bool(t, "solo"), bus, eq, comp);
        }

        private static MixPlan.EqBandPlan eqBand(Fields b, Problems p) {
            String type = b.text("type");
            List<String> types = java.util.Arrays.stream(FilterType.values()).map(FilterType::cliName).toList();
            if (!type.isEmpty() && !types.contains(type)) {
                p.at(b.value("type").orElseThrow(), "unknown EQ type '" + type + "' in " + b.name("type")
                        + ClosestName.to(type, types).map(x -> "; did you mean '" + x + "'?").orElse("")
                        + " (types: " + String.join(", ", types) + ")");
            }
            return new MixPlan.EqBandPlan(type, b.number("hz", NumberRange.between(20, 20000)),
                    b.number("gain_db", 0, NumberRange.between(-24, 24)), b.number("q", 0.707, NumberRange.between(0.1, 18)));
        }
    }

    static final class Arrange implements PlanSectionReader {
        @Override
        public LessonPlan read(Node node, String path, Problems p, LessonSection section) {
            ArrangeSection arrange = (ArrangeSection) section;
            if (!(node instanceof SequenceNode seq)) {
                p.at(node, path + " must be a list of sections in play order, found " + Values.describe(node));
                return LessonPlan.NONE;
            }
            if (seq.getValue().isEmpty()) {
                p.at(node, path + " needs at least one section");
            }
            List<String> sectionIds = arrange.sections().stream().map(SongSection::id).toList();
            List<String> stemNames = arrange.stems().stream().map(Stem::name).toList();
            List<ArrangePlan.Entry> entries = new ArrayList<>();
            int i = 1;
            for (Node item : seq.getValue()) {
                String where = path + "[" + i++ + "]";
                Fields.of(item, where, ARRANGE_ENTRY, p).ifPresent(e -> {
                    String id = e.text("section");
                    Optional<SongSection> s = arrange.sections().stream().filter(x -> x.id().equals(id)).findFirst();
                    if (!id.isEmpty() && s.isEmpty()) {
                        unknown(e.value("section").orElseThrow(), e.name("section"), "section", id, sectionIds, p);
                    }
                    Optional<List<String>> stems = Optional.empty();
                    if (e.has("stems")) {
                        List<String> names = e.optionalList("stems", (n, w) -> Values.text(n, w, p).map(name -> {
                            if (!stemNames.contains(name)) {
                                unknown(n, w, "stem", name, stemNames, p);
                            }
                            return name;
                        }));
                        stems = Optional.of(List.copyOf(new LinkedHashSet<>(names)));
                    }
                    Optional<Integer> bars = e.value("bars").flatMap(n -> Values.whole(n, e.name("bars"),
                            NumberRange.between(1, s.map(SongSection::bars).orElse(256)), p));
                    entries.add(new ArrangePlan.Entry(id, stems, bars));
                });
            }
            return new ArrangePlan(entries);
        }
    }

    static final class Takes implements PlanSectionReader {
        @Override
        public LessonPlan read(Node node, String path, Problems p, LessonSection section) {
            TakesSection takes = (TakesSection) section;
            Optional<Fields> f = Fields.of(node, path, TAKES, p);
            if (f.isEmpty()) {
                return LessonPlan.NONE;
            }
            List<String> phraseIds = takes.phrases().stream().map(Phrase::id).toList();
            Map<String, List<TakesPlan.Piece>> comp = new LinkedHashMap<>();
            f.get().value("comp").ifPresent(n -> eachNamed(n, f.get().name("comp"), phraseIds, "phrase", p,
                    (id, value, where) -> {
                        Phrase phrase = takes.phrases().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                        List<String> takeIds = phrase.takes().stream().map(Take::id).toList();
                        comp.put(id, pieces(value, where, takeIds, p));
                    }));
            Optional<Double> crossfade = f.get().optionalNumber("crossfade_ms", NumberRange.between(0, 200));
            Map<String, String> answers = new LinkedHashMap<>();
            f.get().value("answers").ifPresent(n -> eachNamed(n, f.get().name("answers"),
                    takes.questions().stream().map(TakesSection.DirectionQuestion::id).toList(), "question", p,
                    (q, value, where) -> Values.text(value, where, p).ifPresent(a -> answers.put(q, a))));
            return new TakesPlan(comp, crossfade, answers);
        }

        private static List<TakesPlan.Piece> pieces(Node value, String where, List<String> takeIds, Problems p) {
            if (value instanceof ScalarNode) {
                return Values.text(value, where, p).map(t -> {
                    if (!takeIds.contains(t)) {
                        unknown(value, where, "take", t, takeIds, p);
                    }
                    return List.of(new TakesPlan.Piece(t, Optional.empty()));
                }).orElse(List.of());
            }
            if (!(value instanceof SequenceNode seq)) {
                p.at(value, where + " must be a take id or a list of {take, until_s}, found " + Values.describe(value));
                return List.of();
            }
            List<TakesPlan.Piece> pieces = new ArrayList<>();
            double last = 0;
            int i = 1;
            for (Node item : seq.getValue()) {
                String w = where + "[" + i + "]";
                Optional<Fields> pf = Fields.of(item, w, PIECE, p);
                if (pf.isEmpty()) {
                    i++;
                    continue;
                }
                String take = pf.get().text("take");
                if (!take.isEmpty() && !takeIds.contains(take)) {
                    unknown(pf.get().value("take").orElseThrow(), pf.get().name("take"), "take", take, takeIds, p);
                }
                Optional<Double> until = pf.get().optionalNumber("until_s", NumberRange.above(0));
                boolean lastPiece = i == seq.getValue().size();
                if (until.isEmpty() && !lastPiece) {
                    p.at(item, w + " needs until_s: only the last piece plays to the end of the phrase");
                }
                if (until.isPresent()) {
                    if (until.get() <= last) {
                        p.at(pf.get().value("until_s").orElseThrow(), pf.get().name("until_s")
                                + " must be later than the piece before (" + last + " s)");
                    }
                    last = until.get();
                }
                pieces.add(new TakesPlan.Piece(take, until));
                i++;
            }
            if (pieces.isEmpty()) {
                p.at(value, where + " needs at least one piece");
            }
            return pieces;
        }
    }

    /** Calls {@code each} for every entry of a name → value mapping whose name is one of {@code known}. */
    private static void eachNamed(Node n, String path, List<String> known, String what, Problems p, NamedEntry each) {
        if (!(n instanceof MappingNode map)) {
            p.at(n, path + " must be a mapping of " + what + " name to settings, found " + Values.describe(n));
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple t : map.getValue()) {
            Optional<String> name = Values.text(t.getKeyNode(), path + " " + what + " name", p);
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(name.get())) {
                p.at(t.getKeyNode(), "duplicate key '" + name.get() + "' in " + path);
                continue;
            }
            if (!known.contains(name.get())) {
                unknown(t.getKeyNode(), path, what, name.get(), known, p);
                continue;
            }
            each.accept(name.get(), t.getValueNode(), path + "." + name.get());
        }
    }

    @FunctionalInterface
    private interface NamedEntry {
        void accept(String name, Node value, String where);
    }

    private static Optional<Boolean> bool(Fields f, String key) {
        return f.value(key).flatMap(n -> {
            if (n instanceof ScalarNode s && Tag.BOOL.equals(n.getTag())) {
                return Optional.of(Set.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase(java.util.Locale.ROOT)));
            }
            f.problems().at(n, f.name(key) + " must be true or false, found " + Values.describe(n));
            return Optional.empty();
        });
    }

    private static void unknown(Node at, String path, String what, String name, List<String> known, Problems p) {
        p.at(at, "unknown " + what + " '" + name + "' in " + path
                + ClosestName.to(name, known).map(s -> "; did you mean '" + s + "'?").orElse("")
                + (known.isEmpty() ? " (this lesson has none)" : " (this lesson has: " + String.join(", ", known) + ")"));
    }
}
