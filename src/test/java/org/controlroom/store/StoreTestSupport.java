package org.controlroom.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

final class StoreTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);

    private StoreTestSupport() {
    }

    static LearnerStore open(Path db) {
        return LearnerStore.open(db, Duration.ofMillis(300), CLOCK);
    }

    static AnswerRecord answer(int step, boolean right, double error) {
        return new AnswerRecord(step, "{\"exercise\":\"eq-frequency\",\"answer\":1000.0}", "{\"answer\":2000.0}",
                Optional.of(right), Optional.of(error), Optional.of("octaves"), 1500 + step, 2, 3, right ? 10 : 5, 10,
                CLOCK.instant());
    }
}
