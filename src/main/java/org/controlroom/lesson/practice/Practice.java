package org.controlroom.lesson.practice;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.controlroom.lesson.adapt.Trial;
import org.controlroom.lesson.run.AttemptTerms;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MusicExcerpt;
import org.controlroom.lesson.music.MyMusicDrill;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.PlayException;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.script.Rank;
import org.controlroom.lesson.script.ScriptException;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.ProgressRepository;
import org.controlroom.store.SavedSession;
import org.controlroom.store.SessionRepository;

/**
 * Starts stored attempts: finds the learner and the lesson, checks the learner's rank opens the lesson,
 * and wires a {@link LessonRunner} to the store so every answer is saved as it is given. A session
 * lesson resumes the learner's saved session and saves it again as the learner works. The UI and the
 * command line both start attempts here.
 */
public final class Practice {

    private final LessonService lessons;
    private final LessonCatalog catalog;
    private final CareerLadder career;
    private final LearnerRepository learners;
    private final AttemptRepository attempts;
    private final ProgressRepository progress;
    private final Optional<SessionRepository> sessions;

    /** Practice on the shipped kinds, without saving sessions in progress. */
    public Practice(LessonCatalog catalog, LearnerRepository learners, AttemptRepository attempts,
                    ProgressRepository progress) {
        this(new LessonService(catalog, LessonKinds.builtIn()), learners, attempts, progress, Optional.empty());
    }

    public Practice(LessonService lessons, LearnerRepository learners, AttemptRepository attempts,
                    ProgressRepository progress, Optional<SessionRepository> sessions) {
        this.lessons = lessons;
        this.catalog = lessons.catalog();
        this.career = catalog.career().orElseThrow(() -> new PracticeException(
                "the lessons have no valid career.yaml, so ranks cannot be checked; run 'lessons validate'"));
        this.learners = learners;
        this.attempts = attempts;
        this.progress = progress;
        this.sessions = sessions;
    }

    public LessonService lessons() {
        return lessons;
    }

    /** A started attempt: its runner and what the store credited. */
    public final class Attempt {
        private final Learner learner;
        private final LessonRunner runner;
        /** Null for a preview: nothing is stored. */
        private final StoredAttemptListener listener;
        private final int xpBefore;
        private final Optional<SessionAutosave> autosave;
        private final List<String> notices;
        private final Optional<MyMusicDrill> music;

        private Attempt(Learner learner, LessonRunner runner, StoredAttemptListener listener, int xpBefore,
                        Optional<SessionAutosave> autosave, List<String> notices, Optional<MyMusicDrill> music) {
            this.learner = learner;
            this.runner = runner;
            this.listener = listener;
            this.xpBefore = xpBefore;
            this.autosave = autosave;
            this.notices = List.copyOf(notices);
            this.music = music;
        }

        /** The learner's music this attempt plays on (file, where, gain); empty when it plays the lesson's source. */
        public Optional<MusicExcerpt> myMusic() {
            return music.map(MyMusicDrill::excerpt);
        }

        /** The autosave of a session lesson's work in progress. */
        public Optional<SessionAutosave> autosave() {
            return autosave;
        }

        /** What starting found that the learner should hear (a session resumed, a saved session that no longer fits). */
        public List<String> notices() {
            return notices;
        }

        /** Replaces the session's state with a plan file (the command line's --plan). */
        public void loadPlan(Path planFile) {
            LessonSession s = runner.session().orElseThrow(() -> new PracticeException("'" + runner.lesson().title()
                    + "' is played step by step; it takes --answers FILE, not a plan"));
            s.load(new PlanFile(lessons.kinds().formats()).read(planFile, runner.lesson()));
        }

        public LessonRunner runner() {
            return runner;
        }

        public Learner learner() {
            return learner;
        }

        public long attemptId() {
            if (listener == null) {
                throw new PracticeException("a preview is not stored: it has no attempt id");
            }
            return listener.attemptId();
        }

        public int xpEarned() {
            return listener == null ? 0 : listener.xpEarned();
        }

        /** Whether this is an author's preview: played as a learner would, nothing stored, no XP. */
        public boolean preview() {
            return listener == null;
        }

        /** "XP 140 (+20). Rank: Assistant Engineer. Next: Engineer at 300 XP (160 to go)." */
        public String careerLine() {
            if (listener == null) {
                return "Preview: nothing was recorded and no XP was earned.";
            }
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
        return start(learnerName, lessonId, seed, clock, message -> { }, List.of());
    }

    /** Starts an attempt (see the full form); {@code problems} hears an autosave that failed. */
    public Attempt start(String learnerName, String lessonId, Optional<Long> seed, Clock clock, Consumer<String> problems) {
        return start(learnerName, lessonId, seed, clock, problems, List.of());
    }

    /**
     * Starts an attempt for a learner; a session lesson resumes the learner's saved session. A drill that
     * allows it ({@code my_music: true}) plays on the learner's own music when {@code myMusic} has a usable
     * stretch of sound. Decodes sound: call it off the UI thread.
     *
     * @param seed     empty for a fresh attempt; a seed replays an earlier one
     * @param problems hears later trouble the caller cannot see (an autosave that failed)
     * @param myMusic  the learner's "My music" as last checked ({@link org.controlroom.lesson.music.MyMusic#scan})
     * @throws PracticeException when the learner or lesson is unknown or the lesson is above the learner's rank
     */
    public Attempt start(String learnerName, String lessonId, Optional<Long> seed, Clock clock, Consumer<String> problems,
                         List<MusicEntry> myMusic) {
        return start(learnerName, lessonId, seed, clock, problems, myMusic, Optional.empty());
    }

    /**
     * Starts an attempt (see above). Every attempt draws a fresh seed; a given {@code seed} replays an
     * earlier attempt for review only: it is stored as a replay, earns no XP, counts as no pass and moves
     * no staircase.
     *
     * @param untimed why the answers cannot score speed (read from a file, no sound), when they cannot
     */
    public Attempt start(String learnerName, String lessonId, Optional<Long> seed, Clock clock, Consumer<String> problems,
                         List<MusicEntry> myMusic, Optional<String> untimed) {
        return start(learnerName, lessonId, seed, clock, problems, myMusic, untimed, Optional.empty());
    }

    /**
     * Starts a practice drill: the lesson's drill with the learner's own settings (practice mode). It is
     * stored like a replay: it earns no XP, counts as no pass and moves none of the learner's thresholds;
     * its answers still show in the attempt's summary.
     *
     * @throws PracticeException when the lesson is not a drill, or a setting does not fit it
     */
    public Attempt practise(String learnerName, String lessonId, DrillPracticeSettings settings, Clock clock,
                            Optional<String> untimed) {
        return start(learnerName, lessonId, Optional.empty(), clock, message -> { }, List.of(), untimed,
                Optional.of(settings));
    }

    private Attempt start(String learnerName, String lessonId, Optional<Long> seed, Clock clock,
                          Consumer<String> problems, List<MusicEntry> myMusic, Optional<String> untimed,
                          Optional<DrillPracticeSettings> practice) {
        Learner learner = learners.findByName(learnerName).orElseThrow(() -> new PracticeException(
                "no learner called '" + learnerName + "'; add one with: learner add \"" + learnerName + "\""));
        Lesson lesson = catalog.lesson(lessonId).orElseThrow(() -> new PracticeException(
                "no lesson '" + lessonId + "' (see 'lessons list'; a lesson with errors is left out: 'lessons validate')"));
        Optional<String> why = lessons.kinds().notPlayable(lesson);
        if (why.isPresent()) {
            throw new PracticeException("'" + lesson.title() + "' cannot be played in this build yet: " + why.get());
        }
        var state = progress.progress(learner, lessonHashes(catalog));
        int xp = (int) state.xp();
        Rank rank = career.rankFor(xp);
        int needed = career.indexOf(lesson.rank());
        if (needed > career.indexOf(rank.id())) {
            Rank gate = career.ranks().get(needed);
            throw new PracticeException(String.format("'%s' needs the rank %s (%d XP); %s is %s with %d XP",
                    lesson.title(), gate.name(), gate.xp(), learner.name(), rank.name(), xp));
        }
        if (practice.isPresent()) {
            if (!(lesson.section() instanceof org.controlroom.lesson.script.DrillSection drill)) {
                throw new PracticeException("'" + lesson.title() + "' is not a drill; practice mode sets a drill's bands,"
                        + " gain, Q, sound and number of questions");
            }
            try {
                lesson = new Lesson(lesson.id(), lesson.title() + " (practice: " + practice.get().describe() + ")",
                        lesson.kind(), lesson.rank(), lesson.brief(), lesson.xp(), practice.get().apply(drill),
                        lesson.scoring(), lesson.file(), lesson.contentHash());
            } catch (IllegalArgumentException e) {
                throw new PracticeException(e.getMessage());
            }
            myMusic = List.of();
        }
        // a lesson from a folder named by path is practice: it is played and stored, and earns no XP
        StoredAttemptListener listener = new StoredAttemptListener(attempts, learner.id(), lesson.contentHash(), clock,
                lessons.earnsXp(lesson));
        long s = seed.orElseGet(() -> new SecureRandom().nextLong());
        AttemptTerms terms = seed.isPresent() || practice.isPresent() ? AttemptTerms.LIVE.asReplay() : AttemptTerms.LIVE;
        if (untimed.isPresent()) {
            terms = terms.untimed(untimed.get());
        }
        List<Trial> history = lesson.kind().equals(org.controlroom.lesson.script.LessonKind.DRILL)
                ? attempts.drillTrials(learner.id()).stream()
                        .map(t -> new Trial(t.family(), t.difficulty(), t.truth(), t.response(), t.correct())).toList()
                : List.of();
        Optional<MyMusicDrill> music = myMusic.isEmpty() ? Optional.empty()
                : MyMusicDrill.start(lessons.kinds(), lesson, myMusic, learner.name(), s, listener, clock, terms, history);
        LessonRunner runner;
        try {
            runner = music.isPresent() ? music.get().runner()
                    : LessonRunner.start(lessons.kinds(), lesson, learner.name(),
                            LessonKindPlugin.PlayContext.of(s).with(terms).withHistory(history), listener, clock);
        } catch (PlayException e) {
            throw new PracticeException(e.getMessage());
        }
        List<String> notices = new ArrayList<>();
        if (practice.isPresent()) {
            notices.add("Practice with your own settings (" + practice.get().describe() + "): it earns no XP, counts as"
                    + " no pass and moves none of your thresholds.");
        } else if (terms.replay()) {
            notices.add("A replay of the attempt with seed " + s + ", for review: it earns no XP, counts as no pass"
                    + " and moves none of your thresholds.");
        }
        Optional<SessionAutosave> autosave = Optional.empty();
        if (runner.session().isPresent() && sessions.isPresent()) {
            String hash = lesson.contentHash();
            resume(learner, lesson, hash, runner.session().get(), notices);
            SessionAutosave save = new SessionAutosave(sessions.get(), learner.id(), lesson, hash, clock, problems);
            save.attach(runner.session().get());
            autosave = Optional.of(save);
        }
        return new Attempt(learner, runner, listener, xp, autosave, notices, music);
    }

    /**
     * A preview of a lesson being written (it need not be in the catalogue): played through the same runner
     * and controller as an attempt, as a learner would, with nothing stored (no attempt, no answers, no XP,
     * no session autosave, no rank check). Decodes sound: call it off the UI thread.
     */
    public Attempt preview(Lesson lesson, Clock clock) {
        Optional<String> why = lessons.kinds().notPlayable(lesson);
        if (why.isPresent()) {
            throw new PracticeException("'" + lesson.title() + "' cannot be played in this build yet: " + why.get());
        }
        long seed = new SecureRandom().nextLong();
        LessonRunner runner;
        try {
            runner = LessonRunner.start(lessons.kinds(), lesson, "Preview",
                    LessonKindPlugin.PlayContext.of(seed).with(AttemptTerms.LIVE),
                    org.controlroom.lesson.run.AttemptListener.NONE, clock);
        } catch (PlayException e) {
            throw new PracticeException(e.getMessage());
        }
        Learner nobody = new Learner(-1, "Preview", Optional.empty(), Optional.empty());
        return new Attempt(nobody, runner, null, 0, Optional.empty(),
                List.of("A preview: play it as a learner would. Nothing is recorded and no XP is earned."), Optional.empty());
    }

    /** The lesson content the catalogue holds: what XP and ranks count (an edited copy of a lesson earns nothing). */
    public static LessonHashes lessonHashes(LessonCatalog catalog) {
        return LessonHashes.of(catalog.lessons(), Lesson::id, Lesson::contentHash);
    }

    /** Loads the learner's saved session, if any; one that no longer fits its lesson is kept aside and reported. */
    private void resume(Learner learner, Lesson lesson, String hash, LessonSession session, List<String> notices) {
        Optional<SavedSession> saved = sessions.get().find(learner.id(), lesson.id());
        if (saved.isEmpty()) {
            return;
        }
        SavedSession ss = saved.get();
        boolean changed = !ss.lessonHash().equals(hash);
        try {
            LessonPlan plan = new PlanFile(lessons.kinds().formats())
                    .parse(ss.planYaml(), Path.of("saved session of " + lesson.id()), lesson);
            session.load(plan);
            notices.add(changed
                    ? "The lesson file has changed since your session was saved (" + ss.savedAt()
                            + "); your work was loaded where it still fits."
                    : "Resumed your session saved " + ss.savedAt() + ".");
        } catch (ScriptException | IllegalArgumentException e) {
            String key = lesson.id() + "~" + ss.lessonHash().substring(0, Math.min(12, ss.lessonHash().length()));
            sessions.get().save(learner.id(), key, ss.lessonHash(), ss.planYaml(), ss.savedAt());
            notices.add("Your session saved " + ss.savedAt() + " no longer fits this lesson (the lesson file changed: "
                    + e.getMessage().lines().findFirst().orElse("") + "). It is kept in the learner database as '"
                    + key + "'; this session starts from the lesson's starting state.");
        }
    }

}
