package org.controlroom.store.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.AttemptMode;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.AttemptSummary;
import org.controlroom.store.DrillTrial;
import org.controlroom.store.jdbc.JdbcAttemptRepository;

/**
 * Attempts on a classroom server, where a learner's answer is never lost to the network: an answer or
 * result the server cannot take (unreachable for as long as retrying is allowed) is kept in the
 * {@link Outbox} and the call returns as if saved; the outbox is sent, oldest first, as soon as the server
 * answers again (before the next write, on a read, and every few seconds in the background). Each answer
 * keeps the client key it was first sent with and a result is idempotent, so nothing is counted twice.
 * While the server is known to be away, new answers join the queue without waiting for it again, and
 * {@link #status()} says so.
 */
final class ServerAttempts implements AttemptRepository, AutoCloseable {

    /** How often the background sender tries the server while answers wait. */
    static final long RESEND_MS = 2000;

    private final JdbcAttemptRepository server;
    private final Outbox outbox;
    private final String url;
    private final ScheduledExecutorService sender;
    private volatile String lastFailure;

    ServerAttempts(JdbcAttemptRepository server, Outbox outbox, String url) {
        this.server = server;
        this.outbox = outbox;
        this.url = url;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "control-room-outbox");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::sendQuietly, RESEND_MS, RESEND_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends what waits, oldest first, each item in one transaction, removed from the outbox once the server
     * has it (sent again after a crash in between, its keys keep it from counting twice).
     *
     * @return whether the outbox is empty now
     */
    synchronized boolean send() {
        while (true) {
            Optional<Outbox.Queued> next = outbox.oldest();
            if (next.isEmpty()) {
                lastFailure = null;
                return true;
            }
            try {
                deliver(next.get().item());
            } catch (ServerUnreachableException e) {
                lastFailure = e.getMessage();
                return false;
            }
            outbox.remove(next.get().seq());
        }
    }

    private void sendQuietly() {
        try {
            if (lastFailure != null || !outbox.isEmpty()) {
                send();
            }
        } catch (RuntimeException e) {
            lastFailure = e.getMessage(); // told through status(); the next try may succeed
        }
    }

    private void deliver(Outbox.Item item) {
        if (item instanceof Outbox.Answers a) {
            server.recordAnswers(a.attemptId(), a.answers(), a.keys(), "send the answers kept on this computer");
        } else if (item instanceof Outbox.Finish f) {
            server.finish(f.attemptId(), f.score(), f.passed(), f.criteriaJson(), f.xpOffered(), f.finishedAt());
        }
    }

    /**
     * Sends {@code item} now when the server was last reachable and takes it; else keeps it (while the server
     * is known to be away, without waiting for it again: the background sender tries it every few seconds).
     */
    private boolean sendOrKeep(Outbox.Item item) {
        if (lastFailure == null) {
            try {
                deliver(item);
                return true;
            } catch (ServerUnreachableException e) {
                lastFailure = e.getMessage();
            }
        }
        outbox.add(item);
        return false;
    }

    /** What the learner should know: answers kept on this computer, and why. */
    Optional<String> status() {
        int[] waiting = outbox.pending();
        if (waiting[0] == 0 && waiting[1] == 0) {
            return Optional.empty();
        }
        String what = waiting[0] + (waiting[0] == 1 ? " answer" : " answers")
                + (waiting[1] > 0 ? " and " + waiting[1] + (waiting[1] == 1 ? " result" : " results") : "");
        return Optional.of("The classroom server " + url + " is unreachable: " + what + " kept on this computer ("
                + outbox.file() + ") will be sent when it is back; nothing is lost. Keep Control Room open or start"
                + " it again later." + (lastFailure == null ? "" : " (" + lastFailure + ")"));
    }

    @Override
    public long start(long learnerId, String lessonId, String lessonFile, String lessonHash, long seed, Instant startedAt,
                      AttemptMode mode) {
        sendQuietly();
        return server.start(learnerId, lessonId, lessonFile, lessonHash, seed, startedAt, mode);
    }

    @Override
    public void recordAnswer(long attemptId, AnswerRecord answer) {
        sendOrKeep(new Outbox.Answers(attemptId, List.of(answer), List.of(JdbcAttemptRepository.newKey())));
    }

    @Override
    public void recordAnswers(long attemptId, List<AnswerRecord> answers) {
        sendOrKeep(new Outbox.Answers(attemptId, List.copyOf(answers),
                answers.stream().map(a -> JdbcAttemptRepository.newKey()).toList()));
    }

    /** The XP awarded; 0 when the result is kept on this computer (its XP is counted when it reaches the server). */
    @Override
    public int finish(long attemptId, double score, boolean passed, String criteriaJson, int xpOffered, Instant finishedAt) {
        if (lastFailure == null) {
            try {
                return server.finish(attemptId, score, passed, criteriaJson, xpOffered, finishedAt);
            } catch (ServerUnreachableException e) {
                lastFailure = e.getMessage();
            }
        }
        outbox.add(new Outbox.Finish(attemptId, score, passed, criteriaJson, xpOffered, finishedAt));
        return 0;
    }

    @Override
    public List<DrillTrial> drillTrials(long learnerId) {
        sendQuietly();
        return server.drillTrials(learnerId);
    }

    @Override
    public boolean isReplay(long attemptId) {
        return server.isReplay(attemptId);
    }

    @Override
    public List<AnswerRecord> answers(long attemptId) {
        sendQuietly();
        return server.answers(attemptId);
    }

    @Override
    public Optional<String> lessonHash(long attemptId) {
        return server.lessonHash(attemptId);
    }

    @Override
    public List<AttemptSummary> history(long learnerId, int limit) {
        sendQuietly();
        return server.history(learnerId, limit);
    }

    @Override
    public void close() {
        sender.shutdownNow();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
