package org.controlroom.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.controlroom.store.SavedSession;
import org.controlroom.store.SessionRepository;
import org.controlroom.store.StoreException;

/** Sessions in progress on any SQL database: one row per learner and lesson, each call committed. */
public final class JdbcSessionRepository implements SessionRepository {

    private final SqlDatabase db;

    public JdbcSessionRepository(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void save(long learnerId, String lessonId, String lessonHash, String planYaml, Instant savedAt) {
        db.transaction("save your session", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions (learner_id, lesson_id, lesson_hash,"
                    + " plan_yaml, saved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (learner_id, lesson_id) DO UPDATE SET"
                    + " lesson_hash = excluded.lesson_hash, plan_yaml = excluded.plan_yaml, saved_at = excluded.saved_at")) {
                p.setLong(1, learnerId);
                p.setString(2, lessonId);
                p.setString(3, lessonHash);
                p.setString(4, planYaml);
                p.setString(5, savedAt.toString());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<SavedSession> find(long learnerId, String lessonId) {
        return db.call("read your saved session", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT lesson_hash, plan_yaml, saved_at FROM sessions"
                    + " WHERE learner_id = ? AND lesson_id = ?")) {
                p.setLong(1, learnerId);
                p.setString(2, lessonId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String stamp = rs.getString(3);
                    Instant savedAt;
                    try {
                        savedAt = JdbcLearnerRepository.instant(stamp)
                                .orElseThrow(() -> new DateTimeParseException("unreadable", stamp, 0));
                    } catch (DateTimeParseException e) {
                        throw new StoreException("the saved session of lesson '" + lessonId + "' in " + db.where()
                                + " has a save time Control Room cannot read ('" + stamp + "'); it was kept as it is", e);
                    }
                    return Optional.of(new SavedSession(learnerId, lessonId, rs.getString(1), rs.getString(2), savedAt));
                }
            }
        });
    }

    @Override
    public void delete(long learnerId, String lessonId) {
        db.transaction("forget your saved session", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE learner_id = ? AND lesson_id = ?")) {
                p.setLong(1, learnerId);
                p.setString(2, lessonId);
                p.executeUpdate();
            }
            return null;
        });
    }
}
