package org.controlroom.lesson.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads every lesson script under a lessons folder (recursively, {@code *.yaml} / {@code *.yml}),
 * with the rank ladder from its {@code career.yaml}. One bad file never stops the others: its
 * problems are collected and it is left out.
 */
public final class LessonLoader {
    private static final int MAX_DEPTH = 16;
    private final LessonFormats formats;

    /** A loader of the kinds Control Room ships. */
    public LessonLoader() {
        this(LessonFormats.builtIn());
    }

    /** A loader of the kinds in {@code formats}. */
    public LessonLoader(LessonFormats formats) {
        this.formats = formats;
    }

    public LessonFormats formats() {
        return formats;
    }

    /**
     * @param lessonsDir the lessons folder (holding career.yaml)
     * @param assetsDir  the shared audio-assets folder
     */
    public LessonCatalog load(Path lessonsDir, Path assetsDir) {
        List<ScriptProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(lessonsDir)) {
            problems.add(new ScriptProblem(lessonsDir, 1, 1, "lessons folder not found"));
            return new LessonCatalog(List.of(), problems, Optional.empty());
        }
        Path careerFile = lessonsDir.resolve(CareerLoader.FILE_NAME);
        Problems careerProblems = new Problems(careerFile);
        Optional<CareerLadder> career = CareerLoader.read(careerProblems);
        problems.addAll(careerProblems.list());

        LessonReader reader = new LessonReader(formats, career, assetsDir);
        List<Lesson> lessons = new ArrayList<>();
        Map<String, Path> firstById = new HashMap<>();
        for (Path file : scriptFiles(lessonsDir, careerFile, problems)) {
            Problems fileProblems = new Problems(file);
            Optional<LessonReader.Read> read = reader.read(file, fileProblems);
            if (read.isPresent()) {
                Lesson lesson = read.get().lesson();
                Path first = firstById.putIfAbsent(lesson.id(), file);
                if (first != null) {
                    fileProblems.at(read.get().idNode(), "duplicate id '" + lesson.id() + "': already used by "
                            + relative(lessonsDir, first) + "; lesson ids must be unique");
                } else {
                    lessons.add(lesson);
                }
            }
            problems.addAll(fileProblems.list());
        }
        return new LessonCatalog(lessons, problems, career);
    }

    private static List<Path> scriptFiles(Path lessonsDir, Path careerFile, List<ScriptProblem> problems) {
        try (Stream<Path> walk = Files.walk(lessonsDir, MAX_DEPTH)) {
            return walk.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && !p.equals(careerFile)
                        && !Files.isDirectory(p);
            }).sorted((a, b) -> relative(lessonsDir, a).compareTo(relative(lessonsDir, b))).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new ScriptProblem(lessonsDir, 1, 1, "cannot read the lessons folder: " + e.getMessage()));
            return List.of();
        }
    }

    /** The file's path relative to the lessons folder, with '/' separators. */
    public static String relative(Path lessonsDir, Path file) {
        return lessonsDir.relativize(file).toString().replace('\\', '/');
    }
}
