package org.controlroom.lesson.career;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The learner's signature: what their mixes consistently do differently from the references, read from the
 * numbers each scored mix stored ({@code criteria[].measured} of {@code lesson.run.MixPlay}):
 * <ul>
 * <li>loudness: {@code integrated_lufs − target_lufs} of the loudness criterion (LU);</li>
 * <li>tilt: of the spectrum criterion's 1/3-octave bands ({@code mix_db − reference_db}, the mean
 *     difference taken out), the mean at 2 kHz and above (dB; positive: brighter);</li>
 * <li>low end: the same at 150 Hz and below (dB; positive: more low end);</li>
 * <li>width: of the panning criterion, the mean distance from the centre of the tracks minus that of their
 *     targets (percent of a full pan; positive: wider).</li>
 * </ul>
 * A trait is consistent when at least two mixes measured it, its mean is at least its threshold (1 LU, 1 dB,
 * 1 dB, 10 %) and at least two thirds of those mixes lean the same way.
 */
public final class Signatures {
    static final double LOUDNESS_MIN = 1.0;
    static final double TILT_MIN = 1.0;
    static final double LOW_END_MIN = 1.0;
    static final double WIDTH_MIN = 10.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAN = Pattern.compile("(?:^|; )(.+?) at (L\\d+|R\\d+|centre|silent), target (L\\d+|R\\d+|centre)");

    private Signatures() {
    }

    /** The numbers one stored mix gives (NaN where it did not measure one). */
    record MixNumbers(double loudnessLu, double tiltDb, double lowEndDb, double widthPercent) {
    }

    /** Reads a stored criteria JSON; empty when it holds no mix numbers (not a mix, or unreadable). */
    static Optional<MixNumbers> numbers(String criteriaJson) {
        if (criteriaJson == null || criteriaJson.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(criteriaJson);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isArray()) {
            return Optional.empty();
        }
        double loud = Double.NaN;
        double tilt = Double.NaN;
        double low = Double.NaN;
        double width = Double.NaN;
        for (JsonNode c : root) {
            String name = c.path("name").asText("");
            JsonNode m = c.path("measured");
            if (name.equals("loudness") && m.path("integrated_lufs").isNumber() && m.path("target_lufs").isNumber()) {
                loud = m.get("integrated_lufs").asDouble() - m.get("target_lufs").asDouble();
            } else if (name.equals("spectrum") && m.path("bands_hz").isArray() && m.path("mix_db").isArray()
                    && m.path("reference_db").isArray()) {
                double[] t = tiltAndLow(m.get("bands_hz"), m.get("mix_db"), m.get("reference_db"));
                tilt = t[0];
                low = t[1];
            } else if (name.equals("panning")) {
                width = width(c.path("detail").asText(""));
            }
        }
        if (Double.isNaN(loud) && Double.isNaN(tilt) && Double.isNaN(low) && Double.isNaN(width)) {
            return Optional.empty();
        }
        return Optional.of(new MixNumbers(loud, tilt, low, width));
    }

    private static double[] tiltAndLow(JsonNode bands, JsonNode mix, JsonNode ref) {
        int n = Math.min(bands.size(), Math.min(mix.size(), ref.size()));
        List<double[]> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bands.get(i).isNumber() && mix.get(i).isNumber() && ref.get(i).isNumber()) {
                d.add(new double[] {bands.get(i).asDouble(), mix.get(i).asDouble() - ref.get(i).asDouble()});
            }
        }
        if (d.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = d.stream().mapToDouble(x -> x[1]).average().orElse(0);
        double hi = d.stream().filter(x -> x[0] >= 2000).mapToDouble(x -> x[1] - mean).average().orElse(Double.NaN);
        double lo = d.stream().filter(x -> x[0] <= 150).mapToDouble(x -> x[1] - mean).average().orElse(Double.NaN);
        return new double[] {hi, lo};
    }

    private static double position(String p) {
        return p.equals("centre") ? 0 : Double.parseDouble(p.substring(1));
    }

    private static double width(String detail) {
        Matcher m = PAN.matcher(detail);
        double at = 0;
        double target = 0;
        int n = 0;
        while (m.find()) {
            if (m.group(2).equals("silent")) {
                continue;
            }
            at += Math.abs(position(m.group(2)));
            target += Math.abs(position(m.group(3)));
            n++;
        }
        return n == 0 ? Double.NaN : (at - target) / n;
    }

    /**
     * The signature of these stored mixes (criteria JSON of each, any order), once at least {@code minMixes} of
     * them hold mix numbers; its traits are the consistent ones (possibly none).
     */
    public static Optional<Signature> of(List<String> criteriaJsons, int minMixes) {
        List<MixNumbers> mixes = criteriaJsons.stream().map(Signatures::numbers).flatMap(Optional::stream).toList();
        if (mixes.size() < Math.max(1, minMixes)) {
            return Optional.empty();
        }
        List<SignatureTrait> traits = new ArrayList<>();
        trait("tilt", mixes.stream().mapToDouble(MixNumbers::tiltDb).toArray(), TILT_MIN, "dB", "brighter", "darker")
                .ifPresent(traits::add);
        trait("loudness", mixes.stream().mapToDouble(MixNumbers::loudnessLu).toArray(), LOUDNESS_MIN, "LU", "louder",
                "quieter").ifPresent(traits::add);
        trait("width", mixes.stream().mapToDouble(MixNumbers::widthPercent).toArray(), WIDTH_MIN, "%", "wider",
                "narrower").ifPresent(traits::add);
        trait("low end", mixes.stream().mapToDouble(MixNumbers::lowEndDb).toArray(), LOW_END_MIN, "dB",
                "more low end", "less low end").ifPresent(traits::add);
        String summary;
        if (traits.isEmpty()) {
            summary = "your mixes sit close to the references: no consistent difference yet (" + mixes.size()
                    + " mixes)";
        } else {
            List<String> words = traits.stream().map(SignatureTrait::words).toList();
            String joined = words.size() == 1 ? words.get(0)
                    : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
            summary = "your mixes sit " + joined + " than the references (" + mixes.size() + " mixes)";
        }
        return Optional.of(new Signature(traits, summary));
    }

    /** Whether a signature is distinct enough for a client who asks for one: at least one consistent trait. */
    public static boolean distinct(Optional<Signature> s) {
        return s.map(x -> !x.traits().isEmpty()).orElse(false);
    }

    private static Optional<SignatureTrait> trait(String name, double[] values, double min, String unit, String more,
                                                  String less) {
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length < 2) {
            return Optional.empty();
        }
        double mean = java.util.Arrays.stream(v).average().orElse(0);
        long same = java.util.Arrays.stream(v).filter(x -> Math.signum(x) == Math.signum(mean) && x != 0).count();
        if (Math.abs(mean) < min || same * 3 < v.length * 2L) {
            return Optional.empty();
        }
        double r = Math.round(mean * 10) / 10.0;
        String amount = unit.equals("%") ? String.format(Locale.ROOT, "%.0f %%", Math.abs(r))
                : String.format(Locale.ROOT, "%.1f %s", Math.abs(r), unit);
        String words = name.equals("low end") ? amount.replace(" dB", " dB") + " " + (mean > 0 ? "heavier in the low end"
                : "lighter in the low end") : amount + " " + (mean > 0 ? more : less);
        return Optional.of(new SignatureTrait(name, r, unit, words));
    }
}
