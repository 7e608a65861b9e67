package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.MatchSettings;
import org.controlroom.store.QuestionColumns;

/**
 * An eq-match drill: each question hides an EQ of 1–3 bells (centres at least an octave apart in the
 * lesson's {@code range_hz}, gains between {@code min_gain_db} and {@code gain_db}, boost or cut, Q in
 * {@code q_range}); the learner dials frequency, gain and Q of as many bands to undo it (B is the excerpt
 * through it; make B sound like A) or to copy it (A is the excerpt through it; make B, the excerpt, sound
 * like A).
 *
 * <p>Scoring, 10 points a question: the learner's bands are paired with the hidden ones (the pairing with the
 * least error in octaves); each band's frequency error beyond {@code tolerance} (octaves) costs
 * {@code penalty_per_unit} points per octave and its gain error (against the hidden gain, negated to undo)
 * beyond {@code tolerance_db} costs {@code penalty_per_db} points per dB, both shared among the bands. An
 * answer with every band within both tolerances is right. Criteria: {@code accuracy} (points won of points
 * possible), {@code spectrum} (per question 100 × (1 − d / d₀), where d is the level-normalised 1/3-octave
 * distance between the learner's result and A and d₀ the same distance with the dials flat: 100 for a perfect
 * match, 0 for no better than doing nothing) and {@code speed} (right answers given within the target time
 * after listening to A and B).
 */
final class EqMatchPlay implements LessonPlay {

    static final double POINTS_PER_QUESTION = DrillPlay.POINTS_PER_QUESTION;

    private final DrillSection drill;
    private final MatchSettings match;
    private final long seed;
    private final Optional<AudioClip> sourceClip;
    private final List<DrillQuestion> questions = new ArrayList<>();
    private final Judged[] judged;
    private DrillAudio audio;
    /** Per question: A's spectrum, B's spectrum and the flat-dial distance d₀ (measured once). */
    private final Measured[] measured;

    private record Measured(DrillAudio.Pair pair, List<SpectrumBand> target, double flatDistanceDb) {
    }

    private record Judged(double points, double errorOctaves, double errorDb, boolean correct, long millis,
                          boolean timed, double distanceDb, double spectrumScore) {
    }

    EqMatchPlay(DrillSection drill, long seed, double sourceSeconds, Optional<AudioClip> sourceClip) {
        this.drill = drill;
        this.match = drill.options().match();
        this.seed = seed;
        this.sourceClip = sourceClip;
        this.judged = new Judged[drill.questions()];
        this.measured = new Measured[drill.questions()];
        SplittableRandom random = new SplittableRandom(seed);
        double from = Math.min(drill.excerptFromSeconds(), sourceSeconds);
        double to = Math.min(drill.excerptToSeconds().orElse(sourceSeconds), sourceSeconds);
        double span = Math.max(0, to - from);
        double excerpt = Math.min(drill.clipSeconds(), span > 0 ? span : sourceSeconds);
        for (int i = 0; i < drill.questions(); i++) {
            double start = span > excerpt ? from + Math.floor(random.nextDouble() * (span - excerpt) * 10) / 10
                    : (span > 0 ? from : 0);
            List<EqBand> hidden = hidden(random);
            EqBand first = hidden.get(0);
            questions.add(new DrillQuestion(i + 1, DrillExercise.EQ_MATCH, first.frequencyHz(), first.gainDb(),
                    first.q(), first.frequencyHz(), drill.thresholdDb(), start, excerpt,
                    hidden.stream().map(EqBand::frequencyHz).toList(), "peak", 1, 0, 0, 0, hidden, match.undo()));
        }
    }

    /** The hidden EQ of one question: bells an octave or more apart, low to high. */
    private List<EqBand> hidden(SplittableRandom random) {
        int n = drill.options().bands();
        double octaves = Math.log(match.highHz() / match.lowHz()) / Math.log(2);
        List<Double> centres = null;
        for (int attempt = 0; attempt < 1000 && centres == null; attempt++) {
            List<Double> c = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                c.add(DrillPlay.threeFigures(match.lowHz() * Math.pow(2, random.nextDouble() * octaves)));
            }
            c.sort(null);
            boolean apart = true;
            for (int k = 1; k < n; k++) {
                apart &= EqMatch.octaves(c.get(k), c.get(k - 1)) >= 1;
            }
            centres = apart ? c : null;
        }
        if (centres == null) {
            throw new IllegalStateException("cannot place " + n + " bands an octave apart in range_hz");
        }
        double maxGain = Math.abs(drill.gainDb());
        List<EqBand> out = new ArrayList<>();
        for (double hz : centres) {
            double size = Math.round(2 * (match.minGainDb() + random.nextDouble() * (maxGain - match.minGainDb()))) / 2.0;
            double gain = Math.max(0.5, size) * (random.nextBoolean() ? 1 : -1);
            double q = match.minQ() * Math.pow(match.maxQ() / match.minQ(), random.nextDouble());
            out.add(EqBand.of(FilterType.PEAK, hz, gain, Math.round(q * 10) / 10.0));
        }
        return out;
    }

    List<DrillQuestion> questions() {
        return List.copyOf(questions);
    }

    @Override
    public int stepCount() {
        return questions.size();
    }

    @Override
    public Step step(int index) {
        DrillQuestion q = questions.get(index);
        int n = q.hidden().size();
        String bands = n == 1 ? "one band" : n + " bands";
        String prompt = match.undo()
                ? String.format(Locale.ROOT, "B has a hidden EQ of %s. Dial %s (frequency, gain, Q) to undo it:"
                        + " make B sound like A.", bands, n == 1 ? "a band" : n + " bands")
                : String.format(Locale.ROOT, "A has a hidden EQ of %s. Dial %s (frequency, gain, Q) on B to copy"
                        + " it: make B sound like A.", bands, n == 1 ? "a band" : n + " bands");
        return new Step(index, stepCount(), prompt, List.of(), false, Optional.of(q));
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        return judge(index, response, new Answering(responseMillis, 0, 0, false));
    }

    @Override
    public Judgement judge(int index, Response response, Answering how) {
        DrillQuestion q = questions.get(index);
        List<Response.Band> given = given(response, q);
        List<EqBand> hidden = q.hidden();
        int n = hidden.size();
        int[] pair = EqMatch.pairing(hidden, given);
        double lost = 0;
        double sumOct = 0;
        double sumDb = 0;
        boolean allRight = true;
        List<Map<String, Object>> bands = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            EqBand h = hidden.get(k);
            Response.Band g = given.get(pair[k]);
            double eOct = EqMatch.octaves(g.hz(), h.frequencyHz());
            double eDb = Math.abs(g.gainDb() - targetGain(h));
            double overOct = Math.max(0, eOct - drill.tolerance());
            double overDb = Math.max(0, eDb - match.toleranceDb());
            allRight &= overOct <= 1e-9 && overDb <= 1e-9;
            lost += (drill.penaltyPerUnit() * overOct + match.penaltyPerDb() * overDb) / n;
            sumOct += eOct;
            sumDb += eDb;
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("band_hz", g.hz());
            b.put("gain_db", g.gainDb());
            b.put("q", g.q());
            b.put("truth_hz", h.frequencyHz());
            b.put("truth_gain_db", targetGain(h));
            b.put("truth_q", h.q());
            b.put("error_octaves", round3(eOct));
            b.put("error_db", round3(eDb));
            bands.add(b);
        }
        double points = Math.max(0, POINTS_PER_QUESTION - lost);
        double errorOct = sumOct / n;
        double errorDb = sumDb / n;
        Measured m = measured(index);
        double distance = EqMatch.distanceDb(EqMatch.spectrum(EqMatch.through(m.pair().b(), given)), m.target());
        double spectrumScore = m.flatDistanceDb() <= 0 ? (distance <= 0 ? 100 : 0)
                : 100 * Math.max(0, 1 - distance / m.flatDistanceDb());
        boolean listened = how.playsA() > 0 && how.playsB() > 0;
        boolean timed = listened && how.timed();
        judged[index] = new Judged(points, errorOct, errorDb, allRight, how.millis(), timed, distance, spectrumScore);

        String truth = describe(hidden.stream().map(h -> new Response.Band(h.frequencyHz(), targetGain(h), h.q()))
                .toList());
        String yours = describe(given);
        String what = match.undo() ? (n == 1 ? "the band that undoes it" : "the bands that undo it")
                : (n == 1 ? "the hidden band" : "the hidden bands");
        String message = (allRight ? "Right: " + what + " " + (n == 1 ? "is " : "are ") + truth + "." : String.format(
                Locale.ROOT, "%s %s %s; you dialled %s (%s octaves, %s dB off).",
                Character.toUpperCase(what.charAt(0)) + what.substring(1), n == 1 ? "was" : "were", truth, yours,
                DrillPlay.format(round2(errorOct)), DrillPlay.format(round2(errorDb))))
                + String.format(Locale.ROOT, " Spectrum off by %.2f dB (%.2f dB with the dials flat).", distance,
                m.flatDistanceDb());
        Feedback feedback = new Feedback(message, Optional.of(allRight), Optional.of(errorOct), Optional.of("octaves"),
                points, POINTS_PER_QUESTION);
        Map<String, Object> question = q.describe();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bands", bands);
        answer.put("error_octaves", round3(errorOct));
        answer.put("error_db", round3(errorDb));
        answer.put("distance_db", round3(distance));
        answer.put("flat_distance_db", round3(m.flatDistanceDb()));
        EqBand h0 = hidden.get(0);
        Response.Band g0 = given.get(pair[0]);
        double nan = Double.NaN;
        QuestionColumns columns = new QuestionColumns(DrillExercise.EQ_MATCH.id(), DrillExercise.EQ_MATCH.id()
                + "/fixed", nan, h0.frequencyHz(), g0.hz(), h0.frequencyHz(), targetGain(h0), h0.q(), nan, nan, nan,
                nan, nan, nan, listened, timed);
        return new Judgement(feedback, Json.of(question), Json.of(answer), Optional.of(columns));
    }

    /** The gain the learner's band should have: the hidden band's, negated to undo it. */
    private double targetGain(EqBand hidden) {
        return match.undo() ? -hidden.gainDb() : hidden.gainDb();
    }

    private static List<Response.Band> given(Response response, DrillQuestion q) {
        int n = q.hidden().size();
        if (!(response instanceof Response.Match m)) {
            throw new IllegalArgumentException("dial " + (n == 1 ? "the band" : "all " + n + " bands")
                    + ": frequency (Hz), gain (dB) and Q each, e.g. '1200 -6 1.4'");
        }
        if (m.bands().size() != n) {
            throw new IllegalArgumentException("give " + n + " band" + (n == 1 ? "" : "s") + " (frequency, gain and Q"
                    + " each), found " + m.bands().size());
        }
        for (Response.Band b : m.bands()) {
            if (!(b.hz() >= EqMatch.MIN_HZ && b.hz() <= EqMatch.MAX_HZ)) {
                throw new IllegalArgumentException("a band's frequency must be 20 Hz to 20 kHz, found "
                        + DrillPlay.format(b.hz()));
            }
            if (!(Math.abs(b.gainDb()) <= EqMatch.MAX_GAIN_DB)) {
                throw new IllegalArgumentException("a band's gain must be -18 to +18 dB, found "
                        + DrillPlay.format(b.gainDb()));
            }
            if (!(b.q() >= EqMatch.MIN_Q && b.q() <= EqMatch.MAX_Q)) {
                throw new IllegalArgumentException("a band's Q must be 0.1 to 18, found " + DrillPlay.format(b.q()));
            }
        }
        return m.bands();
    }

    /** "1.2 kHz -6 dB Q 1.4 + 4 kHz +3 dB Q 2". */
    static String describe(List<Response.Band> bands) {
        List<String> parts = new ArrayList<>();
        for (Response.Band b : bands) {
            parts.add(DrillPlay.label(DrillExercise.EQ_FREQUENCY, b.hz()) + " "
                    + (b.gainDb() > 0 ? "+" : "") + DrillPlay.format(round2(b.gainDb())) + " dB Q "
                    + DrillPlay.format(round2(b.q())));
        }
        return String.join(" + ", parts);
    }

    private Measured measured(int index) {
        if (measured[index] == null) {
            try {
                DrillAudio.Pair p = audio().render(questions.get(index));
                List<SpectrumBand> target = EqMatch.spectrum(p.a());
                measured[index] = new Measured(p, target, EqMatch.distanceDb(EqMatch.spectrum(p.b()), target));
            } catch (AudioFileException e) {
                throw new PlayException(e.getMessage(), e);
            }
        }
        return measured[index];
    }

    private DrillAudio audio() throws AudioFileException {
        if (audio == null) {
            Optional<AudioClip> clip = sourceClip.isPresent() ? sourceClip : decoded();
            audio = clip.isPresent() ? new DrillAudio(drill, seed, clip.get()) : new DrillAudio(drill, seed);
        }
        return audio;
    }

    /** The last song decoded for a match drill, kept softly: "try again" and the next attempt skip the decode. */
    private static java.lang.ref.SoftReference<Object[]> lastDecoded = new java.lang.ref.SoftReference<>(null);

    /** The drill's sound file decoded (from the cache when it is the file decoded last and unchanged). */
    private Optional<AudioClip> decoded() throws AudioFileException {
        if (!(drill.source() instanceof org.controlroom.lesson.script.AssetSource asset)) {
            return Optional.empty();
        }
        java.nio.file.Path file = asset.resolved();
        long modified;
        try {
            modified = java.nio.file.Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return Optional.empty();   // DrillAudio reports the file
        }
        synchronized (EqMatchPlay.class) {
            Object[] cached = lastDecoded.get();
            if (cached != null && cached[0].equals(file) && (long) cached[1] == modified) {
                return Optional.of((AudioClip) cached[2]);
            }
        }
        AudioClip clip = org.controlroom.dsp.io.AudioFiles.read(file);
        synchronized (EqMatchPlay.class) {
            lastDecoded = new java.lang.ref.SoftReference<>(new Object[] {file, modified, clip});
        }
        return Optional.of(clip);
    }

    @Override
    public Optional<Listening> listening(int index) throws AudioFileException {
        if (measured[index] != null) {
            return Optional.of(new Listening(measured[index].pair(), true));
        }
        return Optional.of(new Listening(audio().render(questions.get(index)), true));
    }

    @Override
    public List<Criterion> criteria() {
        List<Judged> done = java.util.Arrays.stream(judged).filter(java.util.Objects::nonNull).toList();
        int n = done.size();
        double won = done.stream().mapToDouble(Judged::points).sum();
        long right = done.stream().filter(Judged::correct).count();
        double meanOct = done.stream().mapToDouble(Judged::errorOctaves).average().orElse(0);
        double meanDb = done.stream().mapToDouble(Judged::errorDb).average().orElse(0);
        double accuracy = n == 0 ? 0 : 100 * won / (n * POINTS_PER_QUESTION);
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("right", right);
        am.put("questions", n);
        am.put("mean_error_octaves", round2(meanOct));
        am.put("mean_error_db", round2(meanDb));
        String ad = String.format(Locale.ROOT, "%d of %d right, %s of %s points, mean error %s octaves and %s dB",
                right, n, DrillPlay.format(round2(won)), DrillPlay.format(n * POINTS_PER_QUESTION),
                DrillPlay.format(round2(meanOct)), DrillPlay.format(round2(meanDb)));

        double spectrum = done.stream().mapToDouble(Judged::spectrumScore).average().orElse(0);
        double meanDistance = done.stream().mapToDouble(Judged::distanceDb).average().orElse(0);
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("distance_db", round3(meanDistance));
        sm.put("distances_db", done.stream().map(j -> round3(j.distanceDb())).toList());
        String sd = String.format(Locale.ROOT, "your result's 1/3-octave spectrum is %.2f dB from the target on"
                + " average (level-normalised); 100 is a perfect match, 0 no better than leaving the dials flat",
                meanDistance);

        long limit = Math.round(drill.targetSeconds() * 1000);
        long timed = done.stream().filter(Judged::timed).count();
        long quick = done.stream().filter(j -> j.timed() && j.correct() && j.millis() <= limit).count();
        double speed = n == 0 ? 0 : 100.0 * quick / n;
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("within_target", quick);
        pm.put("timed_answers", timed);
        String pd = String.format(Locale.ROOT, "%d of %d answers right within %s s after listening to A and B", quick,
                n, DrillPlay.format(drill.targetSeconds()));
        return List.of(new Criterion("accuracy", accuracy, 0, ad, am), new Criterion("spectrum", spectrum, 0, sd, sm),
                new Criterion("speed", speed, 0, pd, pm));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
