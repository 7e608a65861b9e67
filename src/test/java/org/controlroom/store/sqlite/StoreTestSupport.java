package org.controlroom.store.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.LessonHashes;

final class StoreTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);

    private StoreTestSupport() {
    }

    /** The content hash the tests' lessons are played at. */
    static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static SqliteStore open(Path db) {
        return SqliteStore.open(db, Duration.ofMillis(300), CLOCK);
    }

    /** A catalogue holding these lessons at {@link #HASH}. */
    static LessonHashes catalogue(String... lessonIds) {
        java.util.Map<String, java.util.Set<String>> m = new java.util.HashMap<>();
        for (String id : lessonIds) {
            m.put(id, java.util.Set.of(HASH));
        }
        return new LessonHashes(m);
    }

    static AnswerRecord answer(int step, boolean right, double error) {
        return new AnswerRecord(step, "{\"exercise\":\"eq-frequency\",\"answer\":1000.0}", "{\"answer\":2000.0}",
                Optional.of(right), Optional.of(error), Optional.of("octaves"), 1500 + step, 2, 3, right ? 10 : 5, 10,
                CLOCK.instant());
    }
}
