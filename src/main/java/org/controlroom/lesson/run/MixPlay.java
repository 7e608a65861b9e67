package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import java.util.LinkedHashSet;
import java.util.Set;

import org.controlroom.analysis.Masking;
import org.controlroom.analysis.MixAnalysis;
import org.controlroom.analysis.MixMeasurement;
import org.controlroom.analysis.SpectrumComparison;
import org.controlroom.analysis.TrackMeasurement;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.MixSection;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.MixSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;

/**
 * A mix lesson: the learner works on a {@link MixSession}, then submits it; the mix is rendered and
 * scored from what it measures (one render, {@link MixAnalysis}) — balance (each track's loudness as it
 * reaches the master, relative to the lesson's anchor track), integrated loudness, true peak, clipping
 * (after the limiter; the count before it is reported), the 1/3-octave spectral distance from the
 * reference mix or the lesson's target curve, and where the lesson asks: panning (each track's position
 * read from its left/right energy), dynamics (a track's short-term loudness range) and masking (the
 * spectral overlap of two tracks). Every criterion says in words what to change.
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
        Set<String> spectra = new LinkedHashSet<>();
        section.masking().ifPresent(k -> {
            spectra.add(k.first());
            spectra.add(k.second());
        });
        try (SessionSound sound = session.sound(library, 1024)) {
            m = new MixAnalysis().measure(sound.mixer(), sound.frames(), spectra);
        }
        Optional<AudioClip> reference = section.reference().isPresent()
                ? Optional.of(library.clip(section.reference().get())) : Optional.empty();
        criteria = score(section, m, reference);
        String summary = String.format(Locale.ROOT, "%.1f LUFS, %.1f dBTP, %d clipped samples", m.integratedLufs(),
                m.truePeakDbtp(), m.clippedSamples());
        return new SessionSubmission(Json.of(session.plan().toTree()), summary);
    }

    /** Scores a measured mix against the lesson (the reference mix, when the lesson has one, already decoded). */
    static List<Criterion> score(MixSection section, MixMeasurement m, Optional<AudioClip> reference) {
        List<Criterion> out = new ArrayList<>();
        out.add(balance(section, m));
        out.add(loudness(section, m));
        out.add(truePeak(section, m));
        out.add(clipping(m));
        if (!section.targetCurve().isEmpty()) {
            out.add(spectrum(SpectrumComparison.toCurve(m.spectrum(), section.targetCurve()), "the target curve",
                    section.spectrumToleranceDb()));
        } else if (reference.isPresent()) {
            out.add(spectrum(SpectrumComparison.of(m.spectrum(), ThirdOctaveSpectrum.of(reference.get())),
                    "the reference", section.spectrumToleranceDb()));
        }
        if (!section.panning().positions().isEmpty()) {
            out.add(panning(section.panning(), m));
        }
        section.dynamics().ifPresent(d -> out.add(dynamics(d, m)));
        section.masking().ifPresent(k -> out.add(masking(k, m)));
        return out;
    }

    private static Criterion balance(MixSection section, MixMeasurement m) {
        String anchor = section.anchor();
        double tol = section.toleranceDb();
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        double sum = 0;
        int n = 0;
        double anchorLufs = m.track(anchor).integratedLufs();
        String worst = null;
        double worstErr = 0;
        double worstRel = 0;
        for (var e : section.balance().entrySet()) {
            if (e.getKey().equals(anchor)) {
                continue;
            }
            double rel = m.track(e.getKey()).integratedLufs() - anchorLufs;
            boolean known = Double.isFinite(rel);
            double err = known ? rel - e.getValue() : Double.POSITIVE_INFINITY;
            double score = known ? marks(Math.abs(err), tol) : 0;
            measured.put(e.getKey(), known ? round1(rel) : null);
            parts.add(String.format(Locale.ROOT, "%s %s dB vs %s, target %+.1f ± %.1f dB", e.getKey(),
                    known ? String.format(Locale.ROOT, "%+.1f", rel) : "silent", anchor, e.getValue(), tol));
            if (Math.abs(err) > tol && (worst == null || Math.abs(err) > Math.abs(worstErr))) {
                worst = e.getKey();
                worstErr = err;
                worstRel = rel;
            }
            sum += score;
            n++;
        }
        double score = n == 0 ? 100 : sum / n;
        String advice = "";
        if (worst != null) {
            if (!Double.isFinite(worstRel)) {
                advice = String.format(Locale.ROOT, "%s cannot be heard in the mix (muted, or another track soloed): "
                        + "unmute it and bring its fader up", worst);
            } else if (!Double.isFinite(anchorLufs)) {
                advice = anchor + " cannot be heard in the mix: unmute it; every balance is measured against it";
            } else {
                advice = String.format(Locale.ROOT, "%s is %.1f dB too %s against %s: %s the %s fader ~%.0f dB",
                        worst, Math.abs(worstErr), worstErr > 0 ? "loud" : "quiet", anchor,
                        worstErr > 0 ? "pull" : "push", worst, Math.abs(worstErr));
                advice = advice.replace("pull the " + worst + " fader", "pull the " + worst + " fader down")
                        .replace("push the " + worst + " fader", "push the " + worst + " fader up");
            }
        }
        String detail = n == 0 ? "no balance target in this lesson" : String.join("; ", parts);
        return new Criterion("balance", score, 0, advice.isEmpty() ? detail : advice + ". " + detail, measured);
    }

    private static Criterion loudness(MixSection section, MixMeasurement m) {
        double target = section.target().integratedLufs();
        double lufs = m.integratedLufs();
        double score = Double.isFinite(lufs) ? marks(Math.abs(lufs - target), FULL_MARKS_DB) : 0;
        String detail = String.format(Locale.ROOT, "%.1f LUFS integrated, target %.1f ± %.1f", lufs, target,
                FULL_MARKS_DB);
        if (!Double.isFinite(lufs)) {
            detail = "the mix is silent: unmute the tracks and bring the faders up. " + detail;
        } else if (Math.abs(lufs - target) > FULL_MARKS_DB) {
            detail = String.format(Locale.ROOT, "%.1f LU too %s: %s the master ~%.0f dB%s. ", Math.abs(lufs - target),
                    lufs > target ? "loud" : "quiet", lufs > target ? "turn down" : "turn up", Math.abs(lufs - target),
                    lufs < target ? " (with the limiter on, so the peaks stay under the ceiling)" : "") + detail;
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("integrated_lufs", round1(lufs));
        measured.put("target_lufs", target);
        measured.put("short_term_max_lufs", round1(m.shortTermMaxLufs()));
        measured.put("lra_lu", round1(m.loudnessRangeLu()));
        return new Criterion("loudness", score, 0, detail, measured);
    }

    private static Criterion truePeak(MixSection section, MixMeasurement m) {
        double ceiling = section.target().truePeakDbtp();
        double over = m.truePeakDbtp() - ceiling;
        double score = over <= 0 ? 100 : Math.max(0, 100 - 50 * over);
        String detail = String.format(Locale.ROOT, "%.2f dBTP, at most %.1f dBTP", m.truePeakDbtp(), ceiling);
        if (over > 0) {
            detail = String.format(Locale.ROOT, "peaks %.1f dB over the ceiling: switch on the master limiter at %.1f dBTP"
                    + " or turn the master down ~%.1f dB. ", over, ceiling, over) + detail;
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("true_peak_dbtp", round2(m.truePeakDbtp()));
        measured.put("sample_peak_dbfs", round2(m.samplePeakDbfs()));
        measured.put("ceiling_dbtp", ceiling);
        return new Criterion("true_peak", score, 0, detail, measured);
    }

    private static Criterion clipping(MixMeasurement m) {
        double score = Math.max(0, 100.0 * (1 - (double) m.clippedSamples() / CLIPPED_FOR_ZERO));
        String detail;
        if (m.clippedSamples() > 0) {
            detail = m.clippedSamples() + " samples at or over full scale in the mix (" + m.clippedBeforeLimiter()
                    + " before the limiter): turn the master down, or switch on the limiter";
        } else if (m.clippedBeforeLimiter() > 0) {
            detail = "no clipped samples in the mix; the limiter caught " + m.clippedBeforeLimiter()
                    + " samples over full scale before it";
        } else {
            detail = "no clipped samples";
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("clipped_samples", m.clippedSamples());
        measured.put("clipped_before_limiter", m.clippedBeforeLimiter());
        return new Criterion("clipping", score, 0, detail, measured);
    }

    private static Criterion spectrum(SpectrumComparison c, String against, double tol) {
        double distance = c.distanceDb();
        // full marks within the tolerance, zero at ten times it (1 dB: full at 1, zero at 10)
        double score = Double.isFinite(distance) ? Math.max(0, Math.min(100, 100 * (10 * tol - distance) / (9 * tol))) : 0;
        String detail = String.format(Locale.ROOT,
                "mean 1/3-octave distance from %s %.1f dB (level difference taken out)", against, distance);
        int w = c.worstBand();
        if (w >= 0 && distance > tol) {
            double d = c.differencesDb().get(w);
            detail = String.format(Locale.ROOT, "%.1f dB too %s around %s compared with %s: %s there with the EQ. ",
                    Math.abs(d), d > 0 ? "much" : "little", hz(c.bandsHz().get(w)), against,
                    d > 0 ? "cut" : "boost") + detail;
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("distance_db", round2(distance));
        measured.put("bands_hz", c.bandsHz().stream().map(MixPlay::round1).toList());
        measured.put("mix_db", c.mixDb().stream().map(MixPlay::round1).toList());
        measured.put("reference_db", c.referenceDb().stream().map(MixPlay::round1).toList());
        return new Criterion("spectrum", score, 0, detail, measured);
    }

    private static Criterion panning(MixSection.Panning target, MixMeasurement m) {
        Map<String, Object> measured = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        double sum = 0;
        String advice = null;
        double worstErr = 0;
        for (var e : target.positions().entrySet()) {
            double at = m.track(e.getKey()).panPosition();
            boolean known = Double.isFinite(at);
            double err = known ? at - e.getValue() : Double.POSITIVE_INFINITY;
            sum += known ? Math.max(0, Math.min(100, 100 * (target.tolerance() + 30 - Math.abs(err)) / 30)) : 0;
            measured.put(e.getKey(), known ? round1(at) : null);
            parts.add(String.format(Locale.ROOT, "%s at %s, target %s ± %.0f", e.getKey(),
                    known ? position(at) : "silent", position(e.getValue()), target.tolerance()));
            if (Math.abs(err) > target.tolerance() && Math.abs(err) > Math.abs(worstErr)) {
                worstErr = err;
                advice = known ? String.format(Locale.ROOT, "%s sits at %s, wanted %s: pan it %s ~%.0f", e.getKey(),
                        position(at), position(e.getValue()), err > 0 ? "left" : "right", Math.abs(err))
                        : e.getKey() + " cannot be heard in the mix: unmute it";
            }
        }
        double score = sum / target.positions().size();
        String detail = String.join("; ", parts);
        return new Criterion("panning", score, 0, advice == null ? detail : advice + ". " + detail, measured);
    }

    private static Criterion dynamics(MixSection.Dynamics target, MixMeasurement m) {
        TrackMeasurement t = m.track(target.track());
        double lra = t.loudnessRangeLu();
        double over = lra - target.maxLu();
        boolean heard = Double.isFinite(t.integratedLufs());
        double score = !heard ? 0 : over <= target.toleranceLu() ? 100
                : Math.max(0, 100 * (target.toleranceLu() + 6 - over) / 6);
        String detail = String.format(Locale.ROOT, "%s loudness range %.1f LU (short-term), at most %.1f + %.1f LU",
                target.track(), lra, target.maxLu(), target.toleranceLu());
        if (!heard) {
            detail = target.track() + " cannot be heard in the mix: unmute it. " + detail;
        } else if (over > target.toleranceLu()) {
            detail = String.format(Locale.ROOT, "%s swings over %.1f LU, %.1f LU more than wanted: compress it harder "
                    + "(lower the threshold or raise the ratio) and make the level up. ", target.track(), lra, over)
                    + detail;
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("track", target.track());
        measured.put("lra_lu", round1(lra));
        measured.put("max_lu", target.maxLu());
        measured.put("short_term_max_lufs", round1(t.shortTermMaxLufs()));
        return new Criterion("dynamics", score, 0, detail, measured);
    }

    private static Criterion masking(MixSection.MaskingTarget target, MixMeasurement m) {
        TrackMeasurement a = m.track(target.first());
        TrackMeasurement b = m.track(target.second());
        boolean heard = !a.spectrum().isEmpty() && !b.spectrum().isEmpty();
        Masking k = heard ? Masking.of(a.spectrum(), b.spectrum()) : new Masking(0, List.of(), Double.NaN);
        double over = k.overlap() - target.max();
        double score = !heard ? 0 : over <= target.tolerance() ? 100
                : Math.max(0, 100 * (target.tolerance() + 0.25 - over) / 0.25);
        String detail = String.format(Locale.ROOT, "%s and %s overlap %.0f %% in their loudest bands, at most %.0f + %.0f %%",
                target.first(), target.second(), 100 * k.overlap(), 100 * target.max(), 100 * target.tolerance());
        if (!heard) {
            detail = "both " + target.first() + " and " + target.second() + " must be heard: unmute them. " + detail;
        } else if (over > target.tolerance()) {
            detail = String.format(Locale.ROOT, "%s and %s crowd each other most around %s: cut one of them there with "
                    + "the EQ (and let the other own that band). ", target.first(), target.second(), hz(k.worstHz()))
                    + detail;
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("overlap", round3(k.overlap()));
        measured.put("max", target.max());
        measured.put("shared_bands_hz", k.sharedBands());
        measured.put("worst_hz", Double.isFinite(k.worstHz()) ? k.worstHz() : null);
        return new Criterion("masking", score, 0, detail, measured);
    }

    private static String position(double p) {
        long r = Math.round(p);
        return r == 0 ? "centre" : r < 0 ? "L" + (-r) : "R" + r;
    }

    private static String hz(double hz) {
        return hz >= 1000 ? String.format(Locale.ROOT, "%.1f kHz", hz / 1000).replace(".0 kHz", " kHz")
                : String.format(Locale.ROOT, "%.0f Hz", hz);
    }

    static double marks(double errorDb) {
        return marks(errorDb, FULL_MARKS_DB);
    }

    /** Full marks within {@code tolerance}, falling linearly to zero 6 dB further out. */
    static double marks(double errorDb, double tolerance) {
        if (errorDb <= tolerance) {
            return 100;
        }
        return Math.max(0, 100 * (tolerance + 6 - errorDb) / 6);
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

    private static double round3(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    private static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }
}
