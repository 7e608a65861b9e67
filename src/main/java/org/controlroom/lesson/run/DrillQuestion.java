package org.controlroom.lesson.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.lesson.script.DrillExercise;

/**
 * One drill question: what was done to the sound (the hidden answer and the fixed settings around
 * it) and which excerpt of the source it is heard on. {@code A} is the source as it is, {@code B} the
 * source with the change applied.
 *
 * @param number          1-based question number
 * @param answer          the true value, one of the drill's choices (Hz, dB, pan position, ratio, Q, ms,
 *                        width); for mix-level the stem and the step as {@code stem * 100 + dB}; the
 *                        exercise's "no change" value when B is A untouched
 * @param gainDb          the EQ boost or cut (eq-frequency, eq-boost-cut size, eq-q)
 * @param q               the EQ band's Q
 * @param frequencyHz     the EQ band's centre for eq-gain, eq-boost-cut and eq-q questions (NaN otherwise)
 * @param thresholdDb     the compressor threshold for compression (ratio) questions
 * @param excerptStart    where the excerpt starts in the source, in seconds
 * @param excerptSeconds  how long the excerpt is
 * @param bands           eq-frequency: every band B changes (the answer is the first); one band: [answer]
 * @param filter          eq-frequency: the band's shape (peak, lowshelf, highshelf, lowpass, highpass)
 * @param ratio           the compressor's ratio (compression-threshold, -attack, -release)
 * @param attackMs        the compressor's attack
 * @param releaseMs       the compressor's release
 * @param depthDb         the gain reduction (drop in RMS level, dB) the compressor's threshold is set for
 * @param hidden          eq-match: the hidden EQ's peak bands (frequency, gain, Q each), low to high; empty otherwise
 * @param undo            eq-match: whether the learner undoes the hidden EQ (else copies it)
 */
public record DrillQuestion(int number, DrillExercise exercise, double answer, double gainDb, double q,
                            double frequencyHz, double thresholdDb, double excerptStart, double excerptSeconds,
                            List<Double> bands, String filter, double ratio, double attackMs, double releaseMs,
                            double depthDb, List<EqBand> hidden, boolean undo) {

    public DrillQuestion {
        bands = List.copyOf(bands);
        hidden = List.copyOf(hidden);
    }

    /** A question that is not eq-match. */
    public DrillQuestion(int number, DrillExercise exercise, double answer, double gainDb, double q,
                         double frequencyHz, double thresholdDb, double excerptStart, double excerptSeconds,
                         List<Double> bands, String filter, double ratio, double attackMs, double releaseMs,
                         double depthDb) {
        this(number, exercise, answer, gainDb, q, frequencyHz, thresholdDb, excerptStart, excerptSeconds, bands,
                filter, ratio, attackMs, releaseMs, depthDb, List.of(), false);
    }

    /**
     * The EQ B applies, as bands on one frequency axis (for the picture after an answer): the question's
     * bands in its filter shape (eq-frequency), the one band of eq-gain, -boost-cut and -q, or the hidden EQ
     * (eq-match); empty for other exercises and "no change" trials.
     */
    public List<EqBand> truthEq() {
        if (noChange()) {
            return List.of();
        }
        return switch (exercise) {
            case EQ_FREQUENCY -> bands.stream().map(b -> DrillAudio.band(filter, b, gainDb, q)).toList();
            case EQ_GAIN -> List.of(EqBand.of(FilterType.PEAK, frequencyHz, answer, q));
            case EQ_BOOST_CUT -> List.of(EqBand.of(FilterType.PEAK, frequencyHz, Math.signum(answer) * Math.abs(gainDb), q));
            case EQ_Q -> List.of(EqBand.of(FilterType.PEAK, frequencyHz, gainDb, answer));
            case EQ_MATCH -> hidden;
            default -> List.of();
        };
    }

    /**
     * The EQ an answer says B applies (the same shape as {@link #truthEq()} with the answered values):
     * {@code given} are the answers, one per band for several bands; empty when the answer is "no change"
     * or the exercise has no EQ.
     */
    public List<EqBand> answerEq(List<Double> given) {
        if (exercise.noChangeValue().isPresent() && given.size() == 1
                && given.get(0) == exercise.noChangeValue().getAsDouble()) {
            return List.of();
        }
        return switch (exercise) {
            case EQ_FREQUENCY -> given.stream().map(b -> DrillAudio.band(filter, b, gainDb, q)).toList();
            case EQ_GAIN -> List.of(EqBand.of(FilterType.PEAK, frequencyHz, given.get(0), q));
            case EQ_BOOST_CUT -> List.of(EqBand.of(FilterType.PEAK, frequencyHz,
                    Math.signum(given.get(0)) * Math.abs(gainDb), q));
            case EQ_Q -> List.of(EqBand.of(FilterType.PEAK, frequencyHz, gainDb, given.get(0)));
            default -> List.of();
        };
    }

    /** A question of the first five exercises (one peak band; the drill's fixed compressor timing). */
    public DrillQuestion(int number, DrillExercise exercise, double answer, double gainDb, double q,
                         double frequencyHz, double thresholdDb, double excerptStart, double excerptSeconds) {
        this(number, exercise, answer, gainDb, q, frequencyHz, thresholdDb, excerptStart, excerptSeconds,
                List.of(answer), "peak", exercise == DrillExercise.COMPRESSION ? answer : 4, DrillPlay.ATTACK_MS,
                DrillPlay.RELEASE_MS, 6);
    }

    /** Whether B is A untouched (a "no change" trial). */
    public boolean noChange() {
        return exercise.noChangeValue().isPresent() && exercise.noChangeValue().getAsDouble() == answer;
    }

    /** mix-level: which stem moved (0-based). */
    public int stem() {
        return (int) Math.round(answer / 100);
    }

    /** mix-level: by how many dB. */
    public double stemDb() {
        return answer - 100 * stem();
    }

    /** The question's parameters as stored with the answer (without the answer itself hidden: tutors see it). */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exercise", exercise.id());
        m.put("answer", answer);
        switch (exercise) {
            case EQ_FREQUENCY -> {
                m.put("gain_db", gainDb);
                m.put("q", q);
                m.put("filter", filter);
                if (bands.size() > 1) {
                    m.put("bands", bands);
                }
            }
            case EQ_GAIN, EQ_BOOST_CUT, EQ_Q -> {
                m.put("frequency_hz", frequencyHz);
                m.put("gain_db", gainDb);
                m.put("q", q);
            }
            case COMPRESSION -> m.put("threshold_db", thresholdDb);
            case COMPRESSION_DEPTH, COMPRESSION_ATTACK, COMPRESSION_RELEASE -> {
                m.put("ratio", ratio);
                m.put("attack_ms", attackMs);
                m.put("release_ms", releaseMs);
                m.put("gain_reduction_db", depthDb);
            }
            case EQ_MATCH -> {
                m.put("mode", undo ? "undo" : "copy");
                m.put("hidden", hidden.stream().map(b -> {
                    Map<String, Object> band = new LinkedHashMap<>();
                    band.put("band_hz", b.frequencyHz());
                    band.put("gain_db", b.gainDb());
                    band.put("q", b.q());
                    return band;
                }).toList());
            }
            case MIX_LEVEL -> {
                m.put("stem", stem());
                m.put("level_db", stemDb());
            }
            default -> {
            }
        }
        m.put("excerpt_start_s", excerptStart);
        m.put("excerpt_s", excerptSeconds);
        return m;
    }
}
