package org.controlroom.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.AttemptMode;
import org.controlroom.store.AttemptRepository;
import org.controlroom.store.DrillTrial;
import org.controlroom.store.QuestionColumns;
import org.controlroom.store.StoreException;

/** Attempts and their answers, on any {@link SqlDatabase}; each call one committed transaction. */
public final class JdbcAttemptRepository implements AttemptRepository {

    private final SqlDatabase db;

    public JdbcAttemptRepository(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public long start(long learnerId, String lessonId, String lessonFile, String lessonHash, long seed, Instant startedAt,
                      AttemptMode mode) {
        return start(learnerId, lessonId, lessonFile, lessonHash, seed, startedAt, mode, newKey());
    }

    /** A new client key: unique across computers. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * Starts an attempt under {@code clientKey}: done again with the same key (a retry after the connection
     * was lost while committing), it stores nothing new and returns the same id.
     */
    public long start(long learnerId, String lessonId, String lessonFile, String lessonHash, long seed, Instant startedAt,
                      AttemptMode mode, String clientKey) {
        // An explicit transaction, not an INSERT … RETURNING in autocommit: a commit that fails (a full disk)
        // must fail this call, never hand back the id of a row that is not there.
        return db.transaction("start an attempt", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO attempts (learner_id, lesson_id, lesson_file,"
                    + " lesson_hash, seed, started_at, replay, timed, client_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (client_key) DO NOTHING")) {
                p.setLong(1, learnerId);
                p.setString(2, lessonId);
                p.setString(3, lessonFile);
                p.setString(4, lessonHash);
                p.setLong(5, seed);
                p.setString(6, startedAt.toString());
                p.setInt(7, mode.replay() ? 1 : 0);
                p.setInt(8, mode.timed() ? 1 : 0);
                p.setString(9, clientKey);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM attempts WHERE client_key = ?")) {
                p.setString(1, clientKey);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void recordAnswer(long attemptId, AnswerRecord a) {
        recordAnswers(attemptId, List.of(a), List.of(newKey()), "save an answer");
    }

    @Override
    public void recordAnswers(long attemptId, List<AnswerRecord> answers) {
        recordAnswers(attemptId, answers, answers.stream().map(a -> newKey()).toList(), "save answers");
    }

    /**
     * Stores {@code answers} in one transaction, each under its client key: an answer whose key is stored
     * already (sent before, its acknowledgement lost) is not stored again.
     *
     * @return how many were new
     */
    public int recordAnswers(long attemptId, List<AnswerRecord> answers, List<String> clientKeys, String action) {
        if (answers.size() != clientKeys.size()) {
            throw new IllegalArgumentException(answers.size() + " answers but " + clientKeys.size() + " keys");
        }
        return db.transaction(action, c -> {
            requireAttempt(c, attemptId);
            try (PreparedStatement p = c.prepareStatement(INSERT_ANSWER)) {
                for (int i = 0; i < answers.size(); i++) {
                    bind(p, attemptId, answers.get(i), clientKeys.get(i));
                    p.addBatch();
                }
                int stored = 0;
                for (int n : p.executeBatch()) {
                    stored += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, n);
                }
                return stored;
            }
        });
    }

    private static final String INSERT_ANSWER = "INSERT INTO answers (attempt_id, step, question_json, response_json,"
            + " correct, error, error_unit, response_ms, plays_a, plays_b, points, max_points, answered_at,"
            + " exercise, family, difficulty, truth, response, band_hz, gain_db, q, level_db, pan, ratio,"
            + " threshold_db, attack_ms, release_ms, listened, timed, client_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (client_key) DO NOTHING";

    private void requireAttempt(Connection c, long attemptId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM attempts WHERE id = ?")) {
            p.setLong(1, attemptId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no attempt " + attemptId + " in the learner database " + db.where()
                            + "; the answer was not saved. Start the lesson again");
                }
            }
        }
    }

    private static void bind(PreparedStatement p, long attemptId, AnswerRecord a, String clientKey) throws SQLException {
        {
            p.setLong(1, attemptId);
            p.setInt(2, a.step());
            p.setString(3, a.questionJson());
            p.setString(4, a.responseJson());
            if (a.correct().isPresent()) {
                p.setInt(5, a.correct().get() ? 1 : 0);
            } else {
                p.setNull(5, Types.INTEGER);
            }
            if (a.error().isPresent()) {
                p.setDouble(6, a.error().get());
            } else {
                p.setNull(6, Types.REAL);
            }
            p.setString(7, a.errorUnit().orElse(null));
            p.setLong(8, a.responseMillis());
            p.setInt(9, a.playsA());
            p.setInt(10, a.playsB());
            p.setDouble(11, a.points());
            p.setDouble(12, a.maxPoints());
            p.setString(13, a.answeredAt().toString());
            QuestionColumns q = a.columns().orElse(null);
            p.setString(14, q == null ? null : q.exercise());
            p.setString(15, q == null ? null : q.family());
            double[] values = q == null ? new double[12] : new double[] {q.difficulty(), q.truth(), q.response(),
                    q.bandHz(), q.gainDb(), q.q(), q.levelDb(), q.pan(), q.ratio(), q.thresholdDb(), q.attackMs(),
                    q.releaseMs()};
            for (int i = 0; i < values.length; i++) {
                if (q == null || !Double.isFinite(values[i])) {
                    p.setNull(16 + i, Types.REAL);
                } else {
                    p.setDouble(16 + i, values[i]);
                }
            }
            if (q == null) {
                p.setNull(28, Types.INTEGER);
                p.setNull(29, Types.INTEGER);
            } else {
                p.setInt(28, q.listened() ? 1 : 0);
                p.setInt(29, q.timed() ? 1 : 0);
            }
            p.setString(30, clientKey);
        }
    }

    @Override
    public int finish(long attemptId, double score, boolean passed, String criteriaJson, int xpOffered, Instant finishedAt) {
        return db.transaction("save the result", c -> {
            long learnerId;
            String lessonId;
            String lessonHash;
            boolean replay;
            try (PreparedStatement p = c.prepareStatement("SELECT learner_id, lesson_id, lesson_hash, replay FROM attempts"
                    + " WHERE id = ?")) {
                p.setLong(1, attemptId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no attempt " + attemptId + " in the learner database " + db.where()
                                + "; the result was not saved. Start the lesson again");
                    }
                    learnerId = rs.getLong(1);
                    lessonId = rs.getString(2);
                    lessonHash = rs.getString(3);
                    replay = rs.getInt(4) == 1;
                }
            }
            int awarded = 0;
            // a replay is for review: whatever it scores, it earns nothing
            if (passed && xpOffered > 0 && !replay && !passedBeforeHashes(c, learnerId, lessonId)) {
                // The primary key (learner, lesson, content) is the rule: of several first passes at once,
                // exactly one inserts its row.
                try (PreparedStatement p = c.prepareStatement("INSERT INTO xp_awards (learner_id, lesson_id, lesson_hash,"
                        + " attempt_id, xp, awarded_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (learner_id, lesson_id, lesson_hash) DO NOTHING")) {
                    p.setLong(1, learnerId);
                    p.setString(2, lessonId);
                    p.setString(3, lessonHash == null ? "" : lessonHash);
                    p.setLong(4, attemptId);
                    p.setInt(5, xpOffered);
                    p.setString(6, finishedAt.toString());
                    awarded = p.executeUpdate() == 1 ? xpOffered : awardedBefore(c, attemptId);
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE attempts SET finished_at = ?, score = ?, passed = ?,"
                    + " criteria_json = ?, xp_earned = ? WHERE id = ?")) {
                p.setString(1, finishedAt.toString());
                p.setDouble(2, score);
                p.setInt(3, passed ? 1 : 0);
                p.setString(4, criteriaJson);
                p.setInt(5, awarded);
                p.setLong(6, attemptId);
                p.executeUpdate();
            }
            return awarded;
        });
    }

    /**
     * The XP this very attempt was awarded by an earlier call: a result sent again (after a lost connection,
     * from the outbox) keeps its award instead of counting it twice or losing it.
     */
    private static int awardedBefore(Connection c, long attemptId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT xp FROM xp_awards WHERE attempt_id = ?")) {
            p.setLong(1, attemptId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Whether the learner passed this lesson before content hashes were kept (its XP is in the carried-over XP). */
    private static boolean passedBeforeHashes(Connection c, long learnerId, String lessonId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM xp_awards WHERE learner_id = ? AND lesson_id = ? AND lesson_hash = ''")) {
            p.setLong(1, learnerId);
            p.setString(2, lessonId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<DrillTrial> drillTrials(long learnerId) {
        return db.call("read drill history", c -> {
            List<DrillTrial> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT t.id, t.lesson_id, a.exercise, a.family, a.difficulty,"
                    + " a.truth, a.response, a.correct, a.answered_at, a.response_json FROM answers a"
                    + " JOIN attempts t ON a.attempt_id = t.id"
                    + " WHERE t.learner_id = ? AND t.replay = 0 AND a.exercise IS NOT NULL AND a.correct IS NOT NULL"
                    + " ORDER BY a.id")) {
                p.setLong(1, learnerId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        double difficulty = rs.getDouble(5);
                        if (rs.wasNull()) {
                            difficulty = Double.NaN;
                        }
                        double truth = rs.getDouble(6);
                        if (rs.wasNull()) {
                            truth = Double.NaN;
                        }
                        double response = rs.getDouble(7);
                        if (rs.wasNull()) {
                            response = Double.NaN;
                        }
                        String family = rs.getString(4);
                        out.add(new DrillTrial(rs.getLong(1), rs.getString(2), rs.getString(3),
                                family == null ? rs.getString(3) : family, difficulty, truth, response,
                                rs.getInt(8) == 1, Instant.parse(rs.getString(9)),
                                rs.getString(10) == null ? "{}" : rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean isReplay(long attemptId) {
        return db.call("read an attempt", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT replay FROM attempts WHERE id = ?")) {
                p.setLong(1, attemptId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    @Override
    public List<AnswerRecord> answers(long attemptId) {
        return db.call("read answers", c -> {
            List<AnswerRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT step, question_json, response_json, correct, error,"
                    + " error_unit, response_ms, plays_a, plays_b, points, max_points, answered_at FROM answers"
                    + " WHERE attempt_id = ? ORDER BY id")) {
                p.setLong(1, attemptId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        int correct = rs.getInt(4);
                        Optional<Boolean> right = rs.wasNull() ? Optional.empty() : Optional.of(correct == 1);
                        double error = rs.getDouble(5);
                        Optional<Double> err = rs.wasNull() ? Optional.empty() : Optional.of(error);
                        out.add(new AnswerRecord(rs.getInt(1), rs.getString(2), rs.getString(3), right, err,
                                Optional.ofNullable(rs.getString(6)), rs.getLong(7), rs.getInt(8), rs.getInt(9),
                                rs.getDouble(10), rs.getDouble(11), Instant.parse(rs.getString(12))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> lessonHash(long attemptId) {
        return db.call("read an attempt", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT lesson_hash FROM attempts WHERE id = ?")) {
                p.setLong(1, attemptId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<org.controlroom.store.AttemptSummary> history(long learnerId, int limit) {
        return db.call("read a learner's attempts", c -> {
            List<org.controlroom.store.AttemptSummary> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, lesson_id, started_at, finished_at, score,"
                    + " passed, xp_earned FROM attempts WHERE learner_id = ? ORDER BY started_at DESC, id DESC LIMIT ?")) {
                p.setLong(1, learnerId);
                p.setInt(2, Math.max(0, limit));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> started = JdbcLearnerRepository.instant(rs.getString(3));
                        if (started.isEmpty()) {
                            continue;
                        }
                        Optional<Instant> finished = JdbcLearnerRepository.instant(rs.getString(4));
                        double score = rs.getDouble(5);
                        Optional<Double> s = rs.wasNull() || finished.isEmpty() ? Optional.empty() : Optional.of(score);
                        out.add(new org.controlroom.store.AttemptSummary(rs.getLong(1), rs.getString(2), started.get(),
                                finished, s, rs.getInt(6) == 1, rs.getInt(7)));
                    }
                }
            }
            return out;
        });
    }
}
