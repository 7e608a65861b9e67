package org.controlroom.lesson.practice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MusicExcerpt;
import org.controlroom.lesson.music.MyMusicDrill;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.ProgressRepository;

/**
 * Starts stored attempts: finds the learner and the lesson, checks the learner's rank opens the lesson,
 * and wires a {@link LessonRunner} to the store so every answer is saved as it is given. The UI and the
 * command line both start attempts here.
 */
public final class Practice {

    private final LessonCatalog catalog;
    private final CareerLadder career;
    private final LearnerRepository learners;
    private final AttemptRepository attempts;
    private final ProgressRepository progress;

    public Practice(LessonCatalog catalog, LearnerRepository learners, AttemptRepository attempts,
                    ProgressRepository progress) {
        this.catalog = catalog;
        this.career = catalog.career().orElseThrow(() -> new PracticeException(
                "the lessons have no valid career.yaml, so ranks cannot be checked; run 'lessons validate'"));
        this.learners = learners;
        this.attempts = attempts;
        this.progress = progress;
    }

    /** A started attempt: its runner and what the store credited. */
    public final class Attempt {
        private final Learner learner;
        private final LessonRunner runner;
        private final StoredAttemptListener listener;
        private final int xpBefore;
        private final Optional<MyMusicDrill> music;

        private Attempt(Learner learner, LessonRunner runner, StoredAttemptListener listener, int xpBefore,
                        Optional<MyMusicDrill> music) {
            this.learner = learner;
            this.runner = runner;
            this.listener = listener;
            this.xpBefore = xpBefore;
            this.music = music;
        }

        /** The learner's music this attempt plays on (file, where, gain); empty when it plays the lesson's source. */
        public Optional<MusicExcerpt> myMusic() {
            return music.map(MyMusicDrill::excerpt);
        }

        /** The sound of the attempt's questions (drills only): on the learner's music or on the lesson's source. */
        public Optional<DrillAudio> drillAudio() {
            if (music.isPresent()) {
                return Optional.of(music.get().audio());
            }
            return runner.lesson().section() instanceof DrillSection d
                    ? Optional.of(new DrillAudio(d, runner.seed())) : Optional.empty();
        }

        public LessonRunner runner() {
            return runner;
        }

        public Learner learner() {
            return learner;
        }

        public long attemptId() {
            return listener.attemptId();
        }

        public int xpEarned() {
            return listener.xpEarned();
        }

        /** "XP 140 (+20). Rank: Assistant Engineer. Next: Engineer at 300 XP (160 to go)." */
        public String careerLine() {
            int xp = xpBefore + xpEarned();
            Rank rank = career.rankFor(xp);
            StringBuilder sb = new StringBuilder("XP " + xp);
            if (xpEarned() > 0) {
                sb.append(" (+").append(xpEarned()).append(")");
            }
            sb.append(". Rank: ").append(rank.name()).append('.');
            career.nextRank(xp).ifPresentOrElse(
                    n -> sb.append(" Next: ").append(n.name()).append(" at ").append(n.xp()).append(" XP (")
                            .append(n.xp() - xp).append(" to go)."),
                    () -> sb.append(" Top of the ladder."));
            if (rank.xp() > xpBefore && xpEarned() > 0 && career.rankFor(xpBefore) != rank) {
                sb.append(" Promoted to ").append(rank.name()).append('!');
            }
            return sb.toString();
        }
    }

    /**
     * Starts an attempt for a learner.
     *
     * @param seed empty for a fresh attempt; a seed replays an earlier one
     * @throws PracticeException when the learner or lesson is unknown or the lesson is above the learner's rank
     */
    public Attempt start(String learnerName, String lessonId, Optional<Long> seed, Clock clock) {
        return start(learnerName, lessonId, seed, clock, List.of());
    }

    /**
     * Starts an attempt that plays on the learner's own music when the lesson allows it ({@code my_music:
     * true}) and {@code myMusic} has a usable stretch of sound; otherwise exactly as
     * {@link #start(String, String, Optional, Clock)}. Decodes a music file: call it off the UI thread.
     *
     * @param myMusic the learner's "My music" as last checked ({@link org.controlroom.lesson.music.MyMusic#scan})
     */
    public Attempt start(String learnerName, String lessonId, Optional<Long> seed, Clock clock,
                         List<MusicEntry> myMusic) {
        Learner learner = learners.findByName(learnerName).orElseThrow(() -> new PracticeException(
                "no learner called '" + learnerName + "'; add one with: learner add \"" + learnerName + "\""));
        Lesson lesson = catalog.lesson(lessonId).orElseThrow(() -> new PracticeException(
                "no lesson '" + lessonId + "' (see 'lessons list'; a lesson with errors is left out: 'lessons validate')"));
        if (!playable(lesson)) {
            throw new PracticeException("'" + lesson.title() + "' is a " + lesson.kind().id() + " scenario; this build plays"
                    + " drills and budget scenarios (" + lesson.kind().id() + " scoring comes with its own screen)");
        }
        var state = progress.progress(learner);
        int xp = (int) state.xp();
        Rank rank = career.rankFor(xp);
        int needed = career.indexOf(lesson.rank());
        if (needed > career.indexOf(rank.id())) {
            Rank gate = career.ranks().get(needed);
            throw new PracticeException(String.format("'%s' needs the rank %s (%d XP); %s is %s with %d XP",
                    lesson.title(), gate.name(), gate.xp(), learner.name(), rank.name(), xp));
        }
        boolean passedBefore = state.lessons().stream().anyMatch(r -> r.lessonId().equals(lessonId) && r.passed());
        StoredAttemptListener listener = new StoredAttemptListener(attempts, learner.id(), passedBefore, clock);
        long s = seed.orElseGet(() -> new SecureRandom().nextLong());
        Optional<MyMusicDrill> music = myMusic.isEmpty() ? Optional.empty()
                : MyMusicDrill.start(lesson, myMusic, learner.name(), s, listener, clock);
        LessonRunner runner = music.isPresent() ? music.get().runner()
                : LessonRunner.start(lesson, learner.name(), s, sourceSeconds(lesson), listener, clock);
        return new Attempt(learner, runner, listener, xp, music);
    }

    /** Whether this build can play the lesson: drills and budget scenarios (arrange, takes, mix: not yet). */
    public static boolean playable(Lesson lesson) {
        return lesson.section() instanceof DrillSection || lesson.section() instanceof org.controlroom.lesson.script.BudgetSection;
    }

    /** How long a drill's source sound is (generated sources are endless). */
    public static double sourceSeconds(Lesson lesson) {
        if (lesson.section() instanceof DrillSection d && d.source() instanceof AssetSource asset) {
            try {
                return AudioFiles.info(asset.resolved()).seconds();
            } catch (AudioFileException e) {
                throw new PracticeException(e.getMessage());
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
