package org.controlroom.lesson.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Scoring;
import org.controlroom.lesson.script.Studio;

/** Lessons built in code for runner tests, and a clock the test moves by hand. */
final class TestLessons {

    private TestLessons() {
    }

    static Lesson octaveDrill(int questions) {
        DrillSection drill = new DrillSection(DrillExercise.EQ_FREQUENCY, new GeneratorSource("pink-noise"), questions, 4,
                List.of(125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0), 12, 1.4, Optional.empty(), -24, 0, 5, 8);
        return lesson("octave-boosts", LessonKind.DRILL, drill, weights("accuracy", 0.8, "speed", 0.2), 70, 20);
    }

    static Lesson levelDrill() {
        DrillSection drill = new DrillSection(DrillExercise.LEVEL, new GeneratorSource("pink-noise"), 5, 4,
                List.of(-6.0, -3.0, -1.0, 1.0, 3.0, 6.0), 0, 1.4, Optional.empty(), -24, 0.5, 2, 8);
        return lesson("level-steps", LessonKind.DRILL, drill, weights("accuracy", 1.0), 70, 20);
    }

    /**
     * Two studios, one optional drummer, two mix engineers, one mastering house, and an illness that
     * strikes with the given probability.
     */
    static Lesson budget(double illness) {
        BudgetSection s = new BudgetSection("GBP", 6000, 10, 4,
                List.of(new Studio("big", "Big Room", 900, 2, 0.9), new Studio("home", "Home studio", 150, 1, 0.5)),
                List.of(new Musician("drums", "Session drummer", 300, 0.1)),
                List.of(new MixEngineer("pro", "Mix pro", 400, 0.5, 0.9), new MixEngineer("self", "Mix it yourself", 0, 1, 0.4)),
                List.of(new MasteringEngineer("house", "Mastering house", 100, 2, 0.9)),
                List.of(new BudgetEvent("ill", "The singer falls ill", illness, 3, 0)));
        return lesson("album-on-a-budget", LessonKind.BUDGET, s, weights("delivery", 1.0, "spend", 1.0, "quality", 1.0), 60, 40);
    }

    static Lesson lesson(String id, LessonKind kind, org.controlroom.lesson.script.LessonSection section,
                         Map<String, Double> weights, double passMark, int xp) {
        return new Lesson(id, "Test " + id, kind, "runner", "Brief of " + id, xp, section,
                new Scoring(passMark, weights), Path.of("lessons", id + ".yaml"));
    }

    static Map<String, Double> weights(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }

    /** A clock that stands still until the test moves it. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Keeps every event it hears. */
    static final class RecordingListener implements AttemptListener {
        final List<Object> events = new java.util.ArrayList<>();

        @Override
        public void attemptStarted(AttemptStarted started) {
            events.add(started);
        }

        @Override
        public void answerGiven(AnswerGiven answer) {
            events.add(answer);
        }

        @Override
        public void attemptFinished(AttemptFinished finished) {
            events.add(finished);
        }

        List<AnswerGiven> answers() {
            return events.stream().filter(AnswerGiven.class::isInstance).map(AnswerGiven.class::cast).toList();
        }
    }
}
