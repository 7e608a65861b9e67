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
 * problems are collected and it is left out. Only ordinary files inside the folder are read: a
 * named pipe or device is reported, never opened, and a link leading out of the folder is refused
 * unread.
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
        Optional<String> careerEscape = Files.exists(careerFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? leavesTheFolder(lessonsDir, careerFile) : Optional.empty();
        careerEscape.ifPresent(careerProblems::atStart);
        Optional<CareerLadder> career = careerEscape.isPresent() ? Optional.empty()
                : CareerLoader.read(careerProblems);
        problems.addAll(careerProblems.list());
        return lessons(lessonsDir, assetsDir, career, careerFile, problems);
    }

    /**
     * Loads the lessons under a folder that has no ladder of its own (an imported pack, the tutor's
     * lessons): their ranks are checked against {@code career}, the shipped ladder; a career.yaml in
     * the folder is not read.
     */
    public LessonCatalog load(Path lessonsDir, Path assetsDir, Optional<CareerLadder> career) {
        List<ScriptProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(lessonsDir)) {
            problems.add(new ScriptProblem(lessonsDir, 1, 1, "lessons folder not found"));
            return new LessonCatalog(List.of(), problems, career);
        }
        return lessons(lessonsDir, assetsDir, career, lessonsDir.resolve(CareerLoader.FILE_NAME), problems);
    }

    /** What checking one script gave: the lesson when it is valid, and every problem (file:line:column). */
    public record Check(Optional<Lesson> lesson, List<ScriptProblem> problems) {
        public Check {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Checks {@code text} as the lesson script at {@code file} (an editor's buffer, not yet saved): its
     * assets resolve from the file's folder, then {@code assetsDir}; its rank against {@code career}.
     */
    public Check check(Path file, String text, Path assetsDir, Optional<CareerLadder> career) {
        Problems problems = new Problems(file);
        Optional<LessonReader.Read> read = new LessonReader(formats, career, assetsDir).read(file, text, problems);
        return new Check(read.map(LessonReader.Read::lesson), problems.list());
    }

    private LessonCatalog lessons(Path lessonsDir, Path assetsDir, Optional<CareerLadder> career, Path careerFile,
                                  List<ScriptProblem> problems) {
        LessonReader reader = new LessonReader(formats, career, assetsDir);
        List<Lesson> lessons = new ArrayList<>();
        Map<String, Path> firstById = new HashMap<>();
        for (Path file : scriptFiles(lessonsDir, careerFile, problems)) {
            Problems fileProblems = new Problems(file);
            Optional<String> escape = ControlCharacters.first(relative(lessonsDir, file)) >= 0
                    ? Optional.of("the file name holds a control character, which would reach the terminal "
                    + "in lists and messages; rename the file")
                    : leavesTheFolder(lessonsDir, file);
            if (escape.isPresent()) {
                // Never read it: a link to a system file must not have its content echoed in a message.
                fileProblems.atStart(escape.get());
                problems.addAll(fileProblems.list());
                continue;
            }
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
        Path careerData = lessonsDir.resolve(CareerDataLoader.FOLDER);
        try (Stream<Path> walk = Files.walk(lessonsDir, MAX_DEPTH)) {
            return walk.filter(p -> !p.startsWith(careerData)).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                // a career.yaml deeper down (a lesson pack's own ladder, or the lessons folder below the one
                // given) is a ladder, never a lesson; career/ holds the career economy's data files
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && !p.equals(careerFile)
                        && !name.equals(CareerLoader.FILE_NAME)
                        && !Files.isDirectory(p);
            }).sorted((a, b) -> relative(lessonsDir, a).compareTo(relative(lessonsDir, b))).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new ScriptProblem(lessonsDir, 1, 1, "cannot read the lessons folder: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Why a script file found in the folder must not be read: it is a link that leads out of the
     * lessons folder, or nowhere. Empty when it really lies inside the folder.
     */
    private static Optional<String> leavesTheFolder(Path lessonsDir, Path file) {
        try {
            Path realRoot = lessonsDir.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Optional.of("is a link to a file outside the lessons folder; not loaded "
                        + "(copy the lesson into the folder instead of linking to it)");
            }
            return Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.of("is a link to a file that does not exist; not loaded");
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getClass().getSimpleName() + "); not loaded");
        }
    }

    /** The file's path relative to the lessons folder, with '/' separators. */
    public static String relative(Path lessonsDir, Path file) {
        return lessonsDir.relativize(file).toString().replace('\\', '/');
    }
}
