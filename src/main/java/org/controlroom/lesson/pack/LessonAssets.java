package org.controlroom.lesson.pack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.ScriptException;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongLoader;
import org.controlroom.lesson.script.SongStem;

/**
 * Every file a lesson's sound comes from, as the loader resolved it: each asset (a drill's loop, a mix
 * track, a take, a reference) and, for a song of the library (named by a takes lesson, or the folder
 * of a mix lesson's stems), the song's manifest, stems and reference mix. Found by walking the
 * validated lesson's records, so a kind added later is covered as long as it keeps its sound in
 * {@link AssetSource}s and {@link Song}s.
 */
final class LessonAssets {

    private LessonAssets() {
    }

    /** The real paths of the files the lesson uses (its script not included). */
    static Set<Path> of(Lesson lesson) {
        Set<Path> files = new TreeSet<>();
        walk(lesson.section(), files, new IdentityHashMap<>());
        return files;
    }

    private static void walk(Object o, Set<Path> files, Map<Object, Boolean> seen) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof AssetSource a) {
            Path real = a.resolved().toAbsolutePath().normalize();
            files.add(real);
            Path manifest = real.getParent() == null ? null : real.getParent().resolve(SongLoader.FILE_NAME);
            if (manifest != null && Files.isRegularFile(manifest)) {
                try {
                    song(SongLoader.load(manifest), files);
                } catch (ScriptException e) {
                    files.add(manifest);
                }
            }
            return;
        }
        if (o instanceof Song s) {
            song(s, files);
            return;
        }
        if (o instanceof Optional<?> opt) {
            opt.ifPresent(v -> walk(v, files, seen));
        } else if (o instanceof Collection<?> c) {
            c.forEach(v -> walk(v, files, seen));
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(v, files, seen));
        } else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    walk(rc.getAccessor().invoke(o), files, seen);
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + o.getClass().getSimpleName() + "." + rc.getName(), e);
                }
            }
        }
    }

    private static void song(Song s, Set<Path> files) {
        files.add(s.file().toAbsolutePath().normalize());
        files.add(s.referenceMix().toAbsolutePath().normalize());
        for (SongStem stem : s.stems()) {
            files.add(stem.file().toAbsolutePath().normalize());
        }
    }
}
