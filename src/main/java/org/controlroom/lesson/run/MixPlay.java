package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.controlroom.analysis.MixAnalysis;
import org.controlroom.analysis.MixMeasurement;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.MixSection;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.MixSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;

/**
 * A mix lesson: the learner works on a {@link MixSession}, then submits it; the mix is rendered and
 * scored from what it measures — balance (each track's loudness heard alone, relative to the first
 * track), integrated loudness, true peak, clipping, and (with a reference mix) the 1/3-octave
 * spectral distance from the reference.
 */
final class MixPlay implements LessonPlay {
    /** Balance and loudness within this many dB of the target score full marks... */
    static final double FULL_MARKS_DB = 1.5;
    /** ...falling linearly to zero this far out. */
    static final double ZERO_MARKS_DB = 7.5;
    static final int CLIPPED_FOR_ZERO = 100;

    private final MixSection section;
    private final MixSession session;
    private List<Criterion> criteria;

    MixPlay(Lesson lesson, MixSession session) {
        this.section = (MixSection) lesson.section();
        this.session = session;
    }

    @Override
    public int stepCount() {
        return 0;
    }

    @Override
    public Step step(int index) {
        throw new IndexOutOfBoundsException("a mix lesson has no question steps");
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        throw new IllegalArgumentException("a mix lesson has no questions to answer");
    }

    @Override
    public Optional<LessonSession> session() {
        return Optional.of(session);
    }

    @Override
    public SessionSubmission submitSession() throws AudioFileException {
        SoundLibrary library = new SoundLibrary();
        MixMeasurement m;
        try (SessionSound sound = session.sound(library, 1024)) {
            m = new MixAnalysis().measure(sound.mixer(), sound.frames());
        }
        List<Criterion> out = new ArrayList<>();
        out.add(balance(m));
        out.add(loudness(m));
        out.add(truePeak(m));
        out.add(clipping(m));
        if (section.reference().isPresent()) {
            out.add(spectrum(m.render(), library.clip(section.reference().get())));
        }
        criteria = out;
        String summary = String.format(Locale.ROOT, "%.1f LUFS, %.1f dBTP, %d clipped samples", m.integratedLufs(),
                m.truePeakDbtp(), m.clippedSamples());
        return new SessionSubmission(Json.of(session.plan().toTree()), summary);
    }

    private Criterion balance(MixMeasurement m) {
        String anchor = section.tracks().get(0).name();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        double sum = 0;
        int n = 0;
        double anchorLufs = m.trackLufs().get(anchor);
        for (var e : section.balance().entrySet()) {
            if (e.getKey().equals(anchor)) {
                continue;
            }
            double rel = m.trackLufs().get(e.getKey()) - anchorLufs;
            double score = Double.isFinite(rel) ? marks(Math.abs(rel - e.getValue())) : 0;
            measured.put(e.getKey(), Double.isFinite(rel) ? round1(rel) : null);
            parts.add(String.format(Locale.ROOT, "%s %s dB vs %s, target %+.1f ± %.1f dB", e.getKey(),
                    Double.isFinite(rel) ? String.format(Locale.ROOT, "%+.1f", rel) : "silent", anchor, e.getValue(),
                    FULL_MARKS_DB));
            sum += score;
            n++;
        }
        double score = n == 0 ? 100 : sum / n;
        return new Criterion("balance", score, 0, n == 0 ? "no balance target in this lesson" : String.join("; ", parts),
                measured);
    }

    private Criterion loudness(MixMeasurement m) {
        double target = section.target().integratedLufs();
        double score = Double.isFinite(m.integratedLufs()) ? marks(Math.abs(m.integratedLufs() - target)) : 0;
        return new Criterion("loudness", score, 0, String.format(Locale.ROOT, "%.1f LUFS integrated, target %.1f ± %.1f",
                m.integratedLufs(), target, FULL_MARKS_DB), Map.of("integrated_lufs", round1(m.integratedLufs())));
    }

    private Criterion truePeak(MixMeasurement m) {
        double ceiling = section.target().truePeakDbtp();
        double over = m.truePeakDbtp() - ceiling;
        double score = over <= 0 ? 100 : Math.max(0, 100 - 50 * over);
        return new Criterion("true_peak", score, 0, String.format(Locale.ROOT, "%.2f dBTP, at most %.1f dBTP",
                m.truePeakDbtp(), ceiling), Map.of("true_peak_dbtp", round2(m.truePeakDbtp())));
    }

    private static Criterion clipping(MixMeasurement m) {
        double score = Math.max(0, 100.0 * (1 - (double) m.clippedSamples() / CLIPPED_FOR_ZERO));
        return new Criterion("clipping", score, 0, m.clippedSamples() == 0 ? "no clipped samples"
                : m.clippedSamples() + " samples at or over full scale", Map.of("clipped_samples", m.clippedSamples()));
    }

    private static Criterion spectrum(AudioClip mix, AudioClip reference) {
        // only the shape counts: the level offset between the two spectra (their mean difference) is
        // taken out, so a quieter mix, or a mono reference beside a stereo mix, is not a spectral error
        List<SpectrumBand> a = ThirdOctaveSpectrum.of(mix);
        List<SpectrumBand> b = ThirdOctaveSpectrum.of(reference);
        List<Double> diffs = new ArrayList<>();
        List<Double> bandsHz = new ArrayList<>();
        List<Double> mixDb = new ArrayList<>();
        List<Double> referenceDb = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            double hz = a.get(i).centreHz();
            if (hz < 31 || hz > 16500 || !Double.isFinite(a.get(i).db()) || !Double.isFinite(b.get(i).db())) {
                continue;
            }
            diffs.add(b.get(i).db() - a.get(i).db());
            bandsHz.add(hz);
            mixDb.add(a.get(i).db());
            referenceDb.add(b.get(i).db());
        }
        double offset = diffs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        // the picture on the result screen: both spectra per band, the reference moved by the level offset
        Map<String, Object> measured = new LinkedHashMap<>();
        double distance = diffs.isEmpty() ? Double.POSITIVE_INFINITY
                : diffs.stream().mapToDouble(d -> Math.abs(d - offset)).average().orElseThrow();
        double score = Double.isFinite(distance) ? Math.max(0, Math.min(100, 100 * (10 - distance) / 9)) : 0;
        return new Criterion("spectrum", score, 0, String.format(Locale.ROOT,
                "mean 1/3-octave distance from the reference %.1f dB (level difference taken out)", distance),
                spectrumMeasured(measured, distance, bandsHz, mixDb, referenceDb, offset));
    }

    private static Map<String, Object> spectrumMeasured(Map<String, Object> measured, double distance,
            List<Double> bandsHz, List<Double> mixDb, List<Double> referenceDb, double offset) {
        measured.put("distance_db", round2(distance));
        measured.put("bands_hz", bandsHz.stream().map(MixPlay::round1).toList());
        measured.put("mix_db", mixDb.stream().map(MixPlay::round1).toList());
        measured.put("reference_db", referenceDb.stream().map(d -> round1(d - offset)).toList());
        return measured;
    }

    static double marks(double errorDb) {
        if (errorDb <= FULL_MARKS_DB) {
            return 100;
        }
        return Math.max(0, 100 * (ZERO_MARKS_DB - errorDb) / (ZERO_MARKS_DB - FULL_MARKS_DB));
    }

    @Override
    public List<Criterion> criteria() {
        if (criteria == null) {
            throw new IllegalStateException("the mix has not been submitted");
        }
        return criteria;
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }
}
