package org.controlroom.lesson.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.session.MixSession;
import org.controlroom.store.LearnerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session being edited in another JVM is killed; the next start resumes the last saved state, and no
 * edit older than the autosave interval is lost.
 */
class SessionCrashTest {

    @TempDir
    Path dir;

    private Path lessons() throws Exception {
        return org.controlroom.fixtures.RunnerRankMixLesson.in(dir);
    }

    @Test
    void aKilledSessionResumesWithEveryEditOlderThanTwoSeconds() throws Exception {
        Path lessons = lessons();
        Path db = dir.resolve("cr.db");
        try (LearnerStore store = LearnerStore.open(db)) {
            store.learners().add("Ana");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SessionEditorMain.class.getName(),
                lessons.toString(), db.toString(), "mix-first-balance").redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            waitForLine(out, "ready", seen);
            // a fader drag: 30 moves over about 1.5 s, then the learner stops
            for (int i = 1; i <= 30; i++) {
                in.write("bass " + (-0.5 * i) + "\n");
                in.flush();
                waitForLine(out, "edited", seen);
                Thread.sleep(50);
            }
            in.write("pad -11.5\n");
            in.flush();
            waitForLine(out, "edited pad", seen);
            long lastEdit = System.nanoTime();
            while (System.nanoTime() - lastEdit < 2_500_000_000L) { // the 2 s interval plus the commit, with room for a busy machine
                Thread.sleep(20);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        LessonKinds kinds = LessonKinds.builtIn();
        LessonCatalog catalog = new LessonLoader(kinds.formats()).load(lessons, dir.resolve("audio-assets"));
        try (LearnerStore store = LearnerStore.open(db)) {
            Practice practice = new Practice(new LessonService(catalog, kinds), store.learners(), store.attempts(),
                    store.progress(), Optional.of(store.sessions()));
            Practice.Attempt again = practice.start("Ana", "mix-first-balance", Optional.empty(), Clock.systemUTC());
            MixSession s = (MixSession) again.runner().session().orElseThrow();
            assertThat(s.track("bass").gainDb()).as(seen.toString()).isEqualTo(-15.0);
            assertThat(s.track("pad").gainDb()).isEqualTo(-11.5);
            assertThat(again.notices()).singleElement().asString().startsWith("Resumed your session saved");
            again.autosave().orElseThrow().close();
        }
    }

    @Test
    void aSavedSessionThatNoLongerFitsItsChangedLessonIsKeptAndReported() throws Exception {
        Path lessons = lessons();
        Path db = dir.resolve("cr.db");
        LessonKinds kinds = LessonKinds.builtIn();
        try (LearnerStore store = LearnerStore.open(db)) {
            long ana = store.learners().add("Ana").id();
            store.sessions().save(ana, "mix-first-balance", "an-older-version-of-the-lesson",
                    "mix:\n  tracks:\n    keys: {gain_db: -4}\n", java.time.Instant.parse("2026-11-30T09:00:00Z"));
            LessonCatalog catalog = new LessonLoader(kinds.formats()).load(lessons, dir.resolve("audio-assets"));
            Practice practice = new Practice(new LessonService(catalog, kinds), store.learners(), store.attempts(),
                    store.progress(), Optional.of(store.sessions()));
            Practice.Attempt a = practice.start("Ana", "mix-first-balance", Optional.empty(), Clock.systemUTC());
            assertThat(a.notices()).singleElement().asString().contains("no longer fits this lesson")
                    .contains("unknown track 'keys'").contains("mix-first-balance~an-older-ver");
            assertThat(store.sessions().find(ana, "mix-first-balance~an-older-ver")).get()
                    .extracting(org.controlroom.store.SavedSession::planYaml).asString().contains("keys");
            MixSession s = (MixSession) a.runner().session().orElseThrow();
            assertThat(s.track("bass").gainDb()).isEqualTo(4.0); // the lesson's starting state
            a.autosave().orElseThrow().close();
        }
    }

    private static void waitForLine(BufferedReader out, String prefix, StringBuilder seen) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return;
            }
        }
        throw new AssertionError("the editor ended before '" + prefix + "':\n" + seen);
    }
}
