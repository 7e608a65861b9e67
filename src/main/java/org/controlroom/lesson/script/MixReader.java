package org.controlroom.lesson.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads a {@code mix:} section. */
final class MixReader implements SectionReader {
    static final List<String> FIELDS = List.of("tracks", "buses", "reference", "target", "balance", "anchor",
            "tolerance_db", "panning", "dynamics", "masking", "target_curve", "spectrum_tolerance_db", "start");
    static final List<String> PANNING = List.of("tracks", "tolerance");
    static final List<String> DYNAMICS = List.of("track", "max_lu", "tolerance_lu");
    static final List<String> MASKING = List.of("tracks", "max", "tolerance");
    static final List<String> TRACK = List.of("name", "asset", "gain_db", "pan");
    static final List<String> TARGET = List.of("integrated_lufs", "true_peak_dbtp");
    private static final NumberRange GAIN = NumberRange.between(-24, 24);

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public LessonSection read(Fields f, AssetResolver assets) {
        Problems p = f.problems();
        UniqueNames names = new UniqueNames("track name", p);
        List<MixTrack> tracks = f.list("tracks", 1, Fields.mapping(TRACK, p, t -> new MixTrack(
                names.take(t, "name"),
                t.required("asset").flatMap(n -> assets.resolve(n, t.name("asset"), p))
                        .orElse(new AssetSource("", f.problems().file())),
                t.number("gain_db", 0, GAIN), t.number("pan", 0, NumberRange.between(-1, 1)))));
        UniqueNames busNames = new UniqueNames("bus name", p);
        List<String> buses = f.optionalList("buses", (n, w) -> Values.text(n, w, p).map(name -> {
            if (!LessonReader.ID.matcher(name).matches()) {
                p.at(n, w + " '" + name + "' must be lower-case letters, digits and '-'");
            } else if (busNames.contains(name) || names.contains(name)) {
                p.at(n, "duplicate name '" + name + "' in " + w.replaceAll("\\[\\d+]$", "")
                        + " (a bus needs a name of its own)");
            }
            return name;
        }));
        Optional<AssetSource> reference = f.value("reference")
                .flatMap(n -> assets.resolve(n, f.name("reference"), p));
        MixTarget target = f.section("target", TARGET, true)
                .map(t -> new MixTarget(t.number("integrated_lufs", NumberRange.between(-40, 0)),
                        t.number("true_peak_dbtp", NumberRange.between(-20, 0))))
                .orElse(new MixTarget(-14, -1));
        Map<String, Double> balance = new LinkedHashMap<>();
        f.value("balance").ifPresent(n -> {
            if (n instanceof MappingNode map) {
                readBalance(map, f.name("balance"), names, balance, p);
            } else {
                p.at(n, f.name("balance") + " must be a mapping of track name to dB, found " + Values.describe(n));
            }
        });
        String anchor = MixSection.defaultAnchor(tracks, balance);
        Optional<Node> anchorNode = f.value("anchor");
        if (anchorNode.isPresent()) {
            String a = f.text("anchor");
            if (!a.isEmpty() && !names.contains(a)) {
                p.at(anchorNode.get(), f.name("anchor") + " names a track that is not in tracks: '" + a + "'");
            } else if (!a.isEmpty()) {
                anchor = a;
            }
        }
        double tolerance = f.number("tolerance_db", MixSection.DEFAULT_TOLERANCE_DB, NumberRange.between(0.1, 12));
        MixSection.Panning panning = f.section("panning", PANNING, false).map(pf -> {
            Map<String, Double> pos = new LinkedHashMap<>();
            pf.value("tracks").ifPresent(n -> readTrackNumbers(n, pf.name("tracks"), names, pos,
                    NumberRange.between(-100, 100), p));
            return new MixSection.Panning(pos, pf.number("tolerance", 15, NumberRange.between(1, 100)));
        }).orElse(MixSection.Panning.NONE);
        Optional<MixSection.Dynamics> dynamics = f.section("dynamics", DYNAMICS, false).map(d -> {
            String track = trackName(d, "track", names, p);
            return new MixSection.Dynamics(track, d.number("max_lu", NumberRange.between(0.5, 40)),
                    d.number("tolerance_lu", 1, NumberRange.between(0.1, 20)));
        });
        Optional<MixSection.MaskingTarget> masking = f.section("masking", MASKING, false).map(m -> {
            List<String> pair = m.list("tracks", 2, (n, w) -> Values.text(n, w, p).map(name -> {
                if (!names.contains(name)) {
                    p.at(n, w + " names a track that is not in tracks: '" + name + "'");
                }
                return name;
            }));
            if (pair.size() != 2) {
                p.at(m.value("tracks").orElse(m.node()), m.name("tracks") + " must name exactly two tracks");
            }
            return new MixSection.MaskingTarget(pair.isEmpty() ? "" : pair.get(0), pair.size() < 2 ? "" : pair.get(1),
                    m.number("max", NumberRange.between(0, 1)), m.number("tolerance", 0.1, NumberRange.between(0.01, 1)));
        });
        Map<Double, Double> curve = new java.util.TreeMap<>();
        f.value("target_curve").ifPresent(n -> {
            if (n instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    String where = f.name("target_curve");
                    Optional<Double> hz = Values.number(t.getKeyNode(), where + " band (Hz)", NumberRange.between(20, 20000), p);
                    Optional<Double> db = Values.number(t.getValueNode(), where + "." + hz.map(String::valueOf).orElse("?"),
                            NumberRange.between(-60, 60), p);
                    if (hz.isPresent() && db.isPresent()) {
                        curve.put(hz.get(), db.get());
                    }
                }
            } else {
                p.at(n, f.name("target_curve") + " must be a mapping of band Hz to dB, found " + Values.describe(n));
            }
        });
        MixSection plain = new MixSection(tracks, buses, reference, target, balance);
        Optional<MixPlan> start = f.value("start").map(n -> new PlanReaders.Mix().read(n, f.name("start"), p, plain))
                .filter(MixPlan.class::isInstance).map(MixPlan.class::cast);
        double spectrumTolerance = f.number("spectrum_tolerance_db", MixSection.DEFAULT_SPECTRUM_TOLERANCE_DB,
                NumberRange.between(0.1, 6));
        return new MixSection(tracks, buses, reference, target, balance, anchor, tolerance, panning, dynamics, masking,
                curve, spectrumTolerance, start);
    }

    private static String trackName(Fields f, String key, UniqueNames names, Problems p) {
        String name = f.text(key);
        if (!name.isEmpty() && !names.contains(name)) {
            p.at(f.value(key).orElseThrow(), f.name(key) + " names a track that is not in tracks: '" + name + "'");
        }
        return name;
    }

    private static void readTrackNumbers(Node n, String path, UniqueNames tracks, Map<String, Double> out,
                                         NumberRange range, Problems p) {
        if (!(n instanceof MappingNode map)) {
            p.at(n, path + " must be a mapping of track name to a number, found " + Values.describe(n));
            return;
        }
        for (NodeTuple t : map.getValue()) {
            Optional<String> name = Values.text(t.getKeyNode(), path + " track name", p);
            if (name.isEmpty()) {
                continue;
            }
            if (!tracks.contains(name.get())) {
                p.at(t.getKeyNode(), path + "." + name.get() + " names a track that is not in tracks");
                continue;
            }
            Values.number(t.getValueNode(), path + "." + name.get(), range, p).ifPresent(v -> out.put(name.get(), v));
        }
    }

    private static void readBalance(MappingNode map, String path, UniqueNames tracks, Map<String, Double> balance,
                                    Problems p) {
        for (NodeTuple t : map.getValue()) {
            Node key = t.getKeyNode();
            Optional<String> name = Values.text(key, path + " track name", p);
            if (name.isEmpty()) {
                continue;
            }
            String field = path + "." + name.get();
            if (balance.containsKey(name.get())) {
                p.at(key, "duplicate key '" + name.get() + "' in " + path);
                continue;
            }
            if (!tracks.contains(name.get())) {
                p.at(key, field + " names a track that is not in tracks");
                continue;
            }
            Values.number(t.getValueNode(), field, GAIN, p).ifPresent(v -> balance.put(name.get(), v));
        }
    }
}
