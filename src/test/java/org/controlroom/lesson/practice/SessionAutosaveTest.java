package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.MixPlan;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.MixSession;
import org.controlroom.store.SavedSession;
import org.controlroom.store.SessionRepository;
import org.junit.jupiter.api.Test;

/** The autosave writes the session's plan as the learner works: at once, then at most every 2 s, and on flush. */
class SessionAutosaveTest {

    /** Keeps saves in memory and counts them. */
    static final class MemorySessions implements SessionRepository {
        final Map<String, SavedSession> rows = new ConcurrentHashMap<>();
        final List<Instant> saves = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void save(long learnerId, String lessonId, String lessonHash, String planYaml, Instant savedAt) {
            rows.put(learnerId + "/" + lessonId, new SavedSession(learnerId, lessonId, lessonHash, planYaml, savedAt));
            saves.add(savedAt);
        }

        @Override
        public Optional<SavedSession> find(long learnerId, String lessonId) {
            return Optional.ofNullable(rows.get(learnerId + "/" + lessonId));
        }

        @Override
        public void delete(long learnerId, String lessonId) {
            rows.remove(learnerId + "/" + lessonId);
        }
    }

    private static Lesson mixLesson() {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        return new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"))
                .lesson("mix-first-balance").orElseThrow();
    }

    private static MixPlan saved(MemorySessions repo, Lesson lesson) {
        SavedSession s = repo.find(7, lesson.id()).orElseThrow();
        return (MixPlan) new PlanFile(LessonFormats.builtIn()).parse(s.planYaml(), Path.of("saved"), lesson);
    }

    @Test
    void theFirstEditIsSavedAtOnceAndABurstAtMostEveryTwoSeconds() throws Exception {
        Lesson lesson = mixLesson();
        MemorySessions repo = new MemorySessions();
        MixSession session = new MixSession(lesson, Clock.systemUTC());
        try (SessionAutosave save = new SessionAutosave(repo, 7, lesson, "hash-1", Clock.systemUTC(), m -> { })) {
            save.attach(session);
            session.setGainDb("bass", -5);
            waitFor(() -> repo.find(7, lesson.id()).isPresent(), 1000);
            assertThat(saved(repo, lesson).tracks().get("bass").gainDb()).contains(-5.0);
            long start = System.nanoTime();
            // a drag for 3 s: one move every 20 ms
            while (System.nanoTime() - start < 3_000_000_000L) {
                session.setGainDb("bass", -5 - (System.nanoTime() - start) / 1e9);
                Thread.sleep(20);
            }
            double last = session.track("bass").gainDb();
            waitFor(() -> saved(repo, lesson).tracks().get("bass").gainDb().orElseThrow() == last, 2500);
            // at most one save per 2 s window (the first, then at 2 s, then the last move): never one per edit
            assertThat(repo.saves.size()).isBetween(2, 4);
            assertThat(repo.rows.get("7/" + lesson.id()).lessonHash()).isEqualTo("hash-1");
        }
    }

    @Test
    void flushSavesTheLastEditNowAndDiscardForgetsTheSession() {
        Lesson lesson = mixLesson();
        MemorySessions repo = new MemorySessions();
        MixSession session = new MixSession(lesson, Clock.systemUTC());
        SessionAutosave save = new SessionAutosave(repo, 7, lesson, "h", Clock.systemUTC(), m -> { });
        save.attach(session);
        session.setPan("pad", -0.5);
        session.setMute("drums", true);
        save.flush();
        assertThat(saved(repo, lesson).tracks().get("pad").pan()).contains(-0.5);
        assertThat(saved(repo, lesson).tracks().get("drums").mute()).contains(true);
        save.discard();
        assertThat(repo.find(7, lesson.id())).isEmpty();
        save.close();
    }

    @Test
    void aFailedSaveIsReportedAndRetriedWithTheNextEdit() {
        Lesson lesson = mixLesson();
        MemorySessions ok = new MemorySessions();
        boolean[] fail = {true};
        SessionRepository flaky = new SessionRepository() {
            @Override
            public void save(long l, String id, String hash, String yaml, Instant at) {
                if (fail[0]) {
                    throw new org.controlroom.store.StoreException("the learner database is locked by another program", null);
                }
                ok.save(l, id, hash, yaml, at);
            }

            @Override
            public Optional<SavedSession> find(long l, String id) {
                return ok.find(l, id);
            }

            @Override
            public void delete(long l, String id) {
                ok.delete(l, id);
            }
        };
        List<String> problems = new ArrayList<>();
        MixSession session = new MixSession(lesson, Clock.systemUTC());
        try (SessionAutosave save = new SessionAutosave(flaky, 7, lesson, "h", Clock.systemUTC(), problems::add)) {
            save.attach(session);
            session.setGainDb("pad", -12);
            save.flush();
            assertThat(problems).singleElement().asString().contains("could not be saved").contains("locked");
            fail[0] = false;
            save.flush();   // the pending edit was kept
            assertThat(saved(ok, lesson).tracks().get("pad").gainDb()).contains(-12.0);
            assertThat(problems).last().isEqualTo("Your session is saved again.");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not saved within " + millis + " ms");
            }
            Thread.sleep(10);
        }
    }
}
