package org.controlroom.lesson.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A multitrack mix toward a target.
 *
 * @param buses        the group buses the learner may route tracks to (none by default)
 * @param balance      wanted level of each named track relative to the anchor track, dB (script order)
 * @param anchor       the track the balance is measured against: {@code anchor:}, else the first track
 * @param toleranceDb  balance within this many dB of the target scores full marks ({@code tolerance_db}, 1.5)
 * @param panning      wanted pan position per track, −100 (left) … 100 (right), with its tolerance
 * @param dynamics     a track's wanted maximum loudness range (short-term, EBU Tech 3342)
 * @param masking      a pair of tracks whose spectral overlap must come down
 * @param targetCurve  a target 1/3-octave curve (band Hz → dB, only the shape counts) instead of or
 *                     beside the reference mix; empty when the lesson names none
 * @param start        the session's starting state beyond the tracks' faders and pans (a plan: EQ,
 *                     compressors, master), e.g. a muddy EQ to clear
 */
public record MixSection(List<MixTrack> tracks, List<String> buses, Optional<AssetSource> reference, MixTarget target,
                         Map<String, Double> balance, String anchor, double toleranceDb, Panning panning,
                         Optional<Dynamics> dynamics, Optional<MaskingTarget> masking, Map<Double, Double> targetCurve,
                         double spectrumToleranceDb, Optional<MixPlan> start) implements LessonSection {
    public static final double DEFAULT_TOLERANCE_DB = 1.5;
    public static final double DEFAULT_SPECTRUM_TOLERANCE_DB = 1;

    public MixSection {
        tracks = List.copyOf(tracks);
        buses = List.copyOf(buses);
        balance = Collections.unmodifiableMap(new LinkedHashMap<>(balance));
        targetCurve = Collections.unmodifiableMap(new TreeMap<>(targetCurve));
    }

    /** A mix with balance, loudness, true peak and clipping only (the anchor is the first track). */
    public MixSection(List<MixTrack> tracks, List<String> buses, Optional<AssetSource> reference, MixTarget target,
                      Map<String, Double> balance) {
        this(tracks, buses, reference, target, balance, defaultAnchor(tracks, balance), DEFAULT_TOLERANCE_DB,
                Panning.NONE, Optional.empty(), Optional.empty(), Map.of(), DEFAULT_SPECTRUM_TOLERANCE_DB, Optional.empty());
    }

    /**
     * Without {@code anchor:} the balance is measured against the first track, as it always was (a lesson
     * that validates today keeps its meaning); name the anchor to measure against another track.
     */
    static String defaultAnchor(List<MixTrack> tracks, Map<String, Double> balance) {
        return tracks.isEmpty() ? "" : tracks.get(0).name();
    }

    /** Wanted pan positions (−100 … 100) per track; within {@code toleranceDeg} points scores full marks. */
    public record Panning(Map<String, Double> positions, double tolerance) {
        public static final Panning NONE = new Panning(Map.of(), 15);

        public Panning {
            positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        }
    }

    /** The track's loudness range should be at most {@code maxLu}; within {@code toleranceLu} above it scores full marks. */
    public record Dynamics(String track, double maxLu, double toleranceLu) {
    }

    /** The overlap index (0 … 1, see analysis.Masking) of two tracks should be at most {@code max}. */
    public record MaskingTarget(String first, String second, double max, double tolerance) {
    }
}
