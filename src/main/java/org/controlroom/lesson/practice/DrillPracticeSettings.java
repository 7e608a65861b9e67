package org.controlroom.lesson.practice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.SoundSource;

/**
 * The learner's own settings for a practice drill (practice mode): the band grid, the gain, the Q, the
 * sound and the number of questions; what is not given keeps the lesson's. A practice attempt earns no
 * XP and moves no staircase (it is stored like a replay), so any setting is allowed.
 *
 * @param grid      eq-frequency: {@code octave}, {@code two-thirds} or {@code third} (seven or eight ISO 266 bands)
 * @param gainDb    eq-frequency, eq-boost-cut, eq-q: the band's gain (negative = cut)
 * @param q         the band's Q
 * @param source    the sound to drill on (a generator, a song's mix or stem)
 * @param questions how many questions
 */
public record DrillPracticeSettings(Optional<String> grid, Optional<Double> gainDb, Optional<Double> q,
                                    Optional<SoundSource> source, Optional<Integer> questions) {

    public static final List<String> GRIDS = List.of("octave", "two-thirds", "third");

    public DrillPracticeSettings {
        grid.ifPresent(g -> {
            if (!GRIDS.contains(g)) {
                throw new IllegalArgumentException("unknown grid '" + g + "' (use octave, two-thirds or third)");
            }
        });
        gainDb.ifPresent(g -> {
            if (!(Math.abs(g) <= 24) || g == 0) {
                throw new IllegalArgumentException("the gain must be between -24 and 24 dB and not 0, found " + g);
            }
        });
        q.ifPresent(v -> {
            if (!(v >= 0.1 && v <= 20)) {
                throw new IllegalArgumentException("Q must be between 0.1 and 20, found " + v);
            }
        });
        questions.ifPresent(n -> {
            if (n < 1 || n > 100) {
                throw new IllegalArgumentException("questions must be between 1 and 100, found " + n);
            }
        });
    }

    public static final DrillPracticeSettings NONE = new DrillPracticeSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** The ISO 266 bands of a grid. */
    public static List<Double> bands(String grid) {
        return switch (grid) {
            case "third" -> List.of(630.0, 800.0, 1000.0, 1250.0, 1600.0, 2000.0, 2500.0);
            case "two-thirds" -> List.of(250.0, 400.0, 630.0, 1000.0, 1600.0, 2500.0, 4000.0);
            default -> List.of(63.0, 125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0);
        };
    }

    /** The lesson's drill with these settings. */
    public DrillSection apply(DrillSection d) {
        if (grid.isPresent() && d.exercise() != DrillExercise.EQ_FREQUENCY) {
            throw new IllegalArgumentException("a band grid belongs to eq-frequency drills; this one is " + d.exercise().id());
        }
        List<Double> choices = grid.map(DrillPracticeSettings::bands).orElse(d.choices());
        DrillSection own = d.practising(choices, gainDb.orElse(d.gainDb()), q.orElse(d.q()),
                questions.orElse(d.questions()), d.weakSpots());
        if (grid.isPresent() && own.options().bands() * 2 + 1 > choices.size()) {
            own = own.with(own.options().withBands(1));
        }
        if (grid.isPresent() && own.options().resolutionStaircase()) {
            own = own.with(new org.controlroom.lesson.script.DrillOptions(own.options().filter(), own.options().bands(),
                    own.options().noChange(), own.options().gridOffset(), "gain", own.options().ratio(),
                    own.options().attackMs(), own.options().releaseMs(), own.options().gainReductionDb(),
                    own.options().stems()));
        }
        return source.map(own::withSource).orElse(own);
    }

    /** "third-octave grid, 6 dB, Q 4.3, on songs/night-bus/mix.ogg, 10 questions". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        grid.ifPresent(g -> sb.append(g.equals("octave") ? "octave" : g + "-octave").append(" grid, "));
        gainDb.ifPresent(g -> sb.append(String.format(Locale.ROOT, "%+.1f dB, ", g)));
        q.ifPresent(v -> sb.append(String.format(Locale.ROOT, "Q %.1f, ", v)));
        source.ifPresent(s -> sb.append("on ").append(s instanceof org.controlroom.lesson.script.AssetSource a ? a.path()
                : ((org.controlroom.lesson.script.GeneratorSource) s).name()).append(", "));
        questions.ifPresent(n -> sb.append(n).append(" questions, "));
        return sb.length() == 0 ? "the lesson's settings" : sb.substring(0, sb.length() - 2);
    }
}
