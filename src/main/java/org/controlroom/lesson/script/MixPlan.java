package org.controlroom.lesson.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mix:} part of a plan file: per track what the learner set; anything absent keeps the
 * lesson's starting state.
 */
public record MixPlan(Map<String, TrackPlan> tracks, Map<String, Double> busGainsDb, Optional<Double> masterGainDb,
                      Optional<Boolean> limiterOn, Optional<Double> limiterCeilingDbtp) implements LessonPlan {
    public MixPlan {
        tracks = Collections.unmodifiableMap(new LinkedHashMap<>(tracks));
        busGainsDb = Collections.unmodifiableMap(new LinkedHashMap<>(busGainsDb));
    }

    @Override
    public Object toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> t = new LinkedHashMap<>();
        tracks.forEach((name, tp) -> t.put(name, tp.toTree()));
        m.put("tracks", t);
        if (!busGainsDb.isEmpty()) {
            Map<String, Object> b = new LinkedHashMap<>();
            busGainsDb.forEach((name, g) -> b.put(name, Map.of("gain_db", g)));
            m.put("buses", b);
        }
        Map<String, Object> master = new LinkedHashMap<>();
        masterGainDb.ifPresent(g -> master.put("gain_db", g));
        if (limiterOn.isPresent() || limiterCeilingDbtp.isPresent()) {
            Map<String, Object> lim = new LinkedHashMap<>();
            limiterOn.ifPresent(on -> lim.put("on", on));
            limiterCeilingDbtp.ifPresent(c -> lim.put("ceiling_dbtp", c));
            master.put("limiter", lim);
        }
        if (!master.isEmpty()) {
            m.put("master", master);
        }
        return m;
    }

    /**
     * One track's settings.
     *
     * @param bus empty: not given; {@code Optional.of(Optional.empty())}: routed to the master
     */
    public record TrackPlan(Optional<Double> gainDb, Optional<Double> pan, Optional<Boolean> mute,
                            Optional<Boolean> solo, Optional<Optional<String>> bus, Optional<List<EqBandPlan>> eq,
                            Optional<CompPlan> comp) {
        Map<String, Object> toTree() {
            Map<String, Object> m = new LinkedHashMap<>();
            gainDb.ifPresent(v -> m.put("gain_db", v));
            pan.ifPresent(v -> m.put("pan", v));
            mute.ifPresent(v -> m.put("mute", v));
            solo.ifPresent(v -> m.put("solo", v));
            bus.ifPresent(v -> m.put("bus", v.orElse(null)));
            eq.ifPresent(bands -> m.put("eq", bands.stream().map(EqBandPlan::toTree).toList()));
            comp.ifPresent(c -> m.put("comp", c.toTree()));
            return m;
        }
    }

    /** One EQ band: type as in the CLI ({@code peak}, {@code lowshelf} ...), frequency, gain, Q (or shelf slope). */
    public record EqBandPlan(String type, double hz, double gainDb, double q) {
        Map<String, Object> toTree() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type);
            m.put("hz", hz);
            m.put("gain_db", gainDb);
            m.put("q", q);
            return m;
        }
    }

    /** Compressor settings. */
    public record CompPlan(double thresholdDb, double ratio, double attackMs, double releaseMs, double kneeDb,
                           double makeupDb) {
        Map<String, Object> toTree() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("threshold_db", thresholdDb);
            m.put("ratio", ratio);
            m.put("attack_ms", attackMs);
            m.put("release_ms", releaseMs);
            m.put("knee_db", kneeDb);
            m.put("makeup_db", makeupDb);
            return m;
        }
    }
}
