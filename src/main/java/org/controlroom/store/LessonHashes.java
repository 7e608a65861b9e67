package org.controlroom.store;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The lesson content a catalogue holds: for each lesson id, the content hashes (SHA-256 of the lesson
 * file) of the versions that count for XP and ranks.
 */
public record LessonHashes(Map<String, Set<String>> byLessonId) {

    public LessonHashes {
        Map<String, Set<String>> copy = new TreeMap<>();
        byLessonId.forEach((id, hashes) -> copy.put(id, Set.copyOf(hashes)));
        byLessonId = Map.copyOf(copy);
    }

    /** From a catalogue's lessons: {@code LessonHashes.of(catalog.lessons(), Lesson::id, Lesson::contentHash)}. */
    public static <T> LessonHashes of(Collection<T> lessons, Function<T, String> id, Function<T, String> hash) {
        Map<String, Set<String>> map = new TreeMap<>();
        for (T lesson : lessons) {
            map.computeIfAbsent(id.apply(lesson), k -> new TreeSet<>()).add(hash.apply(lesson));
        }
        return new LessonHashes(map);
    }

    public static LessonHashes none() {
        return new LessonHashes(Map.of());
    }

    public boolean holdsLesson(String lessonId) {
        return byLessonId.containsKey(lessonId);
    }

    /** Whether an attempt at this content counts. */
    public boolean holds(String lessonId, String hash) {
        Set<String> hashes = byLessonId.get(lessonId);
        return hashes != null && hashes.contains(hash);
    }
}
