package org.controlroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Attempts and their answers. Each call is one committed transaction: once {@link #recordAnswer}
 * returns, the answer is on disk and visible to every other connection.
 */
public final class AttemptRepository {

    private final Database db;

    public AttemptRepository(Database db) {
        this.db = db;
    }

    /** Starts an attempt; returns its id. */
    public long start(long learnerId, String lessonId, String lessonFile, long seed, Instant startedAt) {
        return db.call("start an attempt", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO attempts (learner_id, lesson_id, lesson_file, seed,"
                    + " started_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                p.setLong(1, learnerId);
                p.setString(2, lessonId);
                p.setString(3, lessonFile);
                p.setLong(4, seed);
                p.setString(5, startedAt.toString());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Stores one answer, committed before this returns. */
    public void recordAnswer(long attemptId, AnswerRecord a) {
        db.call("save an answer", c -> {
            insert(c, attemptId, a);
            return null;
        });
    }

    /** Stores many answers in one transaction (imports, benchmarks): all of them, or none. */
    public void recordAnswers(long attemptId, java.util.List<AnswerRecord> answers) {
        db.transaction("save answers", c -> {
            for (AnswerRecord a : answers) {
                insert(c, attemptId, a);
            }
            return null;
        });
    }

    static void insert(Connection c, long attemptId, AnswerRecord a) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO answers (attempt_id, step, question_json, response_json,"
                + " correct, error, error_unit, response_ms, plays_a, plays_b, points, max_points, answered_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            p.executeUpdate();
        }
    }

    /**
     * Closes an attempt with its result, and in the same transaction updates the lesson's result for
     * the learner (best score, passed, attempts) and adds {@code xpEarned} to their career.
     */
    public void finish(long attemptId, double score, boolean passed, String criteriaJson, int xpEarned, Instant finishedAt) {
        db.transaction("save the result", c -> {
            long learnerId;
            String lessonId;
            try (PreparedStatement p = c.prepareStatement("SELECT learner_id, lesson_id FROM attempts WHERE id = ?")) {
                p.setLong(1, attemptId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no attempt " + attemptId + " in " + db.file());
                    }
                    learnerId = rs.getLong(1);
                    lessonId = rs.getString(2);
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE attempts SET finished_at = ?, score = ?, passed = ?,"
                    + " criteria_json = ?, xp_earned = ? WHERE id = ?")) {
                p.setString(1, finishedAt.toString());
                p.setDouble(2, score);
                p.setInt(3, passed ? 1 : 0);
                p.setString(4, criteriaJson);
                p.setInt(5, xpEarned);
                p.setLong(6, attemptId);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lesson_results (learner_id, lesson_id, best_score,"
                    + " passed, attempts, first_passed_at) VALUES (?, ?, ?, ?, 1, ?)"
                    + " ON CONFLICT (learner_id, lesson_id) DO UPDATE SET best_score = MAX(best_score, excluded.best_score),"
                    + " passed = MAX(passed, excluded.passed), attempts = attempts + 1,"
                    + " first_passed_at = COALESCE(first_passed_at, excluded.first_passed_at)")) {
                p.setLong(1, learnerId);
                p.setString(2, lessonId);
                p.setDouble(3, score);
                p.setInt(4, passed ? 1 : 0);
                p.setString(5, passed ? finishedAt.toString() : null);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO career_state (learner_id, xp, updated_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (learner_id) DO UPDATE SET xp = xp + excluded.xp,"
                    + " updated_at = excluded.updated_at")) {
                p.setLong(1, learnerId);
                p.setInt(2, xpEarned);
                p.setString(3, finishedAt.toString());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The answers of an attempt, in the order given. */
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
}
