package org.controlroom.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Attempts and their answers. Each call is one committed transaction: once a call returns, what it
 * wrote is on disk and visible to every other connection; when it throws, nothing of it was written.
 */
public interface AttemptRepository {

    /**
     * Starts an attempt; returns its id only once the attempt is stored (so no answer can be given to an
     * attempt that is not there).
     *
     * @param lessonHash the content hash of the lesson file as played ({@code Lesson.contentHash()}); XP and
     *                   ranks count an attempt only when the catalogue holds this content (see
     *                   {@link ProgressRepository}), and a tutor's gradebook can show which version was played
     */
    default long start(long learnerId, String lessonId, String lessonFile, String lessonHash, long seed, Instant startedAt) {
        return start(learnerId, lessonId, lessonFile, lessonHash, seed, startedAt, AttemptMode.LIVE);
    }

    /**
     * Starts an attempt played in {@code mode}: a replay is stored as one, and {@link #finish} awards it no
     * XP however it scores.
     */
    long start(long learnerId, String lessonId, String lessonFile, String lessonHash, long seed, Instant startedAt,
               AttemptMode mode);

    /** Stores one answer, committed before this returns. */
    void recordAnswer(long attemptId, AnswerRecord answer);

    /** Stores many answers in one transaction (imports, benchmarks): all of them, or none. */
    void recordAnswers(long attemptId, List<AnswerRecord> answers);

    /**
     * Closes an attempt with its result and, in the same transaction, awards {@code xpOffered} when the
     * attempt passed and is the learner's first pass at this lesson content. A uniqueness rule in the
     * schema makes "first" hold even when several processes finish a first pass at the same moment.
     *
     * @return the XP this attempt was awarded: {@code xpOffered} for the first pass, else 0
     */
    int finish(long attemptId, double score, boolean passed, String criteriaJson, int xpOffered, Instant finishedAt);

    /**
     * The learner's drill answers from attempts that count (no replays), oldest first: what the staircases,
     * the confusion matrix and the progress charts are computed from.
     */
    List<DrillTrial> drillTrials(long learnerId);

    /** Whether the attempt was stored as a replay. */
    boolean isReplay(long attemptId);

    /** The answers of an attempt, in the order given. */
    List<AnswerRecord> answers(long attemptId);

    /** The content hash stored with an attempt (empty for attempts stored before hashes were kept). */
    Optional<String> lessonHash(long attemptId);

    /** A learner's attempts, newest first (at most {@code limit}); unreadable dates leave the attempt out. */
    List<AttemptSummary> history(long learnerId, int limit);
}
