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
    static final List<String> FIELDS = List.of("tracks", "buses", "reference", "target", "balance");
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
        return new MixSection(tracks, buses, reference, target, balance);
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
