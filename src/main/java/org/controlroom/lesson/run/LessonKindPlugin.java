package org.controlroom.lesson.run;

import java.util.Optional;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SectionFormat;

/**
 * One lesson kind, whole: its script format (section reader, plan reader, criteria) and how its
 * lessons play. Registered in {@link LessonKinds}; adding a kind is one new plug-in, with no
 * {@code switch} or {@code instanceof} to touch in the runner, the practice layer, the window or the
 * command line.
 */
public interface LessonKindPlugin {

    SectionFormat format();

    /** Empty when this build can play the kind's lessons; else why not (shown as "coming later"). */
    default Optional<String> notPlayable() {
        return Optional.empty();
    }

    /** Whether lessons of this kind are a session the learner works on (and so take a plan file). */
    default boolean sessionKind() {
        return false;
    }

    /**
     * A fresh session on the lesson's starting state, for sound and plans without an attempt
     * ({@code mix LESSON --out}); empty for question kinds.
     */
    default Optional<org.controlroom.lesson.session.LessonSession> newSession(Lesson lesson) {
        return Optional.empty();
    }

    /**
     * Makes the play of one attempt.
     *
     * @throws UnsupportedOperationException when {@link #notPlayable()} says so
     */
    LessonPlay play(Lesson lesson, PlayContext context);

    /**
     * What a play is made from.
     *
     * @param seed          the attempt's seed (random parts replay from it)
     * @param sourceSeconds for drills: the length of the source sound, when the caller knows it
     *                      (otherwise the kind finds it)
     * @param sourceClip    for drills: the sound itself when it is not the lesson's file (an excerpt of
     *                      the learner's own music, already level-matched)
     * @param terms         a replay or not, timed or not
     * @param history       the learner's earlier drill answers, oldest first (adaptive drills start from them)
     */
    record PlayContext(long seed, Optional<Double> sourceSeconds, Optional<org.controlroom.dsp.AudioClip> sourceClip,
                       AttemptTerms terms, java.util.List<org.controlroom.lesson.adapt.Trial> history) {
        public PlayContext {
            history = java.util.List.copyOf(history);
        }

        public PlayContext(long seed, Optional<Double> sourceSeconds, Optional<org.controlroom.dsp.AudioClip> sourceClip) {
            this(seed, sourceSeconds, sourceClip, AttemptTerms.LIVE, java.util.List.of());
        }

        public PlayContext(long seed, Optional<Double> sourceSeconds) {
            this(seed, sourceSeconds, Optional.empty());
        }

        public static PlayContext of(long seed) {
            return new PlayContext(seed, Optional.empty(), Optional.empty());
        }

        /** This context on other terms (a replay, untimed answers). */
        public PlayContext with(AttemptTerms other) {
            return new PlayContext(seed, sourceSeconds, sourceClip, other, history);
        }

        /**
         * This context with the learner's drill history (what adaptive drills choose their next question
         * from; replays are not in it).
         */
        public PlayContext withHistory(java.util.List<org.controlroom.lesson.adapt.Trial> trials) {
            return new PlayContext(seed, sourceSeconds, sourceClip, terms, trials);
        }
    }
}
