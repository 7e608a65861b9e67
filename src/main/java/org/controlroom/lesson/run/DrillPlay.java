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
 * Criteria: {@code accuracy} (points won of points possible) and {@code speed} (share of answers given
 * within the drill's target time <em>after listening</em> to A and B; answers read from a file or given
 * without listening never score speed).
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

    private record Judged(double points, double error, boolean correct, long millis, boolean timed) {
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

    private void makeQuestion(int i) {
        double level = staircase.map(Staircase::level).orElse(Double.NaN);
        List<Double> choices = choicesAt(level);
        int pick = pick(choices);
        // excerpts come from the drill's part of the source (all of it unless the lesson names one)
        double from = Math.min(drill.excerptFromSeconds(), sourceSeconds);
        double to = Math.min(drill.excerptToSeconds().orElse(sourceSeconds), sourceSeconds);
        double span = Math.max(0, to - from);
        double excerpt = Math.min(drill.clipSeconds(), span > 0 ? span : sourceSeconds);
        double start = span > excerpt ? from + Math.floor(random.nextDouble() * (span - excerpt) * 10) / 10
                : (span > 0 ? from : 0);
        double gain = drill.gainDb();
        if (drill.exercise() == DrillExercise.EQ_FREQUENCY && staircase.isPresent()) {
            gain = Math.signum(drill.gainDb()) * level;
        }
        questions.add(new DrillQuestion(i + 1, drill.exercise(), choices.get(pick), gain, drill.q(),
                drill.frequencyHz().orElse(Double.NaN), drill.thresholdDb(), start, excerpt));
        choicesByIndex.add(choices);
        levelByIndex.add(level);
    }

    /** Which choice the next question hides: never the same twice in a row; weak spots weigh more. */
    private int pick(List<Double> choices) {
        int n = choices.size();
        double[] weight = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            weight[k] = k == previousPick && n > 1 ? 0 : 1 + 3 * missRate.getOrDefault(choices.get(k), 0.0);
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

    /** The answers offered: the lesson's, or for an adaptive drill those its staircase level makes. */
    private List<Double> choicesAt(double level) {
        if (staircase.isEmpty() || drill.exercise() == DrillExercise.EQ_FREQUENCY) {
            return drill.choices();
        }
        return switch (drill.exercise()) {
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
            choices.add(new Choice(format(c), label(drill.exercise(), c), c));
        }
        return new Step(index, stepCount(), prompt(q), choices, false, Optional.of(q));
    }

    private static String prompt(DrillQuestion q) {
        return switch (q.exercise()) {
            case EQ_FREQUENCY -> q.gainDb() >= 0
                    ? String.format(Locale.ROOT, "B has one band boosted by %s dB. Which frequency?", format(q.gainDb()))
                    : String.format(Locale.ROOT, "B has one band cut by %s dB. Which frequency?", format(-q.gainDb()));
            case EQ_GAIN -> String.format(Locale.ROOT, "B has the band at %s boosted or cut. By how much?",
                    label(DrillExercise.EQ_FREQUENCY, q.frequencyHz()));
            case LEVEL -> "B is louder or quieter than A. By how many dB?";
            case PAN -> "Where is B panned?";
            case COMPRESSION -> "B is compressed. At what ratio?";
        };
    }

    static String label(DrillExercise exercise, double v) {
        return switch (exercise) {
            case EQ_FREQUENCY -> v >= 1000 ? format(v / 1000) + " kHz" : format(v) + " Hz";
            case EQ_GAIN, LEVEL -> (v > 0 ? "+" : "") + format(v) + " dB";
            case PAN -> v == 0 ? "centre" : (v < 0 ? "L " : "R ") + format(Math.abs(v) * 100) + "%";
            case COMPRESSION -> format(v) + ":1";
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
        if (!(response instanceof Response.Value value)) {
            throw new IllegalArgumentException("a drill answer is a number, one of the choices offered");
        }
        double given = value.value();
        List<Double> offered = choicesByIndex.get(index);
        if (!Double.isFinite(given) || offered.stream().noneMatch(c -> c == given)) {
            throw new IllegalArgumentException("answer " + format(given) + " is not one of the choices offered");
        }
        DrillQuestion q = questions.get(index);
        double error = error(q.exercise(), given, q.answer());
        double excess = Math.max(0, error - drill.tolerance());
        boolean correct = excess <= 1e-9;
        double points = correct ? POINTS_PER_QUESTION
                : Math.max(0, POINTS_PER_QUESTION - drill.penaltyPerUnit() * excess);
        boolean listened = how.playsA() > 0 && how.playsB() > 0;
        boolean timed = listened && how.timed();
        judgedByIndex[index] = new Judged(points, error, correct, how.millis(), timed);
        String unit = q.exercise().errorUnit();
        String message = correct
                ? "Right: " + label(q.exercise(), q.answer()) + "."
                : String.format(Locale.ROOT, "It was %s; you said %s (%s %s off).",
                        label(q.exercise(), q.answer()), label(q.exercise(), given), format(round2(error)),
                        round2(error) == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        Feedback feedback = new Feedback(message, Optional.of(correct), Optional.of(error), Optional.of(unit),
                points, POINTS_PER_QUESTION);
        Map<String, Object> question = q.describe();
        if (staircase.isPresent()) {
            question.put("family", family.id());
            question.put("difficulty", levelByIndex.get(index));
        }
        question.put("choices", offered);
        return new Judgement(feedback, Json.of(question), Json.of(Map.of("answer", given)),
                Optional.of(columns(q, index, given, listened, timed)));
    }

    private QuestionColumns columns(DrillQuestion q, int index, double given, boolean listened, boolean timed) {
        double nan = Double.NaN;
        DrillExercise e = q.exercise();
        double band = e == DrillExercise.EQ_FREQUENCY ? q.answer() : e == DrillExercise.EQ_GAIN ? q.frequencyHz() : nan;
        double gain = e == DrillExercise.EQ_FREQUENCY ? q.gainDb() : e == DrillExercise.EQ_GAIN ? q.answer() : nan;
        boolean eq = e == DrillExercise.EQ_FREQUENCY || e == DrillExercise.EQ_GAIN;
        boolean comp = e == DrillExercise.COMPRESSION;
        return new QuestionColumns(e.id(), staircase.isPresent() ? family.id() : e.id() + "/fixed",
                levelByIndex.get(index), q.answer(), given, band, gain, eq ? q.q() : nan,
                e == DrillExercise.LEVEL ? q.answer() : nan, e == DrillExercise.PAN ? q.answer() : nan,
                comp ? q.answer() : nan, comp ? q.thresholdDb() : nan, comp ? ATTACK_MS : nan, comp ? RELEASE_MS : nan,
                listened, timed);
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

    static double error(DrillExercise exercise, double given, double truth) {
        return switch (exercise) {
            case EQ_FREQUENCY -> Math.abs(Math.log(given / truth) / Math.log(2));
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
        return Optional.of(new Listening(audio.render(q),
                e == DrillExercise.EQ_FREQUENCY || e == DrillExercise.COMPRESSION));
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

        long limit = Math.round(drill.targetSeconds() * 1000);
        long timed = judged.stream().filter(Judged::timed).count();
        long quick = judged.stream().filter(j -> j.timed() && j.millis() <= limit).count();
        double speed = n == 0 ? 0 : 100.0 * quick / n;
        long[] times = judged.stream().filter(Judged::timed).mapToLong(Judged::millis).sorted().toArray();
        double median = times.length == 0 ? 0 : times[times.length / 2] / 1000.0;
        String speedDetail = String.format(Locale.ROOT, "%d of %d answers within %s s after listening to A and B"
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
