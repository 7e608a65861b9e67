package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.controlroom.dsp.AudioClip;
import org.controlroom.lesson.adapt.Staircase;
import org.controlroom.lesson.adapt.Trial;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.store.QuestionColumns;

/**
 * An ear-training drill: {@code questions} questions, each hiding one of the drill's choices. Every
 * question is worth 10 points; an answer within the tolerance is right and scores all 10, otherwise
 * {@code penalty_per_unit} points are lost per unit of error (octaves, dB, pan, ratio) beyond it.
 * Criteria: {@code accuracy} (points won of points possible) and {@code speed} (share of answers that are
 * right and given within the drill's target time <em>after listening</em> to A and B; wrong answers, answers
 * read from a file and answers given without listening never score speed).
 *
 * <p>An adaptive drill makes each question when the one before is answered, at the level of the
 * learner's staircase for the drill's family (rebuilt from the learner's stored answers); a weak-spots
 * drill asks more often about the bands the learner has missed most.
 */
final class DrillPlay implements LessonPlay {

    static final double POINTS_PER_QUESTION = 10;
    /** Attack and release of the compression drill's compressor. */
    static final double ATTACK_MS = 10;
    static final double RELEASE_MS = 100;

    private DrillAudio audio;
    private final Optional<AudioClip> sourceClip;
    private final DrillSection drill;
    private final long seed;
    private final double sourceSeconds;
    private final SplittableRandom random;
    private final DrillFamily family;
    private final Optional<Staircase> staircase;
    private final Map<Double, Double> missRate;
    private final List<DrillQuestion> questions = new ArrayList<>();
    private final List<List<Double>> choicesByIndex = new ArrayList<>();
    private final List<Double> levelByIndex = new ArrayList<>();
    /** The judged answer of each question, by index: judging again (a retry after a failed save) replaces it. */
    private final Judged[] judgedByIndex;
    private final boolean[] counted;
    private int previousPick = -1;

    /** A judged answer; {@code pairs} are its (truth, answer) pairs for the confusion matrix, one per band. */
    private record Judged(double points, double error, boolean correct, long millis, boolean timed,
                          List<double[]> pairs) {
    }

    DrillPlay(DrillSection drill, long seed, double sourceSeconds) {
        this(drill, seed, sourceSeconds, Optional.empty());
    }

    DrillPlay(DrillSection drill, long seed, double sourceSeconds, Optional<AudioClip> sourceClip) {
        this(drill, seed, sourceSeconds, sourceClip, List.of());
    }

    /**
     * A drill whose questions are heard on {@code sourceClip} when given (the learner's music), else on
     * its source; an adaptive or weak-spots drill starts from the learner's {@code history}.
     */
    DrillPlay(DrillSection drill, long seed, double sourceSeconds, Optional<AudioClip> sourceClip, List<Trial> history) {
        this.sourceClip = sourceClip;
        this.drill = drill;
        this.seed = seed;
        this.sourceSeconds = sourceSeconds;
        this.random = new SplittableRandom(seed);
        this.family = DrillFamily.of(drill);
        this.staircase = drill.adaptive()
                ? Optional.of(Staircase.replay(family.ladder(), family.id(), history)) : Optional.empty();
        this.missRate = drill.weakSpots() ? missRates(drill.exercise(), history) : Map.of();
        this.judgedByIndex = new Judged[drill.questions()];
        this.counted = new boolean[drill.questions()];
        if (!drill.adaptive()) {
            for (int i = 0; i < drill.questions(); i++) {
                makeQuestion(i);
            }
        } else {
            makeQuestion(0);
        }
    }

    /** Per band (or value), the share of the learner's answers to it that were wrong. */
    private static Map<Double, Double> missRates(DrillExercise exercise, List<Trial> history) {
        Map<Double, int[]> counts = new HashMap<>();
        for (Trial t : history) {
            if (t.family().startsWith(exercise.id()) && Double.isFinite(t.truth())) {
                int[] c = counts.computeIfAbsent(t.truth(), k -> new int[2]);
                c[0]++;
                if (!t.correct()) {
                    c[1]++;
                }
            }
        }
        Map<Double, Double> out = new HashMap<>();
        counts.forEach((k, c) -> out.put(k, (double) c[1] / c[0]));
        return out;
    }

    /** The family whose staircase this drill moves. */
    DrillFamily family() {
        return family;
    }

    Optional<Staircase> staircase() {
        return staircase;
    }

    /** ISO 266 third-octave centres from 31.5 Hz to 16 kHz; the octave and 2/3-octave grids are every 3rd and 2nd. */
    static final double[] ISO_THIRDS = {31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000,
        1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000};
    /** Where eq-boost-cut and eq-q questions put their band when the lesson names none. */
    static final double[] OCTAVE_CENTRES = {125, 250, 500, 1000, 2000, 4000, 8000};
    /** How many bands a resolution staircase offers at once. */
    static final int RESOLUTION_BANDS = 7;

    private void makeQuestion(int i) {
        double level = staircase.map(Staircase::level).orElse(Double.NaN);
        List<Double> choices = choicesAt(level);
        DrillExercise e = drill.exercise();
        // excerpts come from the drill's part of the source (all of it unless the lesson names one)
        double from = Math.min(drill.excerptFromSeconds(), sourceSeconds);
        double to = Math.min(drill.excerptToSeconds().orElse(sourceSeconds), sourceSeconds);
        double span = Math.max(0, to - from);
        double excerpt = Math.min(drill.clipSeconds(), span > 0 ? span : sourceSeconds);
        double start = span > excerpt ? from + Math.floor(random.nextDouble() * (span - excerpt) * 10) / 10
                : (span > 0 ? from : 0);
        double gain = drill.gainDb();
        if (e == DrillExercise.EQ_FREQUENCY && staircase.isPresent() && !drill.options().resolutionStaircase()) {
            gain = Math.signum(drill.gainDb()) * level;
        }
        List<Double> offered = new ArrayList<>(choices);
        double answer;
        List<Double> bands;
        var options = drill.options();
        if (options.noChange() > 0 && e.noChangeValue().isPresent()) {
            double none = e.noChangeValue().getAsDouble();
            if (!offered.contains(none)) {
                offered.add(0, none);
            }
        }
        if (options.bands() > 1) {
            bands = pickBands(choices, options.bands());
            answer = bands.get(0);
        } else if (options.noChange() > 0 && e.noChangeValue().isPresent() && random.nextDouble() < options.noChange()) {
            answer = e.noChangeValue().getAsDouble();
            bands = List.of(answer);
        } else {
            List<Double> changes = e.noChangeValue().isPresent()
                    ? choices.stream().filter(c -> c != e.noChangeValue().getAsDouble()).toList() : choices;
            answer = changes.get(pick(changes));
            bands = List.of(answer);
        }
        double band = drill.frequencyHz().orElse(Double.NaN);
        if ((e == DrillExercise.EQ_BOOST_CUT || e == DrillExercise.EQ_Q) && drill.frequencyHz().isEmpty()) {
            band = OCTAVE_CENTRES[random.nextInt(OCTAVE_CENTRES.length)];
        }
        if (e == DrillExercise.EQ_BOOST_CUT) {
            gain = Math.abs(drill.gainDb());
        }
        double ratio = e == DrillExercise.COMPRESSION ? answer : options.ratio();
        double attack = e == DrillExercise.COMPRESSION_ATTACK ? answer
                : e == DrillExercise.COMPRESSION ? ATTACK_MS : options.attackMs();
        double release = e == DrillExercise.COMPRESSION_RELEASE ? answer
                : e == DrillExercise.COMPRESSION ? RELEASE_MS : options.releaseMs();
        double depth = e == DrillExercise.COMPRESSION_DEPTH ? answer : options.gainReductionDb();
        questions.add(new DrillQuestion(i + 1, e, answer, gain, drill.q(), band, drill.thresholdDb(), start, excerpt,
                bands, options.filter(), ratio, attack, release, depth));
        choicesByIndex.add(List.copyOf(offered));
        levelByIndex.add(level);
    }

    /** {@code k} different bands of the grid, never neighbours (so each can be named apart). */
    private List<Double> pickBands(List<Double> choices, int k) {
        List<Double> sorted = choices.stream().sorted().toList();
        for (int attempt = 0; attempt < 1000; attempt++) {
            java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
            while (picked.size() < k) {
                picked.add(random.nextInt(sorted.size()));
            }
            boolean apart = true;
            Integer prev = null;
            for (int p : picked) {
                if (prev != null && p - prev < 2) {
                    apart = false;
                }
                prev = p;
            }
            if (apart) {
                List<Double> out = new ArrayList<>();
                for (int p : picked) {
                    out.add(sorted.get(p));
                }
                java.util.Collections.shuffle(out, new java.util.Random(random.nextLong()));
                return out;
            }
        }
        throw new IllegalStateException("cannot place " + k + " bands apart on " + sorted.size() + " choices");
    }

    /** Which choice the next question hides: not the same twice in a row (of 4 or more); weak spots weigh more. */
    private int pick(List<Double> choices) {
        int n = choices.size();
        double[] weight = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            // with many choices the same one never comes twice in a row; with two or three it may (else the
            // answers would simply alternate and could be guessed)
            weight[k] = k == previousPick && n > 3 ? 0 : 1 + 3 * missRate.getOrDefault(choices.get(k), 0.0);
            total += weight[k];
        }
        double r = random.nextDouble() * total;
        int pick = n - 1;
        for (int k = 0; k < n; k++) {
            r -= weight[k];
            if (r < 0) {
                pick = k;
                break;
            }
        }
        previousPick = pick;
        return pick;
    }

    /**
     * The answers offered: the lesson's (shifted by up to half a grid step when the grid is offset), or
     * for an adaptive drill those its staircase level makes.
     */
    private List<Double> choicesAt(double level) {
        DrillExercise e = drill.exercise();
        if (e == DrillExercise.MIX_LEVEL) {
            List<Double> out = new ArrayList<>();
            for (int k = 0; k < drill.options().stems().size(); k++) {
                for (double d : drill.choices()) {
                    out.add(k * 100 + d);
                }
            }
            return out;
        }
        if (e == DrillExercise.EQ_FREQUENCY && staircase.isPresent() && drill.options().resolutionStaircase()) {
            int stride = (int) Math.round(level * 3);
            int span = (RESOLUTION_BANDS - 1) * stride;
            int first = 3 + random.nextInt(ISO_THIRDS.length - 3 - span);   // from 63 Hz up
            List<Double> out = new ArrayList<>();
            for (int k = 0; k < RESOLUTION_BANDS; k++) {
                out.add(ISO_THIRDS[first + k * stride]);
            }
            return out;
        }
        if (e == DrillExercise.EQ_FREQUENCY && drill.options().gridOffset()) {
            double step = octaveStep(drill.choices());
            double factor = Math.pow(2, (random.nextDouble() - 0.5) * step);
            List<Double> out = new ArrayList<>();
            for (double c : drill.choices()) {
                out.add(Math.max(20, Math.min(20000, threeFigures(c * factor))));
            }
            return out;
        }
        if (staircase.isEmpty() || e == DrillExercise.EQ_FREQUENCY) {
            return drill.choices();
        }
        return switch (e) {
            case EQ_GAIN, LEVEL -> List.of(-3 * level, -2 * level, -level, level, 2 * level, 3 * level);
            case PAN -> {
                int steps = (int) Math.floor(1 / level + 1e-9);
                int width = Math.min(5, 2 * steps + 1);
                int first = -steps + random.nextInt(2 * steps + 2 - width);
                List<Double> out = new ArrayList<>();
                for (int k = first; k < first + width; k++) {
                    out.add(Math.round(k * level * 1000) / 1000.0);
                }
                yield out;
            }
            case COMPRESSION -> {
                List<Double> out = new ArrayList<>();
                for (double r = 1.5; r <= 30 + 1e-9 && out.size() < 4; r *= level) {
                    out.add(Math.round(r * 100) / 100.0);
                }
                yield out;
            }
            default -> drill.choices();
        };
    }

    /** The smallest spacing of a band grid, in octaves. */
    static double octaveStep(List<Double> bands) {
        List<Double> sorted = bands.stream().sorted().toList();
        double smallest = 1;
        for (int i = 1; i < sorted.size(); i++) {
            smallest = Math.min(smallest, Math.log(sorted.get(i) / sorted.get(i - 1)) / Math.log(2));
        }
        return smallest;
    }

    /** A frequency rounded to three significant figures (1123.4 Hz → 1120 Hz). */
    static double threeFigures(double hz) {
        double scale = Math.pow(10, Math.floor(Math.log10(hz)) - 2);
        return Math.round(hz / scale) * scale;
    }

    List<DrillQuestion> questions() {
        return List.copyOf(questions);
    }

    @Override
    public int stepCount() {
        return drill.questions();
    }

    @Override
    public Step step(int index) {
        if (index >= questions.size()) {
            throw new IllegalStateException("question " + (index + 1) + " is made when question " + index
                    + " has been answered");
        }
        DrillQuestion q = questions.get(index);
        List<Choice> choices = new ArrayList<>();
        for (double c : choicesByIndex.get(index)) {
            choices.add(new Choice(format(c), label(c), c));
        }
        return new Step(index, stepCount(), prompt(q), choices, q.bands().size() > 1, Optional.of(q));
    }

    private String prompt(DrillQuestion q) {
        boolean none = drill.options().noChange() > 0;
        String orNot = none ? " (or nothing at all)" : "";
        return switch (q.exercise()) {
            case EQ_FREQUENCY -> switch (q.filter()) {
                case "lowshelf", "highshelf" -> String.format(Locale.ROOT, "B has a %s %s by %s dB%s. Where is its corner?",
                        q.filter().equals("lowshelf") ? "low shelf" : "high shelf", q.gainDb() >= 0 ? "boosting" : "cutting",
                        format(Math.abs(q.gainDb())), orNot);
                case "lowpass" -> "B is low-passed (the top is cut)" + orNot + ". Where is the cutoff?";
                case "highpass" -> "B is high-passed (the bottom is cut)" + orNot + ". Where is the cutoff?";
                default -> q.bands().size() > 1
                        ? String.format(Locale.ROOT, "B has %d bands %s by %s dB. Name all %d.", q.bands().size(),
                                q.gainDb() >= 0 ? "boosted" : "cut", format(Math.abs(q.gainDb())), q.bands().size())
                        : String.format(Locale.ROOT, "B has one band %s by %s dB%s. Which frequency?",
                                q.gainDb() >= 0 ? "boosted" : "cut", format(Math.abs(q.gainDb())), orNot);
            };
            case EQ_GAIN -> String.format(Locale.ROOT, "B has the band at %s boosted or cut. By how much?",
                    hz(q.frequencyHz()));
            case EQ_BOOST_CUT -> String.format(Locale.ROOT, "B has the band at %s changed by %s dB%s. Boost or cut?",
                    hz(q.frequencyHz()), format(Math.abs(q.gainDb())), none ? ", or left alone" : "");
            case EQ_Q -> String.format(Locale.ROOT, "B has the band at %s %s by %s dB. Wide or narrow?",
                    hz(q.frequencyHz()), q.gainDb() >= 0 ? "boosted" : "cut", format(Math.abs(q.gainDb())));
            case LEVEL -> "B is louder or quieter than A. By how many dB?";
            case PAN -> "Where is B panned?";
            case COMPRESSION -> "B is compressed. At what ratio?";
            case COMPRESSION_DEPTH -> String.format(Locale.ROOT,
                    "B is compressed at %s:1. How deep does it dig (gain reduction)?", format(q.ratio()));
            case COMPRESSION_ATTACK -> String.format(Locale.ROOT,
                    "B is compressed at %s:1 (about %s dB of reduction). Is the attack fast or slow?",
                    format(q.ratio()), format(q.depthDb()));
            case COMPRESSION_RELEASE -> String.format(Locale.ROOT,
                    "B is compressed at %s:1 (about %s dB of reduction). Is the release fast or slow?",
                    format(q.ratio()), format(q.depthDb()));
            case MIX_LEVEL -> "One track of B's mix moved. Which, and by how many dB?";
            case WIDTH -> "Is B narrower or wider than A" + (none ? " (or the same)?" : "?");
            case EQ_MATCH -> throw new IllegalStateException("eq-match is played by EqMatchPlay");
        };
    }

    private static String hz(double v) {
        return label(DrillExercise.EQ_FREQUENCY, v);
    }

    /** A choice's label, in this drill's terms (a stem's name, "fast"/"slow", "wide"/"narrow"). */
    String label(double v) {
        DrillExercise e = drill.exercise();
        if (e.noChangeValue().isPresent() && e.noChangeValue().getAsDouble() == v && drill.options().noChange() > 0) {
            return e == DrillExercise.WIDTH ? "same" : "no change";
        }
        List<Double> sorted = drill.choices().stream().sorted().toList();
        return switch (e) {
            case MIX_LEVEL -> {
                int stem = (int) Math.round(v / 100);
                yield stemName(stem) + " " + label(DrillExercise.LEVEL, v - 100 * stem);
            }
            case EQ_Q -> (v == sorted.get(0) ? "wide" : v == sorted.get(sorted.size() - 1) ? "narrow" : "medium")
                    + " (Q " + format(v) + ")";
            case COMPRESSION_ATTACK, COMPRESSION_RELEASE -> (v == sorted.get(0) ? "fast"
                    : v == sorted.get(sorted.size() - 1) ? "slow" : "medium") + " (" + format(v) + " ms)";
            case WIDTH -> (v < 1 ? "narrower" : v > 1 ? "wider" : "same") + " (" + format(v) + "x)";
            default -> label(e, v);
        };
    }

    private String stemName(int k) {
        List<org.controlroom.lesson.script.AssetSource> stems = drill.options().stems();
        if (k < 0 || k >= stems.size()) {
            return "track " + (k + 1);
        }
        String name = stems.get(k).resolved().getFileName().toString();
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    static String label(DrillExercise exercise, double v) {
        return switch (exercise) {
            case EQ_FREQUENCY -> v == 0 ? "no change" : v >= 1000 ? format(v / 1000) + " kHz" : format(v) + " Hz";
            case EQ_GAIN, LEVEL, COMPRESSION_DEPTH, MIX_LEVEL -> (v > 0 && exercise != DrillExercise.COMPRESSION_DEPTH
                    ? "+" : "") + format(v) + " dB";
            case PAN -> v == 0 ? "centre" : (v < 0 ? "L " : "R ") + format(Math.abs(v) * 100) + "%";
            case COMPRESSION -> format(v) + ":1";
            case EQ_BOOST_CUT -> v > 0 ? "boost" : v < 0 ? "cut" : "no change";
            case EQ_Q -> "Q " + format(v);
            case COMPRESSION_ATTACK, COMPRESSION_RELEASE -> format(v) + " ms";
            case WIDTH -> format(v) + "x";
            case EQ_MATCH -> label(DrillExercise.EQ_FREQUENCY, v);
        };
    }

    static String format(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        // no listens known: such an answer cannot score speed
        return judge(index, response, new Answering(responseMillis, 0, 0, false));
    }

    @Override
    public Judgement judge(int index, Response response, Answering how) {
        DrillQuestion q = questions.get(index);
        List<Double> offered = choicesByIndex.get(index);
        List<Double> givenAll = givenValues(response, q, offered);
        double given = givenAll.get(0);
        double error;
        boolean correct;
        double points;
        if (q.bands().size() > 1) {
            // each band counts for its share; a band is named when an answer sits within the tolerance of it
            double sum = 0;
            int named = 0;
            for (double truth : q.bands()) {
                double nearest = givenAll.stream().mapToDouble(g -> error(q.exercise(), g, truth)).min().orElse(1);
                sum += nearest;
                if (nearest <= drill.tolerance() + 1e-9) {
                    named++;
                }
            }
            error = sum / q.bands().size();
            correct = named == q.bands().size();
            points = POINTS_PER_QUESTION * named / q.bands().size();
        } else if (q.exercise().noChangeValue().isPresent() && drill.options().noChange() > 0
                && (q.noChange() || given == q.exercise().noChangeValue().getAsDouble())) {
            // "no change" is right only when nothing changed; heard or imagined, a miss scores nothing
            correct = given == q.answer();
            error = correct ? 0 : 1;
            points = correct ? POINTS_PER_QUESTION : 0;
        } else {
            error = error(q, given, offered);
            double excess = Math.max(0, error - drill.tolerance());
            correct = excess <= 1e-9;
            points = correct ? POINTS_PER_QUESTION : Math.max(0, POINTS_PER_QUESTION - drill.penaltyPerUnit() * excess);
        }
        boolean listened = how.playsA() > 0 && how.playsB() > 0;
        boolean timed = listened && how.timed();
        judgedByIndex[index] = new Judged(points, error, correct, how.millis(), timed, pairs(q, givenAll));
        String unit = q.exercise().errorUnit();
        String truthText = q.bands().size() > 1 ? labels(q.bands()) : label(q.answer());
        String message = correct
                ? "Right: " + truthText + "."
                : String.format(Locale.ROOT, "It was %s; you said %s (%s %s off).",
                        truthText, q.bands().size() > 1 ? labels(givenAll) : label(given), format(round2(error)),
                        round2(error) == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        Feedback feedback = new Feedback(message, Optional.of(correct), Optional.of(error), Optional.of(unit),
                points, POINTS_PER_QUESTION);
        Map<String, Object> question = q.describe();
        if (staircase.isPresent()) {
            question.put("family", family.id());
            question.put("difficulty", levelByIndex.get(index));
        }
        question.put("choices", offered);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("answer", given);
        if (givenAll.size() > 1) {
            answer.put("answers", givenAll);
        }
        if (q.bands().size() > 1) {
            // every band with the answer paired with it, for the progress screen's confusion heat map (the
            // columns keep the first band only)
            List<List<Double>> pairs = new ArrayList<>();
            for (double[] pair : pairs(q, givenAll)) {
                pairs.add(List.of(pair[0], pair[1]));
            }
            answer.put("pairs", pairs);
        }
        return new Judgement(feedback, Json.of(question), Json.of(answer),
                Optional.of(columns(q, index, given, listened, timed)));
    }

    /** The answers a response gives: one value, or (several bands) one choice id per band. */
    private static List<Double> givenValues(Response response, DrillQuestion q, List<Double> offered) {
        List<Double> out = new ArrayList<>();
        if (response instanceof Response.Value value) {
            out.add(value.value());
        } else if (response instanceof Response.Options opts) {
            for (String id : opts.ids()) {
                out.add(offered.stream().filter(c -> format(c).equals(id)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("answer " + id + " is not one of the choices offered")));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("a drill answer is one of the choices offered");
        }
        for (double g : out) {
            if (!Double.isFinite(g) || offered.stream().noneMatch(c -> c == g)) {
                throw new IllegalArgumentException("answer " + format(g) + " is not one of the choices offered");
            }
        }
        int want = q.bands().size();
        if (want > 1 && (out.size() != want || out.stream().distinct().count() != want)) {
            throw new IllegalArgumentException("name " + want + " different bands (you gave " + out.size() + ")");
        }
        if (want == 1 && out.size() > 1) {
            throw new IllegalArgumentException("give one answer");
        }
        return out;
    }

    /**
     * For the confusion matrix: every band of the question with the answer given to it. With several bands the
     * answers are paired with the bands one to one, the pairing with the least total error (so "250 + 4k" for
     * bands 4k and 250 is two right answers, and one wrong band is one confusion).
     */
    static List<double[]> pairs(DrillQuestion q, List<Double> givenAll) {
        List<Double> truths = q.bands().size() > 1 ? q.bands() : List.of(q.answer());
        if (truths.size() == 1) {
            double truth = truths.get(0);
            double given = givenAll.stream().min(java.util.Comparator.comparingDouble(g -> error(q.exercise(), g, truth)))
                    .orElse(givenAll.get(0));
            return List.<double[]>of(new double[] {truth, given});
        }
        int n = truths.size();
        int[] best = Pairing.leastCost(n, (a, t) -> error(q.exercise(), givenAll.get(a), truths.get(t)));
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new double[] {truths.get(k), givenAll.get(best[k])});
        }
        return out;
    }

    private String labels(List<Double> values) {
        return String.join(" + ", values.stream().sorted().map(this::label).toList());
    }

    private QuestionColumns columns(DrillQuestion q, int index, double given, boolean listened, boolean timed) {
        double nan = Double.NaN;
        DrillExercise e = q.exercise();
        double band = switch (e) {
            case EQ_FREQUENCY -> q.noChange() ? nan : q.answer();
            case EQ_GAIN, EQ_BOOST_CUT, EQ_Q -> q.frequencyHz();
            default -> nan;
        };
        double gain = switch (e) {
            case EQ_FREQUENCY, EQ_Q -> q.gainDb();
            case EQ_GAIN -> q.answer();
            case EQ_BOOST_CUT -> Math.signum(q.answer()) * q.gainDb();
            default -> nan;
        };
        double qColumn = e == DrillExercise.EQ_Q ? q.answer() : e.eq() ? q.q() : nan;
        boolean comp = e.compression();
        double level = e == DrillExercise.LEVEL ? q.answer() : e == DrillExercise.MIX_LEVEL ? q.stemDb() : nan;
        return new QuestionColumns(e.id(), staircase.isPresent() ? family.id() : e.id() + "/fixed",
                levelByIndex.get(index), q.answer(), given, band, gain, qColumn, level,
                e == DrillExercise.PAN ? q.answer() : nan, comp ? q.ratio() : nan,
                e == DrillExercise.COMPRESSION ? q.thresholdDb() : nan, comp ? q.attackMs() : nan,
                comp ? q.releaseMs() : nan, listened, timed);
    }

    @Override
    public void answered(int index, Judgement judgement) {
        if (counted[index]) {
            return;
        }
        counted[index] = true;
        Judged j = judgedByIndex[index];
        staircase.ifPresent(s -> s.record(j.correct()));
        if (index + 1 < stepCount() && questions.size() == index + 1) {
            makeQuestion(index + 1);
        }
    }

    /**
     * How far an answer is from the truth in the exercise's unit: octaves for frequencies, dB for gains and
     * levels (for mix-level, a wrong track is off by both steps), pan, ratio; for fast/slow, wide/narrow and
     * narrower/wider, how many choices apart.
     */
    private static double error(DrillQuestion q, double given, List<Double> offered) {
        DrillExercise e = q.exercise();
        if (e == DrillExercise.MIX_LEVEL) {
            int gs = (int) Math.round(given / 100);
            double gd = given - 100 * gs;
            return gs == q.stem() ? Math.abs(gd - q.stemDb()) : Math.abs(gd) + Math.abs(q.stemDb());
        }
        if (e.errorUnit().equals("choices")) {
            List<Double> sorted = offered.stream().sorted().toList();
            return Math.abs(sorted.indexOf(given) - sorted.indexOf(q.answer()));
        }
        return error(e, given, q.answer());
    }

    static double error(DrillExercise exercise, double given, double truth) {
        return switch (exercise) {
            case EQ_FREQUENCY -> given <= 0 || truth <= 0 ? (given == truth ? 0 : 1)
                    : Math.abs(Math.log(given / truth) / Math.log(2));
            default -> Math.abs(given - truth);
        };
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public Optional<Listening> listening(int index) throws org.controlroom.dsp.io.AudioFileException {
        DrillQuestion q = step(index).drillQuestion().orElseThrow();
        if (audio == null) {
            audio = sourceClip.isPresent() ? new DrillAudio(drill, seed, sourceClip.get()) : new DrillAudio(drill, seed);
        }
        DrillExercise e = q.exercise();
        // when level is not what is asked, the louder version must not give the answer away
        return Optional.of(new Listening(audio.render(q), e.matchLoudness()));
    }

    /** The most right answers in a row in this attempt. */
    private int bestStreak() {
        int best = 0;
        int run = 0;
        for (Judged j : judgedByIndex) {
            if (j == null) {
                continue;
            }
            run = j.correct() ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /**
     * The session's confusion matrix: {@code values} (every truth and answer given, low to high) with their
     * {@code labels}, and {@code counts[t][a]}: how often the truth {@code values[t]} was answered
     * {@code values[a]} (for several bands, every band against the answer paired with it).
     */
    private Map<String, Object> confusion(List<Judged> judged) {
        java.util.TreeSet<Double> values = new java.util.TreeSet<>();
        for (Judged j : judged) {
            for (double[] pair : j.pairs()) {
                values.add(pair[0]);
                values.add(pair[1]);
            }
        }
        List<Double> axis = List.copyOf(values);
        int[][] counts = new int[axis.size()][axis.size()];
        for (Judged j : judged) {
            for (double[] pair : j.pairs()) {
                counts[axis.indexOf(pair[0])][axis.indexOf(pair[1])]++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", axis);
        m.put("labels", axis.stream().map(this::label).toList());
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : counts) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        m.put("counts", rows);
        return m;
    }

    @Override
    public List<Criterion> criteria() {
        List<Judged> judged = Arrays.stream(judgedByIndex).filter(Objects::nonNull).toList();
        int n = judged.size();
        double won = judged.stream().mapToDouble(Judged::points).sum();
        long right = judged.stream().filter(Judged::correct).count();
        double meanError = judged.stream().mapToDouble(Judged::error).average().orElse(0);
        double accuracy = n == 0 ? 0 : 100 * won / (n * POINTS_PER_QUESTION);
        String unit = drill.exercise().errorUnit();
        StringBuilder accuracyDetail = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d right, %s of %s points, mean error %s %s", right, n, format(round2(won)),
                format(n * POINTS_PER_QUESTION), format(round2(meanError)), unit));
        Map<String, Object> accuracyMeasured = new LinkedHashMap<>();
        accuracyMeasured.put("right", right);
        accuracyMeasured.put("questions", n);
        accuracyMeasured.put("mean_error_" + unit, round2(meanError));
        staircase.ifPresent(s -> {
            accuracyMeasured.put("family", family.id());
            accuracyMeasured.put("level_now", s.level());
            s.threshold().ifPresentOrElse(t -> {
                accuracyMeasured.put("threshold", round2(t));
                accuracyDetail.append("; ").append(family.describe(t));
            }, () -> accuracyDetail.append("; threshold after ").append(Staircase.MIN_REVERSALS)
                    .append(" reversals (").append(s.reversalCount()).append(" so far)"));
        });

        accuracyMeasured.put("best_streak", bestStreak());
        accuracyMeasured.put("confusion", confusion(judged));

        long limit = Math.round(drill.targetSeconds() * 1000);
        long timed = judged.stream().filter(Judged::timed).count();
        // speed is for right answers given after listening: a fast wrong answer (a guess) earns none
        long quick = judged.stream().filter(j -> j.timed() && j.correct() && j.millis() <= limit).count();
        double speed = n == 0 ? 0 : 100.0 * quick / n;
        long[] times = judged.stream().filter(Judged::timed).mapToLong(Judged::millis).sorted().toArray();
        double median = times.length == 0 ? 0 : times[times.length / 2] / 1000.0;
        String speedDetail = String.format(Locale.ROOT, "%d of %d answers right within %s s after listening to A and B"
                        + " (median %.1f s)%s", quick, n, format(drill.targetSeconds()), median,
                timed < n ? "; " + (n - timed) + " not timed (no listen to both A and B, or answers from a file)" : "");
        Map<String, Object> speedMeasured = new LinkedHashMap<>();
        speedMeasured.put("median_seconds", median);
        speedMeasured.put("within_target", quick);
        speedMeasured.put("timed_answers", timed);
        return List.of(new Criterion("accuracy", accuracy, 0, accuracyDetail.toString(), accuracyMeasured),
                new Criterion("speed", speed, 0, speedDetail, speedMeasured));
    }
}
