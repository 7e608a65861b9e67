package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.controlroom.analysis.ArrangeMeasurement;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.script.ArrangeSection;
import org.controlroom.lesson.script.ArrangeTarget;
import org.controlroom.lesson.script.ArrangeTarget.Level;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SongSection;
import org.controlroom.lesson.session.ArrangeSession;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SoundLibrary;

/**
 * An arrangement lesson: the learner works on an {@link ArrangeSession}, then submits it. Scored on the
 * brief's constraints (the length window, the first chorus by a time, sections that must or must not be
 * placed, a radio edit's length with the sections it keeps) and on what the render measures: the energy
 * arc (each part of the song's loudness and active stems against the brief's shape) and the contrast
 * of a named section with its neighbours. A constraint that is missed scores at most 50, and its
 * detail gives the numbers ("first chorus at 0:42, brief asks by 0:30").
 */
final class ArrangePlay implements LessonPlay {
    /** Seconds past a length limit (or the first chorus's time) at which a missed constraint scores 0. */
    static final double TOLERANCE_SECONDS = 20;
    /** LU per step of the arc (low → mid → high) a part must differ by from the one before. */
    static final double ARC_STEP_LU = 1.5;
    /** Parts of the arc on the same level may differ by this much. */
    static final double ARC_SAME_LU = 3;
    /** A silent section counts as this loud. */
    static final double SILENT_LUFS = -70;

    private final ArrangeSection song;
    private final ArrangeSession session;
    private List<Criterion> criteria;
    private ArrangeRender.Result result;

    ArrangePlay(Lesson lesson, ArrangeSession session) {
        this.song = (ArrangeSection) lesson.section();
        this.session = session;
    }

    @Override
    public int stepCount() {
        return 0;
    }

    @Override
    public Step step(int index) {
        throw new IndexOutOfBoundsException("an arrangement lesson has no question steps");
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        throw new IllegalArgumentException("an arrangement lesson has no questions to answer");
    }

    @Override
    public Optional<LessonSession> session() {
        return Optional.of(session);
    }

    @Override
    public SessionSubmission submitSession() throws AudioFileException {
        result = ArrangeRender.measure(session, new SoundLibrary(), Runtime.getRuntime().availableProcessors(), p -> { });
        criteria = score(session, result);
        ArrangeMeasurement m = result.measurement();
        String summary = String.format(Locale.ROOT, "%s (%d bars), first chorus %s, %.1f LUFS",
                clock(m.seconds()), session.bars(), firstChorus(session).map(ArrangePlay::clock).orElse("not placed"),
                m.integratedLufs());
        return new SessionSubmission(Json.of(session.plan().toTree()), summary);
    }

    /** The measurement of the submitted arrangement. */
    Optional<ArrangeRender.Result> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public List<Criterion> criteria() {
        if (criteria == null) {
            throw new IllegalStateException("the arrangement has not been submitted");
        }
        return criteria;
    }

    /** Scores an arrangement from its measurement (the criteria the lesson's target sets). */
    static List<Criterion> score(ArrangeSession session, ArrangeRender.Result r) {
        ArrangeTarget t = session.song().target();
        List<Criterion> out = new ArrayList<>();
        if (t.hasLength()) {
            out.add(length(session, t));
        }
        if (t.hasFirstChorus()) {
            out.add(firstChorus(session, t));
        }
        if (!t.mustInclude().isEmpty() || !t.mustExclude().isEmpty()) {
            out.add(sections(session, t));
        }
        t.radioEdit().ifPresent(re -> out.add(radioEdit(session, re)));
        if (!t.arc().isEmpty()) {
            out.add(energyArc(session, t.arc(), r));
        }
        t.contrast().ifPresent(c -> out.add(contrast(session, c, r)));
        return out;
    }

    static Optional<Double> firstChorus(ArrangeSession s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.section(s.entry(i).section()).isChorus()) {
                return Optional.of(s.startSeconds(i));
            }
        }
        return Optional.empty();
    }

    private static double missed(double by) {
        return Math.max(0, 50 * (1 - by / TOLERANCE_SECONDS));
    }

    private static Criterion length(ArrangeSession s, ArrangeTarget t) {
        double sec = s.seconds();
        String window = t.minSeconds() > 0 && Double.isFinite(t.maxSeconds())
                ? clock(t.minSeconds()) + "–" + clock(t.maxSeconds())
                : t.minSeconds() > 0 ? "at least " + clock(t.minSeconds()) : "at most " + clock(t.maxSeconds());
        double score;
        String detail;
        if (sec > t.maxSeconds()) {
            score = missed(sec - t.maxSeconds());
            detail = String.format(Locale.ROOT, "length %s (%d bars) is %.1f s too long, brief asks %s", clock(sec),
                    s.bars(), sec - t.maxSeconds(), window);
        } else if (sec < t.minSeconds()) {
            score = missed(t.minSeconds() - sec);
            detail = String.format(Locale.ROOT, "length %s (%d bars) is %.1f s too short, brief asks %s", clock(sec),
                    s.bars(), t.minSeconds() - sec, window);
        } else {
            score = 100;
            detail = String.format(Locale.ROOT, "length %s (%d bars), brief asks %s", clock(sec), s.bars(), window);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round2(sec));
        m.put("bars", s.bars());
        return new Criterion("length", score, 0, detail, m);
    }

    private static Criterion firstChorus(ArrangeSession s, ArrangeTarget t) {
        Optional<Double> at = firstChorus(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", at.map(ArrangePlay::round2).orElse(null));
        if (at.isEmpty()) {
            return new Criterion("first_chorus", 0, 0, "no chorus is placed, brief asks for the first by "
                    + clock(t.firstChorusBySeconds()), m);
        }
        double late = at.get() - t.firstChorusBySeconds();
        return new Criterion("first_chorus", late <= 1e-9 ? 100 : missed(late), 0, late <= 1e-9
                ? "first chorus at " + clock(at.get()) + ", brief asks by " + clock(t.firstChorusBySeconds())
                : String.format(Locale.ROOT, "first chorus at %s, brief asks by %s (%.1f s late)", clock(at.get()),
                        clock(t.firstChorusBySeconds()), late), m);
    }

    private static List<String> placed(ArrangeSession s) {
        return s.entries().stream().map(ArrangeSession.Entry::section).distinct().toList();
    }

    private static Criterion sections(ArrangeSession s, ArrangeTarget t) {
        List<String> placed = placed(s);
        List<String> missing = t.mustInclude().stream().filter(id -> !placed.contains(id)).toList();
        List<String> unwanted = t.mustExclude().stream().filter(placed::contains).toList();
        int total = t.mustInclude().size() + t.mustExclude().size();
        int met = total - missing.size() - unwanted.size();
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + names(s, missing) + " (the brief asks for " + (missing.size() == 1 ? "it" : "them") + ")");
        }
        if (!unwanted.isEmpty()) {
            parts.add(names(s, unwanted) + " placed (the brief asks to leave " + (unwanted.size() == 1 ? "it" : "them")
                    + " out)");
        }
        if (parts.isEmpty()) {
            parts.add("every section the brief asks for is in"
                    + (t.mustExclude().isEmpty() ? "" : ", and none it rules out"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("missing", missing);
        m.put("unwanted", unwanted);
        return new Criterion("sections", met == total ? 100 : 50.0 * met / total, 0, String.join("; ", parts), m);
    }

    private static Criterion radioEdit(ArrangeSession s, ArrangeTarget.RadioEdit re) {
        List<String> placed = placed(s);
        List<String> missing = re.keep().stream().filter(id -> !placed.contains(id)).toList();
        double sec = s.seconds();
        boolean shortEnough = sec <= re.maxSeconds() + 1e-9;
        int parts = 1 + re.keep().size();
        int met = (shortEnough ? 1 : 0) + re.keep().size() - missing.size();
        double score = met == parts ? 100 : shortEnough ? 50.0 * met / parts
                : Math.min(50.0 * met / parts, missed(sec - re.maxSeconds()));
        String detail = String.format(Locale.ROOT, "radio edit %s, brief asks under %s%s", clock(sec),
                clock(re.maxSeconds()), shortEnough ? "" : String.format(Locale.ROOT, " (%.1f s too long)",
                        sec - re.maxSeconds()))
                + (missing.isEmpty() ? (re.keep().isEmpty() ? "" : "; keeps " + names(s, re.keep()))
                : "; cut " + names(s, missing) + ", which the edit must keep");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round2(sec));
        m.put("missing", missing);
        return new Criterion("radio_edit", score, 0, detail, m);
    }

    private static double lufs(ArrangeRender.Result r, int index) {
        double v = r.measurement().sectionLufs().get(index);
        return Double.isFinite(v) ? Math.max(SILENT_LUFS, v) : SILENT_LUFS;
    }

    private static Criterion energyArc(ArrangeSession s, List<Level> arc, ArrangeRender.Result r) {
        int n = arc.size();
        double len = s.seconds();
        int[] at = new int[n];
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            at[i] = s.indexAt((i + 0.5) / n * len);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("level", arc.get(i).id());
            p.put("section", s.entry(at[i]).section());
            p.put("lufs", round1(lufs(r, at[i])));
            p.put("stems", r.activeStems().get(at[i]).size());
            points.add(p);
        }
        double sum = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int steps = arc.get(i).ordinal() - arc.get(i - 1).ordinal();
            double dl = lufs(r, at[i]) - lufs(r, at[i - 1]);
            int ds = r.activeStems().get(at[i]).size() - r.activeStems().get(at[i - 1]).size();
            boolean loud;
            boolean stems;
            if (steps == 0) {
                loud = Math.abs(dl) <= ARC_SAME_LU;
                stems = Math.abs(ds) <= 2;
            } else if (steps > 0) {
                loud = dl >= ARC_STEP_LU * steps;
                stems = ds >= 0;
            } else {
                loud = dl <= ARC_STEP_LU * steps;
                stems = ds <= 0;
            }
            sum += (loud ? 0.7 : 0) + (stems ? 0.3 : 0);
            if (!loud || !stems) {
                wrong.add(String.format(Locale.ROOT, "part %d (%s at %s) should be %s part %d (%s): %.1f vs %.1f LUFS,"
                                + " %d vs %d stems", i + 1, sectionName(s, at[i]), clock(s.startSeconds(at[i])),
                        steps == 0 ? "as loud as" : steps > 0 ? "above" : "below", i, sectionName(s, at[i - 1]),
                        lufs(r, at[i]), lufs(r, at[i - 1]), r.activeStems().get(at[i]).size(),
                        r.activeStems().get(at[i - 1]).size()));
            }
        }
        double score = n < 2 ? 100 : 100 * sum / (n - 1);
        String shape = String.join(", ", arc.stream().map(Level::id).toList());
        String detail = wrong.isEmpty() ? "the song follows the brief's arc (" + shape + ")"
                : "arc (" + shape + "): " + String.join("; ", wrong);
        return new Criterion("energy_arc", score, 0, detail, Map.of("points", points));
    }

    private static Criterion contrast(ArrangeSession s, ArrangeTarget.Contrast c, ArrangeRender.Result r) {
        String name = s.section(c.section()).name();
        int k = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.entry(i).section().equals(c.section())) {
                k = i;
                break;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", c.section());
        if (k < 0 || s.size() < 2) {
            return new Criterion("contrast", 0, 0, k < 0 ? name + " is not placed, so it cannot contrast"
                    : name + " has no neighbours to contrast with", m);
        }
        double nLufs = 0;
        double nStems = 0;
        int count = 0;
        for (int j : new int[] {k - 1, k + 1}) {
            if (j >= 0 && j < s.size()) {
                nLufs += Math.pow(10, lufs(r, j) / 10);
                nStems += r.activeStems().get(j).size();
                count++;
            }
        }
        double neighbours = 10 * Math.log10(nLufs / count);
        nStems /= count;
        double own = lufs(r, k);
        double quieter = neighbours - own;
        int stems = r.activeStems().get(k).size();
        double fewer = nStems - stems;
        double lu = switch (c.direction()) {
            case QUIETER -> quieter;
            case LOUDER -> -quieter;
            case EITHER -> Math.abs(quieter);
        };
        double st = switch (c.direction()) {
            case QUIETER -> fewer;
            case LOUDER -> -fewer;
            case EITHER -> Math.abs(fewer);
        };
        double loudScore = Math.max(0, Math.min(1, lu / c.minLu()));
        double stemScore = c.minStems() == 0 ? 1 : Math.max(0, Math.min(1, st / c.minStems()));
        double score = c.minStems() == 0 ? 100 * loudScore : 100 * (0.6 * loudScore + 0.4 * stemScore);
        if (loudScore < 1 || stemScore < 1) {
            score = Math.min(score, 50); // a missed constraint scores at most 50
        }
        String ask = switch (c.direction()) {
            case QUIETER -> "quieter";
            case LOUDER -> "louder";
            case EITHER -> "apart";
        };
        String detail = String.format(Locale.ROOT, "%s %.1f LUFS with %d stems, its neighbours %.1f LUFS with %.1f stems:"
                        + " %.1f LU %s, brief asks at least %.1f LU %s", name, own, stems, neighbours, nStems,
                Math.abs(quieter), quieter >= 0 ? "quieter" : "louder", c.minLu(), ask)
                + (c.minStems() == 0 ? "" : String.format(Locale.ROOT, "; %.1f stems %s, brief asks at least %d",
                Math.abs(fewer), fewer >= 0 ? "fewer" : "more", c.minStems()));
        m.put("lu_difference", round1(quieter));
        m.put("stems_difference", round1(fewer));
        m.put("section_lufs", round1(own));
        m.put("neighbours_lufs", round1(neighbours));
        return new Criterion("contrast", score, 0, detail, m);
    }

    private static String sectionName(ArrangeSession s, int index) {
        return s.section(s.entry(index).section()).name();
    }

    private static String names(ArrangeSession s, List<String> ids) {
        return String.join(", ", ids.stream().map(id -> s.song().section(id).map(SongSection::name).orElse(id)).toList());
    }

    /** m:ss (tenths when not whole). */
    static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        long whole = tenths / 10;
        String s = String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
        return tenths % 10 == 0 ? s : s + "." + (tenths % 10);
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }
}
