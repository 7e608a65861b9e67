package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavReader;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a {@code drill:} section. */
final class DrillReader implements SectionReader {
    static final List<String> FIELDS = List.of("exercise", "source", "questions", "clip_seconds", "choices",
            "gain_db", "q", "frequency_hz", "threshold_db", "tolerance", "penalty_per_unit", "target_seconds",
            "excerpt_from_s", "excerpt_to_s", "my_music", "adaptive", "weak_spots", "filter", "bands", "no_change",
            "grid_offset", "adapt_by", "ratio", "attack_ms", "release_ms", "gain_reduction_db", "stems",
            "mode", "tolerance_db", "penalty_per_db", "range_hz", "min_gain_db", "q_range");
    private static final NumberRange GAIN = NumberRange.between(-24, 24);
    private static final NumberRange AUDIBLE = NumberRange.between(20, 20000);

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public LessonSection read(Fields f, AssetResolver assets) {
        Problems problems = f.problems();
        Optional<DrillExercise> exercise = f.required("exercise").flatMap(n -> exercise(n, f, problems));
        DrillExercise ex = exercise.orElse(DrillExercise.EQ_FREQUENCY);
        List<AssetSource> stems = stems(f, assets, problems);
        SoundSource source = (ex == DrillExercise.MIX_LEVEL && !f.has("source") && !stems.isEmpty()
                ? Optional.<SoundSource>of(stems.get(0))
                : f.required("source").flatMap(n -> source(n, f.name("source"), assets, problems)))
                .orElse(new GeneratorSource("pink-noise"));
        int questions = f.whole("questions", NumberRange.between(1, 100));
        double clipSeconds = f.number("clip_seconds", 4, NumberRange.between(1, 30));
        if (source instanceof AssetSource asset) {
            checkLongEnough(asset, clipSeconds, f, problems);
        }
        List<Double> choices = ex == DrillExercise.EQ_MATCH ? noChoices(f, problems)
                : ex == DrillExercise.EQ_BOOST_CUT && !f.has("choices") ? List.of(-1.0, 1.0)
                : f.required("choices").map(n -> choices(n, f.name("choices"), exercise, problems)).orElse(List.of());
        if (ex == DrillExercise.EQ_BOOST_CUT && choices.stream().anyMatch(c -> c != 1 && c != -1)) {
            problems.at(f.value("choices").orElseThrow(), f.name("choices")
                    + " of eq-boost-cut are +1 (boost) and -1 (cut); \"no change\" comes from no_change");
        }
        double gainDb = f.number("gain_db", 12, GAIN);
        if ((ex == DrillExercise.EQ_FREQUENCY || ex == DrillExercise.EQ_MATCH) && gainDb == 0 && f.has("gain_db")) {
            problems.at(f.value("gain_db").orElseThrow(), f.name("gain_db")
                    + " must not be 0 for " + ex.id() + ": a 0 dB band changes nothing to hear");
        }
        double q = f.number("q", 1.4, NumberRange.between(0.1, 20));
        Optional<Double> frequency = f.optionalNumber("frequency_hz", AUDIBLE);
        if (ex == DrillExercise.EQ_GAIN && exercise.isPresent() && !f.has("frequency_hz")) {
            problems.at(f.node(), "missing required field '" + f.name("frequency_hz")
                    + "' (eq-gain needs the band's centre frequency)");
        }
        double threshold = f.number("threshold_db", -24, NumberRange.between(-60, 0));
        double tolerance = f.number("tolerance", 0, NumberRange.atLeast(0));
        double penalty = f.number("penalty_per_unit", ex.defaultPenaltyPerUnit(), NumberRange.atLeast(0));
        double target = f.number("target_seconds", 8, NumberRange.above(0));
        double from = f.number("excerpt_from_s", 0, NumberRange.atLeast(0));
        Optional<Double> to = f.optionalNumber("excerpt_to_s", NumberRange.above(0));
        if (to.isPresent() && to.get() - from < clipSeconds) {
            problems.at(f.value("excerpt_to_s").orElseThrow(), f.name("excerpt_to_s") + " must be at least "
                    + f.name("clip_seconds") + " (" + NumberRange.format(clipSeconds) + " s) after "
                    + f.name("excerpt_from_s") + " (" + NumberRange.format(from) + " s), found "
                    + NumberRange.format(to.get()));
        }
        if ((f.has("excerpt_from_s") || f.has("excerpt_to_s")) && source instanceof GeneratorSource) {
            problems.at(f.value(f.has("excerpt_from_s") ? "excerpt_from_s" : "excerpt_to_s").orElseThrow(),
                    f.name("excerpt_from_s") + "/" + f.name("excerpt_to_s")
                            + " need an audio file source; a generator has no timeline");
        }
        boolean myMusic = f.value("my_music").map(n -> bool(n, f.name("my_music"), problems)).orElse(false);
        boolean adaptive = f.value("adaptive").map(n -> bool(n, f.name("adaptive"), problems)).orElse(false);
        boolean weakSpots = f.value("weak_spots").map(n -> bool(n, f.name("weak_spots"), problems)).orElse(false);
        DrillOptions options = options(f, ex, exercise.isPresent(), choices, adaptive, stems, problems);
        if (adaptive && exercise.isPresent() && !List.of(DrillExercise.EQ_FREQUENCY, DrillExercise.EQ_GAIN,
                DrillExercise.LEVEL, DrillExercise.PAN, DrillExercise.COMPRESSION).contains(ex)) {
            problems.at(f.value("adaptive").orElseThrow(), f.name("adaptive") + ": " + ex.id()
                    + " has no staircase (adaptive drills: eq-frequency, eq-gain, level, pan, compression)");
        }
        if (exercise.isPresent() && ex == DrillExercise.WIDTH && source instanceof GeneratorSource) {
            problems.at(f.value("source").orElseThrow(), f.name("source")
                    + ": width needs a stereo recording (a generator is mono: it has no width to change)");
        }
        return new DrillSection(ex, source, questions, clipSeconds, choices, gainDb, q, frequency, threshold,
                tolerance, penalty, target, from, to, myMusic, adaptive, weakSpots, options);
    }

    private static List<AssetSource> stems(Fields f, AssetResolver assets, Problems problems) {
        if (!f.has("stems")) {
            return List.of();
        }
        Node n = f.value("stems").orElseThrow();
        if (!(n instanceof SequenceNode seq) || seq.getValue().size() < 2) {
            problems.at(n, f.name("stems") + " must be a list of at least 2 audio asset paths (the mix's tracks)");
            return List.of();
        }
        List<AssetSource> out = new ArrayList<>();
        int i = 1;
        for (Node item : seq.getValue()) {
            assets.resolve(item, f.name("stems") + "[" + i++ + "]", problems).ifPresent(out::add);
        }
        return out;
    }

    /** The newer settings, each checked against the exercise it belongs to. */
    private static DrillOptions options(Fields f, DrillExercise ex, boolean known, List<Double> choices,
                                        boolean adaptive, List<AssetSource> stems, Problems problems) {
        DrillOptions d = DrillOptions.DEFAULTS;
        String filter = f.optionalText("filter").orElse(d.filter());
        if (f.has("filter")) {
            Node n = f.value("filter").orElseThrow();
            if (!DrillOptions.FILTERS.contains(filter)) {
                problems.at(n, "unknown " + f.name("filter") + " '" + filter + "'"
                        + ClosestName.to(filter, DrillOptions.FILTERS).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (use one of " + String.join(", ", DrillOptions.FILTERS) + ")");
                filter = d.filter();
            } else if (known && ex != DrillExercise.EQ_FREQUENCY) {
                problems.at(n, f.name("filter") + " belongs to eq-frequency (the band shape whose frequency is asked)");
            }
        }
        int bands = f.whole("bands", 1, NumberRange.between(1, 3));
        if (bands > 1 && known && ex != DrillExercise.EQ_MATCH) {
            Node n = f.value("bands").orElseThrow();
            if (ex != DrillExercise.EQ_FREQUENCY || !filter.equals("peak")) {
                problems.at(n, f.name("bands") + " above 1 needs eq-frequency with peak bands");
            } else if (choices.size() < 2 * bands + 1) {
                problems.at(n, f.name("bands") + ": " + bands + " bands at once need at least " + (2 * bands + 1)
                        + " choices (bands are never neighbours), found " + choices.size());
            }
        }
        double noChange = f.number("no_change", 0, NumberRange.between(0, 0.5));
        if (noChange > 0 && known && (ex.noChangeValue().isEmpty() || bands > 1)) {
            problems.at(f.value("no_change").orElseThrow(), f.name("no_change")
                    + " needs one band of eq-frequency, or eq-boost-cut, or width (found " + ex.id()
                    + (bands > 1 ? " with " + bands + " bands" : "") + ")");
        }
        boolean gridOffset = f.value("grid_offset").map(n -> bool(n, f.name("grid_offset"), problems)).orElse(false);
        if (gridOffset && known && ex != DrillExercise.EQ_FREQUENCY) {
            problems.at(f.value("grid_offset").orElseThrow(), f.name("grid_offset") + " belongs to eq-frequency");
        }
        String adaptBy = f.optionalText("adapt_by").orElse(d.adaptBy());
        if (f.has("adapt_by")) {
            Node n = f.value("adapt_by").orElseThrow();
            if (!DrillOptions.ADAPT_BY.contains(adaptBy)) {
                problems.at(n, "unknown " + f.name("adapt_by") + " '" + adaptBy + "' (use gain or resolution)");
                adaptBy = d.adaptBy();
            } else if (adaptBy.equals("resolution") && known && (ex != DrillExercise.EQ_FREQUENCY || !adaptive
                    || bands > 1 || gridOffset)) {
                problems.at(n, f.name("adapt_by") + ": resolution needs eq-frequency with adaptive: true, one band"
                        + " and no grid_offset (the staircase makes the grid)");
            }
        }
        double ratio = f.number("ratio", d.ratio(), NumberRange.between(1, 30));
        double attack = f.number("attack_ms", d.attackMs(), NumberRange.between(0.1, 500));
        double release = f.number("release_ms", d.releaseMs(), NumberRange.between(5, 5000));
        double depth = f.number("gain_reduction_db", d.gainReductionDb(), NumberRange.between(0.5, 30));
        if (known && ex == DrillExercise.MIX_LEVEL && stems.size() < 2 && !f.has("stems")) {
            problems.at(f.node(), "missing required field '" + f.name("stems")
                    + "' (mix-level moves one of the mix's tracks: list at least 2)");
        }
        if (known && ex != DrillExercise.MIX_LEVEL && f.has("stems")) {
            problems.at(f.value("stems").orElseThrow(), f.name("stems") + " belongs to mix-level");
        }
        MatchSettings match = match(f, ex, known, bands, problems);
        return new DrillOptions(filter, bands, noChange, gridOffset, adaptBy, ratio, attack, release, depth, stems,
                match);
    }

    /** eq-match has no choices: the learner dials the answer. */
    private static List<Double> noChoices(Fields f, Problems problems) {
        if (f.has("choices")) {
            problems.at(f.value("choices").orElseThrow(), f.name("choices")
                    + " do not belong to eq-match: the learner dials frequency, gain and Q (see range_hz, gain_db, q_range)");
        }
        return List.of();
    }

    private static final List<String> MATCH_FIELDS = List.of("mode", "tolerance_db", "penalty_per_db", "range_hz",
            "min_gain_db", "q_range");

    /** eq-match's own fields, each refused on other exercises. */
    private static MatchSettings match(Fields f, DrillExercise ex, boolean known, int bands, Problems problems) {
        MatchSettings d = MatchSettings.DEFAULTS;
        if (known && ex != DrillExercise.EQ_MATCH) {
            for (String k : MATCH_FIELDS) {
                if (f.has(k)) {
                    problems.at(f.value(k).orElseThrow(), f.name(k) + " belongs to eq-match");
                }
            }
            return d;
        }
        String mode = f.optionalText("mode").orElse(d.mode());
        if (f.has("mode") && !MatchSettings.MODES.contains(mode)) {
            problems.at(f.value("mode").orElseThrow(), "unknown " + f.name("mode") + " '" + mode + "'"
                    + ClosestName.to(mode, MatchSettings.MODES).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (use undo or copy)");
            mode = d.mode();
        }
        double tolDb = f.number("tolerance_db", d.toleranceDb(), NumberRange.atLeast(0));
        double perDb = f.number("penalty_per_db", d.penaltyPerDb(), NumberRange.atLeast(0));
        double[] range = pair(f, "range_hz", new double[] {d.lowHz(), d.highHz()}, AUDIBLE, problems);
        if (range[1] / range[0] < Math.pow(2, 2 * bands - 1) - 1e-9) {
            problems.at(f.value("range_hz").orElse(f.node()), f.name("range_hz") + " ("
                    + NumberRange.format(range[0]) + "-" + NumberRange.format(range[1]) + " Hz) is too narrow for "
                    + bands + " band(s) at least an octave apart: give it at least " + (2 * bands - 1) + " octaves");
        }
        double gain = Math.abs(f.number("gain_db", 12, GAIN));
        double minGain = f.number("min_gain_db", Math.min(d.minGainDb(), gain), NumberRange.between(0.5, 24));
        if (minGain > gain + 1e-9) {
            problems.at(f.value("min_gain_db").orElseThrow(), f.name("min_gain_db") + " ("
                    + NumberRange.format(minGain) + " dB) is more than " + f.name("gain_db") + " ("
                    + NumberRange.format(gain) + " dB), the largest hidden gain");
        }
        double q = f.number("q", 1.4, NumberRange.between(0.1, 20));
        double[] qs = pair(f, "q_range", new double[] {q, q}, NumberRange.between(0.3, 10), problems);
        return new MatchSettings(mode, tolDb, perDb, range[0], range[1], minGain, qs[0], qs[1]);
    }

    /** A {@code [low, high]} pair of numbers, low below high. */
    private static double[] pair(Fields f, String key, double[] fallback, NumberRange range, Problems problems) {
        if (!f.has(key)) {
            return fallback;
        }
        Node n = f.value(key).orElseThrow();
        if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2) {
            problems.at(n, f.name(key) + " must be a list of two numbers [low, high], found " + Values.describe(n));
            return fallback;
        }
        Optional<Double> lo = Values.number(seq.getValue().get(0), f.name(key) + "[1]", range, problems);
        Optional<Double> hi = Values.number(seq.getValue().get(1), f.name(key) + "[2]", range, problems);
        if (lo.isEmpty() || hi.isEmpty()) {
            return fallback;
        }
        if (lo.get() > hi.get()) {
            problems.at(n, f.name(key) + ": the low end (" + NumberRange.format(lo.get())
                    + ") is above the high end (" + NumberRange.format(hi.get()) + ")");
            return fallback;
        }
        return new double[] {lo.get(), hi.get()};
    }

    private static boolean bool(Node n, String field, Problems problems) {
        if (n instanceof ScalarNode s && org.yaml.snakeyaml.nodes.Tag.BOOL.equals(s.getTag())) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        problems.at(n, field + " must be true or false, found " + Values.describe(n));
        return false;
    }

    /** Every clip is {@code clip_seconds} of the source: a shorter source would play short or empty clips. */
    private static void checkLongEnough(AssetSource asset, double clipSeconds, Fields f, Problems problems) {
        double seconds;
        try {
            seconds = WavReader.info(asset.resolved()).seconds();
        } catch (AudioFileException e) {
            return;   // reported by the asset check
        }
        if (seconds + 1e-9 < clipSeconds) {
            String clip = f.has("clip_seconds") ? f.name("clip_seconds") + " (" + NumberRange.format(clipSeconds)
                    + " s, line " + (f.value("clip_seconds").orElseThrow().getStartMark().getLine() + 1) + ")"
                    : f.name("clip_seconds") + " (" + NumberRange.format(clipSeconds) + " s by default)";
            problems.at(f.value("source").orElseThrow(), f.name("source") + ": '" + asset.path() + "' is "
                    + String.format(java.util.Locale.ROOT, "%.2f", seconds) + " s long, shorter than " + clip
                    + "; each question plays that much of it: use a longer file or a shorter clip_seconds");
        }
    }

    private static Optional<DrillExercise> exercise(Node n, Fields f, Problems problems) {
        return Values.text(n, f.name("exercise"), problems).flatMap(id -> {
            Optional<DrillExercise> e = DrillExercise.fromId(id);
            if (e.isEmpty()) {
                List<String> ids = java.util.Arrays.stream(DrillExercise.values()).map(DrillExercise::id).toList();
                problems.at(n, "unknown " + f.name("exercise") + " '" + id + "'"
                        + ClosestName.to(id, ids).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (use one of " + String.join(", ", ids) + ")");
            }
            return e;
        });
    }

    private static Optional<SoundSource> source(Node n, String field, AssetResolver assets, Problems problems) {
        Optional<String> text = Values.text(n, field, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get();
        if (GeneratorSource.NAMES.contains(s)) {
            return Optional.of(new GeneratorSource(s));
        }
        if (!s.contains(".") && !s.contains("/") && !s.contains("\\")) {
            problems.at(n, "unknown " + field + " generator '" + s + "'"
                    + ClosestName.to(s, GeneratorSource.NAMES).map(g -> "; did you mean '" + g + "'?").orElse("")
                    + " (use " + String.join(" or ", GeneratorSource.NAMES) + ", or an audio asset path)");
            return Optional.empty();
        }
        return assets.resolve(s, n, field, problems).map(a -> a);
    }

    private static List<Double> choices(Node n, String field, Optional<DrillExercise> exercise, Problems problems) {
        if (!(n instanceof SequenceNode seq)) {
            problems.at(n, field + " must be a list of numbers, found " + Values.describe(n));
            return List.of();
        }
        if (seq.getValue().size() < 2) {
            problems.at(n, field + " needs at least 2 answer options, found " + seq.getValue().size());
        }
        NumberRange range = exercise.map(e -> NumberRange.between(e.minChoice(), e.maxChoice()))
                .orElse(NumberRange.atLeast(Double.NEGATIVE_INFINITY));
        String unit = exercise.map(e -> " (" + e.choiceUnit() + ")").orElse("");
        List<Double> out = new ArrayList<>();
        Map<Double, Node> seen = new HashMap<>();
        int i = 1;
        for (Node item : seq.getValue()) {
            String itemField = field + "[" + i + "]" + unit;
            Optional<Double> v = Values.number(item, itemField, range, problems);
            if (v.isPresent()) {
                Node first = seen.putIfAbsent(v.get(), item);
                if (first != null && item instanceof ScalarNode) {
                    problems.at(item, field + ": the choice " + NumberRange.format(v.get()) + " is given twice");
                } else {
                    out.add(v.get());
                }
            }
            i++;
        }
        return out;
    }
}
