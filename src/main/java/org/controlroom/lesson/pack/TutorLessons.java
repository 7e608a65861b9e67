package org.controlroom.lesson.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.ScriptProblem;

/**
 * The tutor's lessons folder ({@code lessons/} in the data folder, loaded into the catalogue beside the
 * shipped lessons): checking a lesson being written, and saving it there. A save never writes over a
 * file, and never adds an id the catalogue already has.
 */
public final class TutorLessons {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.ya?ml");

    private final LessonLoader loader;
    private final LessonLibrary library;
    private final Path folder;
    private final Path assetsDir;

    /**
     * @param library   the catalogue as it is now (ids already taken; its ladder)
     * @param assetsDir the shared audio-assets (the shipped ones)
     */
    public TutorLessons(LessonLoader loader, LessonLibrary library, Path dataFolder, Path assetsDir) {
        this.loader = loader;
        this.library = library;
        this.folder = LessonLibrary.tutorLessons(dataFolder);
        this.assetsDir = assetsDir;
    }

    public Path folder() {
        return folder;
    }

    /** Checks a buffer as the script at {@code file} (every problem at its line and column). */
    public LessonLoader.Check check(Path file, String text) {
        return loader.check(file, text, assetsDir, library.catalog().career());
    }

    /** Where {@code fileName} would be saved. */
    public Path target(String fileName) {
        return folder.resolve(fileName);
    }

    /**
     * Saves {@code text} as {@code fileName} in the tutor's folder: checked as the file it will be (its assets
     * looked up from there), refused with every problem when it does not load, when its id is taken by another
     * lesson, or when the file exists.
     *
     * @return the lesson as saved
     * @throws PackException naming every problem; nothing was written
     */
    public Lesson save(String fileName, String text) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new PackException("'" + fileName + "' is not a lesson file name: letters, digits, '.', '-' and '_',"
                    + " ending in .yaml");
        }
        Path target = target(fileName);
        if (Files.exists(target)) {
            throw new PackException(target + " already exists; save under another name (a lesson is never written over)");
        }
        LessonLoader.Check check = check(target, text);
        List<String> problems = new ArrayList<>();
        check.problems().forEach(p -> problems.add(p.toString()));
        if (problems.isEmpty() && check.lesson().isPresent()) {
            String id = check.lesson().get().id();
            Optional<Lesson> other = library.catalog().lesson(id);
            if (other.isPresent()) {
                problems.add(target + ": id '" + id + "' is already used by " + other.get().file()
                        + "; give the lesson its own id");
            }
        }
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".saving-", ".part");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target);   // no REPLACE_EXISTING: a file that appeared meanwhile is kept
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new PackException(target + " already exists; save under another name (a lesson is never written over)");
        } catch (IOException e) {
            throw new PackException("cannot save " + target + ": " + e.getMessage());
        }
        return check.lesson().orElseThrow();
    }

    /** The problems as "line:column: message" for a list beside an editor. */
    public static String atLine(ScriptProblem p) {
        return p.line() + ":" + p.column() + ": " + p.message();
    }
}
