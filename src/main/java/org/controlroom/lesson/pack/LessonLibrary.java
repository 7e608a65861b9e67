package org.controlroom.lesson.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.ScriptProblem;
import org.controlroom.store.LessonHashes;

/**
 * Every lesson a learner can play, in one catalogue: the lessons folder (the shipped {@code lessons/}),
 * the tutor's own lessons ({@code lessons/} in the data folder, beside the learner database) and each
 * imported pack ({@code packs/<name>/} in the data folder, its lessons in {@code lessons/} and its sound
 * in {@code audio-assets/}). The shipped career ladder ranks them all. An id used twice is reported and
 * only its first lesson kept (shipped first, then the tutor's, then packs by name).
 *
 * <p>XP counts only for content from the shipped lessons, the tutor's folder and imported packs: a
 * lessons folder named by path (the command line's {@code --lessons DIR}) is played for practice only.
 */
public final class LessonLibrary {
    /** The folder of imported packs in the data folder. */
    public static final String PACKS = "packs";
    /** The tutor's lessons folder in the data folder (where authoring saves). */
    public static final String TUTOR_LESSONS = "lessons";

    /** Where a lesson came from. */
    public enum Origin { SHIPPED, TUTOR, PACK, OTHER }

    /**
     * @param lessonsDir the folder it was loaded from (for a pack: the pack's lessons/)
     * @param assetsDir  its shared sound (for a pack: the pack's audio-assets/)
     * @param pack       the pack's name, for a lesson of an imported pack
     */
    public record Source(Origin origin, Path lessonsDir, Path assetsDir, Optional<String> pack) {
        public boolean countsForXp() {
            return origin != Origin.OTHER;
        }
    }

    private final LessonCatalog catalog;
    private final Map<Lesson, Source> sources;
    private final Optional<Path> dataFolder;

    private LessonLibrary(LessonCatalog catalog, Map<Lesson, Source> sources, Optional<Path> dataFolder) {
        this.catalog = catalog;
        this.sources = sources;
        this.dataFolder = dataFolder;
    }

    /**
     * Loads the lessons folder, then the tutor's lessons and the packs of the data folder (if given).
     *
     * @param shipped whether {@code lessonsDir} holds the shipped lessons (its lessons earn XP), not a folder
     *                named by path
     */
    public static LessonLibrary load(LessonLoader loader, Path lessonsDir, Path assetsDir, boolean shipped,
                                     Optional<Path> dataFolder) {
        LessonCatalog main = loader.load(lessonsDir, assetsDir);
        List<Lesson> lessons = new ArrayList<>(main.lessons());
        List<ScriptProblem> problems = new ArrayList<>(main.problems());
        Map<Lesson, Source> sources = new IdentityHashMap<>();
        Source mainSource = new Source(shipped ? Origin.SHIPPED : Origin.OTHER, lessonsDir, assetsDir, Optional.empty());
        main.lessons().forEach(l -> sources.put(l, mainSource));
        Map<String, Path> byId = new HashMap<>();
        main.lessons().forEach(l -> byId.put(l.id(), l.file()));
        if (dataFolder.isPresent()) {
            Path tutor = dataFolder.get().resolve(TUTOR_LESSONS);
            // the data folder's lessons/ is the tutor's unless it is the lessons folder itself
            if (Files.isDirectory(tutor) && !same(tutor, lessonsDir)) {
                add(loader.load(tutor, assetsDir, main.career()), new Source(Origin.TUTOR, tutor, assetsDir,
                        Optional.empty()), lessons, problems, sources, byId);
            }
            for (Path pack : packFolders(dataFolder.get().resolve(PACKS))) {
                String name = pack.getFileName().toString();
                Path packLessons = pack.resolve("lessons");
                Path packAssets = pack.resolve("audio-assets");
                add(loader.load(packLessons, packAssets, main.career()),
                        new Source(Origin.PACK, packLessons, packAssets, Optional.of(name)), lessons, problems, sources, byId);
            }
        }
        return new LessonLibrary(new LessonCatalog(lessons, problems, main.career()), sources, dataFolder);
    }

    private static void add(LessonCatalog part, Source source, List<Lesson> lessons, List<ScriptProblem> problems,
                            Map<Lesson, Source> sources, Map<String, Path> byId) {
        problems.addAll(part.problems());
        for (Lesson l : part.lessons()) {
            Path first = byId.putIfAbsent(l.id(), l.file());
            if (first != null) {
                problems.add(new ScriptProblem(l.file(), 1, 1, "duplicate id '" + l.id() + "': already used by "
                        + first + "; this copy is left out"));
                continue;
            }
            lessons.add(l);
            sources.put(l, source);
        }
    }

    /** The packs under {@code packsRoot}, by name; folders starting with '.' (an import under way) are not packs. */
    public static List<Path> packFolders(Path packsRoot) {
        if (!Files.isDirectory(packsRoot)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(packsRoot)) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    public LessonCatalog catalog() {
        return catalog;
    }

    /** Where a lesson of this catalogue came from. */
    public Source source(Lesson lesson) {
        Source s = sources.get(lesson);
        if (s == null) {
            throw new IllegalArgumentException("lesson '" + lesson.id() + "' is not in this library");
        }
        return s;
    }

    /** The name of the pack a lesson was imported with, if it was. */
    public Optional<String> pack(Lesson lesson) {
        Source s = sources.get(lesson);
        return s == null ? Optional.empty() : s.pack();
    }

    /** The pack names of the catalogue's lessons, by lesson id (lessons not from a pack absent). */
    public Map<String, String> packsByLessonId() {
        Map<String, String> out = new HashMap<>();
        catalog.lessons().forEach(l -> pack(l).ifPresent(p -> out.put(l.id(), p)));
        return out;
    }

    /** The content that earns XP and counts toward ranks: lessons shipped, the tutor's, and imported packs'. */
    public LessonHashes xpContent() {
        return LessonHashes.of(catalog.lessons().stream().filter(l -> source(l).countsForXp()).toList(),
                Lesson::id, Lesson::contentHash);
    }

    public Optional<Path> dataFolder() {
        return dataFolder;
    }

    /** {@code packs/} in the data folder. */
    public static Path packsRoot(Path dataFolder) {
        return dataFolder.resolve(PACKS);
    }

    /** {@code lessons/} in the data folder: the tutor's lessons. */
    public static Path tutorLessons(Path dataFolder) {
        return dataFolder.resolve(TUTOR_LESSONS);
    }
}
