package org.controlroom.lesson.run;

import java.util.List;
import java.util.Locale;

import org.controlroom.lesson.adapt.Ladder;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;

/**
 * The staircase a drill moves: its family id (one staircase per learner and family), the difficulty
 * axis, and how a threshold on it reads to the learner ("you hear 3 dB boosts at 1/3 octave").
 *
 * @param id     e.g. "eq-frequency/third-octave/boost", "level", "pan", "compression"
 * @param ladder the axis, easiest first
 */
public record DrillFamily(String id, DrillExercise exercise, String resolution, boolean cut, Ladder ladder) {

    /** The family of a drill: for band identification, the grid's resolution and boost or cut. */
    public static DrillFamily of(DrillSection d) {
        return switch (d.exercise()) {
            case EQ_FREQUENCY -> {
                boolean cut = d.gainDb() < 0;
                if (d.options().resolutionStaircase()) {
                    yield new DrillFamily("eq-frequency/resolution/" + (cut ? "cut" : "boost") + "/"
                            + DrillPlay.format(Math.abs(d.gainDb())), d.exercise(), "resolution", cut, Ladder.RESOLUTION);
                }
                String res = resolution(d.choices());
                yield new DrillFamily("eq-frequency/" + res + "/" + (cut ? "cut" : "boost"), d.exercise(), res, cut,
                        Ladder.GAIN_DB);
            }
            case EQ_GAIN -> new DrillFamily("eq-gain", d.exercise(), "", false, Ladder.STEP_DB);
            case LEVEL -> new DrillFamily("level", d.exercise(), "", false, Ladder.STEP_DB);
            case PAN -> new DrillFamily("pan", d.exercise(), "", false, Ladder.PAN_STEP);
            case COMPRESSION -> new DrillFamily("compression", d.exercise(), "", false, Ladder.RATIO_FACTOR);
            // not adaptive: their answers are kept under "<exercise>/fixed"
            default -> new DrillFamily(d.exercise().id(), d.exercise(), "", false, Ladder.STEP_DB);
        };
    }

    /** The family a stored id names ("eq-frequency/third-octave/cut", "level"...), if it is an adaptive family. */
    public static java.util.Optional<DrillFamily> fromId(String id) {
        String[] parts = id.split("/");
        java.util.Optional<DrillExercise> e = DrillExercise.fromId(parts[0]);
        if (e.isEmpty() || (parts.length > 1 && parts[1].equals("fixed"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(switch (e.get()) {
            case EQ_FREQUENCY -> new DrillFamily(id, e.get(), parts.length > 1 ? parts[1] : "octave",
                    parts.length > 2 && parts[2].equals("cut"),
                    parts.length > 1 && parts[1].equals("resolution") ? Ladder.RESOLUTION : Ladder.GAIN_DB);
            case EQ_GAIN, LEVEL -> new DrillFamily(id, e.get(), "", false, Ladder.STEP_DB);
            case PAN -> new DrillFamily(id, e.get(), "", false, Ladder.PAN_STEP);
            case COMPRESSION -> new DrillFamily(id, e.get(), "", false, Ladder.RATIO_FACTOR);
            default -> new DrillFamily(id, e.get(), "", false, Ladder.STEP_DB);
        });
    }

    /** "octave", "two-thirds-octave" or "third-octave": the typical spacing of a band grid. */
    static String resolution(List<Double> bands) {
        List<Double> sorted = bands.stream().sorted().toList();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.size(); i++) {
            smallest = Math.min(smallest, Math.log(sorted.get(i) / sorted.get(i - 1)) / Math.log(2));
        }
        if (smallest < 0.45) {
            return "third-octave";
        }
        if (smallest < 0.85) {
            return "two-thirds-octave";
        }
        return "octave";
    }

    /** How a threshold on this family's axis reads: "you hear 3 dB boosts at 1/3 octave". */
    public String describe(double threshold) {
        String v = DrillPlay.format(Math.round(threshold * 10) / 10.0);
        if (resolution.equals("resolution")) {
            String[] parts = id.split("/");
            String gain = parts.length > 3 ? parts[3] + " dB " : "";
            return String.format(Locale.ROOT, "you hear %s%s at %s (reversals at %s octave on average)", gain,
                    cut ? "cuts" : "boosts", spacing(threshold), DrillPlay.format(Math.round(threshold * 100) / 100.0));
        }
        return switch (exercise) {
            case EQ_FREQUENCY -> String.format(Locale.ROOT, "you hear %s dB %s at %s", v, cut ? "cuts" : "boosts",
                    switch (resolution) {
                        case "third-octave" -> "1/3 octave";
                        case "two-thirds-octave" -> "2/3 octave";
                        default -> "octave";
                    } + " resolution");
            case EQ_GAIN -> "you tell EQ gains " + v + " dB apart";
            case LEVEL -> "you hear level changes of " + v + " dB";
            case PAN -> "you place pan positions " + DrillPlay.format(Math.round(threshold * 100.0)) + "% apart";
            case COMPRESSION -> String.format(Locale.ROOT, "you tell ratios %s times apart", v);
            default -> "you answer " + exercise.id() + " questions at " + v;
        };
    }

    /** The named grid nearest a band spacing in octaves: "1/3 octave", "2/3 octave" or "octave". */
    static String spacing(double octaves) {
        // the staircase turns at its finest step only on a miss, so a learner who holds 1/3 octave averages 0.5
        return octaves < 0.6 ? "1/3 octave" : octaves < 0.9 ? "2/3 octave" : "octave";
    }
}
