package org.controlroom.lesson.practice;

import java.time.Clock;

import org.controlroom.lesson.run.AnswerGiven;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.AttemptListener;
import org.controlroom.lesson.run.AttemptStarted;
import org.controlroom.lesson.run.Criterion;
import org.controlroom.store.AnswerRecord;
import org.controlroom.store.AttemptMode;
import org.controlroom.store.AttemptRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an attempt into the learner store as it happens: the attempt row when it starts, each answer
 * the moment it is judged (committed before the learner sees the feedback), and the result at the end.
 * XP is credited only the first time a learner passes a lesson: the store decides, in the transaction
 * that saves the result, so two windows or processes passing at once cannot both earn it.
 */
public final class StoredAttemptListener implements AttemptListener {

    private final AttemptRepository attempts;
    private final long learnerId;
    private final String lessonHash;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final boolean earnsXp;
    private long attemptId = -1;
    private int xpEarned;

    /**
     * @param lessonHash the content hash of the lesson being played (stored with the attempt)
     */
    public StoredAttemptListener(AttemptRepository attempts, long learnerId, String lessonHash, Clock clock) {
        this(attempts, learnerId, lessonHash, clock, true);
    }

    /**
     * @param earnsXp false for content that earns no XP (a lesson from a folder named by path): its pass is
     *                stored and offers 0 XP
     */
    public StoredAttemptListener(AttemptRepository attempts, long learnerId, String lessonHash, Clock clock,
                                 boolean earnsXp) {
        this.earnsXp = earnsXp;
        this.attempts = attempts;
        this.learnerId = learnerId;
        this.lessonHash = lessonHash;
        this.clock = clock;
    }

    @Override
    public void attemptStarted(AttemptStarted s) {
        attemptId = attempts.start(learnerId, s.lessonId(), s.lessonFile().toString().replace('\\', '/'), lessonHash,
                s.seed(), s.startedAt(), new AttemptMode(s.terms().replay(), s.terms().timed()));
    }

    @Override
    public void answerGiven(AnswerGiven a) {
        attempts.recordAnswer(attemptId(), new AnswerRecord(a.step(), a.questionJson(), a.responseJson(), a.correct(),
                a.error(), a.errorUnit(), a.responseMillis(), a.playsA(), a.playsB(), a.points(), a.maxPoints(),
                clock.instant(), a.columns()));
    }

    @Override
    public void attemptFinished(AttemptFinished f) {
        xpEarned = attempts.finish(attemptId(), f.score(), f.passed(), criteriaJson(f), earnsXp ? f.xpOffered() : 0,
                f.finishedAt());
    }

    /** The XP this attempt credited (0 until it finished, and 0 for a lesson passed before). */
    public int xpEarned() {
        return xpEarned;
    }

    public long attemptId() {
        if (attemptId < 0) {
            throw new IllegalStateException("the attempt has not started");
        }
        return attemptId;
    }

    private String criteriaJson(AttemptFinished f) {
        try {
            return json.writeValueAsString(f.criteria().stream().map(StoredAttemptListener::row).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Map<String, Object> row(Criterion c) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", c.name());
        m.put("score", c.score());
        m.put("weight", c.weight());
        m.put("detail", c.detail());
        // the numbers the criterion was scored from, as `scenario play --json` prints them
        m.put("measured", c.measured());
        return m;
    }
}
