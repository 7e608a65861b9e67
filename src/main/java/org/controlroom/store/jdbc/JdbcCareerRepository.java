package org.controlroom.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.store.CareerAction;
import org.controlroom.store.CareerRepository;

/** The career log on any SQL database: one row of {@code career_actions} per action, each append committed. */
public final class JdbcCareerRepository implements CareerRepository {

    private final SqlDatabase db;
    private final Clock clock;

    public JdbcCareerRepository(SqlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<CareerAction> actions(long learnerId) {
        return db.call("read your career", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT seq, kind, ref, num, score, extra, acted_at"
                    + " FROM career_actions WHERE learner_id = ? ORDER BY seq")) {
                p.setLong(1, learnerId);
                List<CareerAction> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        double score = rs.getDouble(5);
                        Double s = rs.wasNull() ? null : score;
                        double extra = rs.getDouble(6);
                        Double e = rs.wasNull() ? null : extra;
                        Instant at = JdbcLearnerRepository.instant(rs.getString(7)).orElse(Instant.EPOCH);
                        out.add(new CareerAction(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), s, e, at));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public CareerAction append(long learnerId, CareerAction action) {
        return db.transaction("save your career", c -> insert(c, learnerId, action));
    }

    @Override
    public CareerAction begin(long learnerId, CareerAction start) {
        return db.transaction("start your career", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM career_actions WHERE learner_id = ?")) {
                p.setLong(1, learnerId);
                p.executeUpdate();
            }
            return insert(c, learnerId, start);
        });
    }

    private CareerAction insert(java.sql.Connection c, long learnerId, CareerAction action) throws java.sql.SQLException {
        Instant at = action.at() != null ? action.at() : clock.instant();
        {
            int seq;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM career_actions WHERE learner_id = ?")) {
                p.setLong(1, learnerId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO career_actions"
                    + " (learner_id, seq, kind, ref, num, score, extra, acted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, learnerId);
                p.setInt(2, seq);
                p.setString(3, action.kind());
                p.setString(4, action.ref());
                p.setLong(5, action.number());
                if (action.score() == null) {
                    p.setNull(6, Types.DOUBLE);
                } else {
                    p.setDouble(6, action.score());
                }
                if (action.extra() == null) {
                    p.setNull(7, Types.DOUBLE);
                } else {
                    p.setDouble(7, action.extra());
                }
                p.setString(8, at.toString());
                p.executeUpdate();
            }
            return new CareerAction(seq, action.kind(), action.ref(), action.number(), action.score(), action.extra(), at);
        }
    }

    @Override
    public void clear(long learnerId) {
        db.transaction("remove your career", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM career_actions WHERE learner_id = ?")) {
                p.setLong(1, learnerId);
                p.executeUpdate();
            }
            return null;
        });
    }
}
