package org.controlroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.practice.DrillPracticeSettings;
import org.controlroom.lesson.practice.Practice;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.SoundSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drill practice LESSON_OR_EXERCISE --learner NAME [--grid G] [--gain DB] [--q Q] [--source S]
 * [--questions N]}: a drill on the learner's own settings, played like {@code scenario play}. A practice
 * attempt earns no XP, counts as no pass and moves no threshold.
 */
@Command(name = "practice",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Plays a drill on your own settings (practice mode): no XP, no pass, no threshold moves.",
                "LESSON_ID may also be an exercise (eq-frequency, eq-gain, level, pan, compression, ...): the first"
                        + " lesson of it on the career path is used.",
                "Answers as in 'scenario play': a choice's label or number, on standard input or --answers FILE."})
public final class DrillPracticeCommand extends ScenarioPlayCommand {

    @Option(names = "--grid", paramLabel = "GRID", description = "eq-frequency bands: octave, two-thirds or third (ISO 266).")
    String grid;

    @Option(names = "--gain", paramLabel = "DB", description = "The band's boost (negative: a cut), -24..24 dB.")
    Double gain;

    @Option(names = "--q", paramLabel = "Q", description = "The band's Q, 0.1..20 (1.4 about an octave, 4.3 a third).")
    Double q;

    @Option(names = "--source", paramLabel = "SOUND", description = "pink-noise, white-noise, song:NAME (its mix) or"
            + " song:NAME/STEM (see 'songs list').")
    String source;

    @Option(names = "--questions", paramLabel = "N", description = "How many questions, 1..100.")
    Integer questions;

    @Override
    Practice.Attempt start(Practice practice, LessonCatalog catalog, List<MusicEntry> music, TerminalPracticeView view) {
        if (seed != null) {
            throw new UserInputException("practice draws fresh questions each time; --seed replays a lesson's attempt"
                    + " (scenario play LESSON --seed N)");
        }
        String id = lessonFor(catalog, lessonId);
        DrillPracticeSettings settings;
        try {
            settings = new DrillPracticeSettings(Optional.ofNullable(grid), Optional.ofNullable(gain),
                    Optional.ofNullable(q), Optional.ofNullable(source).map(this::sound), Optional.ofNullable(questions));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        return practice.practise(learner, id, settings, Clock.systemUTC(), untimed());
    }

    /** The lesson named, or the first drill of the exercise named on the career path. */
    private static String lessonFor(LessonCatalog catalog, String name) {
        if (catalog.lesson(name).isPresent()) {
            return name;
        }
        Optional<DrillExercise> e = DrillExercise.fromId(name);
        if (e.isEmpty()) {
            throw new UserInputException("no lesson or exercise '" + name + "' (see 'lessons list'; exercises: "
                    + String.join(", ", java.util.Arrays.stream(DrillExercise.values()).map(DrillExercise::id).toList())
                    + ")");
        }
        var career = catalog.career();
        return catalog.lessons().stream()
                .filter(l -> l.section() instanceof DrillSection d && d.exercise() == e.get() && !d.adaptive())
                .min(Comparator.comparingInt((Lesson l) -> career.map(c -> c.indexOf(l.rank())).orElse(0)))
                .map(Lesson::id)
                .orElseThrow(() -> new UserInputException("no fixed (not adaptive) lesson drills " + name));
    }

    /** pink-noise, white-noise, song:NAME or song:NAME/STEM, inside the audio assets. */
    private SoundSource sound(String s) {
        if (GeneratorSource.NAMES.contains(s)) {
            return new GeneratorSource(s);
        }
        if (!s.matches("song:[a-z0-9-]+(/[a-z0-9-]+)?")) {
            throw new IllegalArgumentException("--source: '" + s + "' is not pink-noise, white-noise, song:NAME or"
                    + " song:NAME/STEM");
        }
        String[] parts = s.substring(5).split("/");
        String relative = "songs/" + parts[0] + "/" + (parts.length > 1 ? parts[1] : "mix") + ".ogg";
        Path file = lessonsDir.assetsDir().resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--source: no " + relative + " in " + lessonsDir.assetsDir()
                    + " (see 'songs list')");
        }
        return new AssetSource(relative, file);
    }
}
