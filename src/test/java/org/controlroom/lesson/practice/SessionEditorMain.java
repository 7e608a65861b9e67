package org.controlroom.lesson.practice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.session.MixSession;
import org.controlroom.store.LearnerStore;

/**
 * A learner at work in a separate JVM (for {@link SessionCrashTest}): opens a mix session as the window
 * does, then applies "TRACK DB" fader edits read from standard input, printing "edited" after each.
 * The test kills it.
 */
public final class SessionEditorMain {
    private SessionEditorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path lessons = Path.of(args[0]);
        Path db = Path.of(args[1]);
        LessonKinds kinds = LessonKinds.builtIn();
        var catalog = new LessonLoader(kinds.formats()).load(lessons, lessons.resolveSibling("audio-assets"));
        LearnerStore store = LearnerStore.open(db);
        Practice practice = new Practice(new LessonService(catalog, kinds), store.learners(), store.attempts(),
                store.progress(), Optional.of(store.sessions()));
        Practice.Attempt attempt = practice.start("Ana", args[2], Optional.empty(), Clock.systemUTC(),
                m -> System.out.println("problem " + m));
        attempt.notices().forEach(n -> System.out.println("notice " + n));
        MixSession session = (MixSession) attempt.runner().beginSession();
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.trim().split(" ");
            session.setGainDb(p[0], Double.parseDouble(p[1]));
            System.out.println("edited " + line.trim());
            System.out.flush();
        }
    }
}
