package org.controlroom.lesson.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.controlroom.lesson.adapt.Staircase;
import org.controlroom.lesson.adapt.Trial;
import org.controlroom.store.DrillTrial;

/**
 * What a learner's stored drill answers say: per adaptive family, the staircase's threshold now and
 * after each attempt (for the chart over time), and per exercise, which answers were given to which
 * truths (the confusion matrix). Replays are not in the store's drill history, so they count nowhere.
 */
public final class DrillProgress {

    /** A family's threshold after one attempt (empty while there are fewer than 6 reversals). */
    public record Point(long attemptId, Instant at, double level, Optional<Double> threshold) {
    }

    /** One family: where its staircase is, its threshold in words, and its course over time. */
    public record FamilyProgress(DrillFamily family, int trials, int reversals, double levelNow,
                                 Optional<Double> threshold, Optional<String> saying, List<Point> overTime) {
    }

    /**
     * How often each answer was given to each truth, for one exercise.
     *
     * @param values the truths and answers that occur, sorted
     * @param counts counts[truth index][answer index]
     */
    public record Confusion(String exercise, List<Double> values, int[][] counts) {
        /** Share of answers to {@code truth} that were wrong. */
        public double missRate(int truth) {
            int all = 0;
            for (int c : counts[truth]) {
                all += c;
            }
            return all == 0 ? 0 : 1 - (double) counts[truth][truth] / all;
        }
    }

    private final List<FamilyProgress> families;
    private final Map<String, Confusion> confusion;

    private DrillProgress(List<FamilyProgress> families, Map<String, Confusion> confusion) {
        this.families = families;
        this.confusion = confusion;
    }

    public static DrillProgress of(List<DrillTrial> trials) {
        Map<String, List<DrillTrial>> byFamily = new LinkedHashMap<>();
        for (DrillTrial t : trials) {
            byFamily.computeIfAbsent(t.family(), k -> new ArrayList<>()).add(t);
        }
        List<FamilyProgress> families = new ArrayList<>();
        byFamily.forEach((id, list) -> DrillFamily.fromId(id).ifPresent(f -> {
            Staircase s = new Staircase(f.ladder());
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                s.record(list.get(i).correct());
                boolean lastOfAttempt = i + 1 == list.size() || list.get(i + 1).attemptId() != list.get(i).attemptId();
                if (lastOfAttempt) {
                    points.add(new Point(list.get(i).attemptId(), list.get(i).answeredAt(), s.level(), s.threshold()));
                }
            }
            families.add(new FamilyProgress(f, s.trials(), s.reversalCount(), s.level(), s.threshold(),
                    s.threshold().map(f::describe), List.copyOf(points)));
        }));
        // (truth, answer) per band: a several-band answer counts each of its bands, as the session summary does
        Map<String, List<double[]>> byExercise = new TreeMap<>();
        for (DrillTrial t : trials) {
            List<double[]> pairs = Json.pairs(t.responseJson());
            if (pairs.isEmpty() && Double.isFinite(t.truth()) && Double.isFinite(t.response())) {
                pairs = List.of(new double[] {t.truth(), t.response()});
            }
            for (double[] p : pairs) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    byExercise.computeIfAbsent(t.exercise(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<String, Confusion> confusion = new LinkedHashMap<>();
        byExercise.forEach((e, list) -> {
            TreeSet<Double> values = new TreeSet<>();
            list.forEach(p -> {
                values.add(p[0]);
                values.add(p[1]);
            });
            List<Double> v = List.copyOf(values);
            int[][] counts = new int[v.size()][v.size()];
            list.forEach(p -> counts[v.indexOf(p[0])][v.indexOf(p[1])]++);
            confusion.put(e, new Confusion(e, v, counts));
        });
        return new DrillProgress(List.copyOf(families), confusion);
    }

    /** As the adaptive layer reads history: the trials of attempts that count, oldest first. */
    public static List<Trial> trials(List<DrillTrial> stored) {
        return stored.stream().map(t -> new Trial(t.family(), t.difficulty(), t.truth(), t.response(), t.correct()))
                .toList();
    }

    public List<FamilyProgress> families() {
        return families;
    }

    public Map<String, Confusion> confusion() {
        return confusion;
    }
}
