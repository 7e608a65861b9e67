package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;

/**
 * An ear-training drill: {@code questions} questions, each hiding one of the drill's choices. Every
 * question is worth 10 points; an answer within the tolerance is right and scores all 10, otherwise
 * {@code penalty_per_unit} points are lost per unit of error (octaves, dB, pan, ratio) beyond it.
 * Criteria: {@code accuracy} (points won of points possible) and {@code speed} (share of answers given
 * within the drill's target time).
 */
final class DrillPlay implements LessonPlay {
    private DrillAudio audio;
    private final java.util.Optional<org.controlroom.dsp.AudioClip> sourceClip;

    static final double POINTS_PER_QUESTION = 10;

    private final DrillSection drill;
    private final long seed;
    private final List<DrillQuestion> questions;
    /** The judged answer of each question, by index: judging again (a retry after a failed save) replaces it. */
    private final Judged[] judgedByIndex;

    private record Judged(double points, double error, boolean correct, long millis) {
    }

    DrillPlay(DrillSection drill, long seed, double sourceSeconds) {
        this(drill, seed, sourceSeconds, java.util.Optional.empty());
    }

    /** A drill whose questions are heard on {@code sourceClip} when given (the learner's music), else on its source. */
    DrillPlay(DrillSection drill, long seed, double sourceSeconds, java.util.Optional<org.controlroom.dsp.AudioClip> sourceClip) {
        this.sourceClip = sourceClip;
        this.drill = drill;
        this.seed = seed;
        this.questions = makeQuestions(drill, new SplittableRandom(seed), sourceSeconds);
        this.judgedByIndex = new Judged[questions.size()];
    }

    private static List<DrillQuestion> makeQuestions(DrillSection d, SplittableRandom random, double sourceSeconds) {
        List<Double> choices = d.choices();
        List<DrillQuestion> out = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < d.questions(); i++) {
            int pick = random.nextInt(choices.size());
            if (pick == previous && choices.size() > 1) {
                // The same answer twice in a row teaches guessing, not listening.
                pick = (pick + 1 + random.nextInt(choices.size() - 1)) % choices.size();
            }
            previous = pick;
            // excerpts come from the drill's part of the source (all of it unless the lesson names one)
            double from = Math.min(d.excerptFromSeconds(), sourceSeconds);
            double to = Math.min(d.excerptToSeconds().orElse(sourceSeconds), sourceSeconds);
            double span = Math.max(0, to - from);
            double excerpt = Math.min(d.clipSeconds(), span > 0 ? span : sourceSeconds);
            double start = span > excerpt ? from + Math.floor(random.nextDouble() * (span - excerpt) * 10) / 10
                    : (span > 0 ? from : 0);
            out.add(new DrillQuestion(i + 1, d.exercise(), choices.get(pick), d.gainDb(), d.q(),
                    d.frequencyHz().orElse(Double.NaN), d.thresholdDb(), start, excerpt));
        }
        return List.copyOf(out);
    }

    List<DrillQuestion> questions() {
        return questions;
    }

    @Override
    public int stepCount() {
        return questions.size();
    }

    @Override
    public Step step(int index) {
        DrillQuestion q = questions.get(index);
        List<Choice> choices = new ArrayList<>();
        for (double c : drill.choices()) {
            choices.add(new Choice(format(c), label(drill.exercise(), c), c));
        }
        return new Step(index, questions.size(), prompt(q), choices, false, Optional.of(q));
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
        if (!(response instanceof Response.Value value)) {
            throw new IllegalArgumentException("a drill answer is a number, one of the choices offered");
        }
        double given = value.value();
        if (!Double.isFinite(given) || drill.choices().stream().noneMatch(c -> c == given)) {
            throw new IllegalArgumentException("answer " + format(given) + " is not one of the choices offered");
        }
        DrillQuestion q = questions.get(index);
        double error = error(q.exercise(), given, q.answer());
        double excess = Math.max(0, error - drill.tolerance());
        boolean correct = excess <= 1e-9;
        double points = correct ? POINTS_PER_QUESTION
                : Math.max(0, POINTS_PER_QUESTION - drill.penaltyPerUnit() * excess);
        judgedByIndex[index] = new Judged(points, error, correct, responseMillis);
        String unit = q.exercise().errorUnit();
        String message = correct
                ? "Right: " + label(q.exercise(), q.answer()) + "."
                : String.format(Locale.ROOT, "It was %s; you said %s (%s %s off).",
                        label(q.exercise(), q.answer()), label(q.exercise(), given), format(round2(error)),
                        round2(error) == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        Feedback feedback = new Feedback(message, Optional.of(correct), Optional.of(error), Optional.of(unit),
                points, POINTS_PER_QUESTION);
        return new Judgement(feedback, Json.of(q.describe()), Json.of(Map.of("answer", given)));
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
    public java.util.Optional<Listening> listening(int index) throws org.controlroom.dsp.io.AudioFileException {
        DrillQuestion q = step(index).drillQuestion().orElseThrow();
        if (audio == null) {
            audio = sourceClip.isPresent() ? new DrillAudio(drill, seed, sourceClip.get()) : new DrillAudio(drill, seed);
        }
        DrillExercise e = q.exercise();
        // when level is not what is asked, the louder version must not give the answer away
        return java.util.Optional.of(new Listening(audio.render(q),
                e == DrillExercise.EQ_FREQUENCY || e == DrillExercise.COMPRESSION));
    }

    @Override
    public List<Criterion> criteria() {
        List<Judged> judged = java.util.Arrays.stream(judgedByIndex).filter(java.util.Objects::nonNull).toList();
        int n = judged.size();
        double won = judged.stream().mapToDouble(Judged::points).sum();
        long right = judged.stream().filter(Judged::correct).count();
        double meanError = judged.stream().mapToDouble(Judged::error).average().orElse(0);
        double accuracy = n == 0 ? 0 : 100 * won / (n * POINTS_PER_QUESTION);
        String unit = drill.exercise().errorUnit();
        String accuracyDetail = String.format(Locale.ROOT, "%d of %d right, %s of %s points, mean error %s %s",
                right, n, format(round2(won)), format(n * POINTS_PER_QUESTION), format(round2(meanError)), unit);

        long limit = Math.round(drill.targetSeconds() * 1000);
        long quick = judged.stream().filter(j -> j.millis() <= limit).count();
        double speed = n == 0 ? 0 : 100.0 * quick / n;
        long[] times = judged.stream().mapToLong(Judged::millis).sorted().toArray();
        double median = times.length == 0 ? 0 : times[times.length / 2] / 1000.0;
        String speedDetail = String.format(Locale.ROOT, "%d of %d answers within %s s (median %.1f s)",
                quick, n, format(drill.targetSeconds()), median);
        java.util.Map<String, Object> accuracyMeasured = new java.util.LinkedHashMap<>();
        accuracyMeasured.put("right", right);
        accuracyMeasured.put("questions", n);
        accuracyMeasured.put("mean_error_" + unit, round2(meanError));
        return List.of(new Criterion("accuracy", accuracy, 0, accuracyDetail, accuracyMeasured),
                new Criterion("speed", speed, 0, speedDetail, java.util.Map.of("median_seconds", median,
                        "within_target", quick)));
    }
}
