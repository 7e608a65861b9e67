package org.controlroom.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.GradebookRepository;
import org.controlroom.store.GradedAttempt;

/** The gradebook's rows on SQLite: one grouped query, standard SQL (every selected column grouped). */
final class SqliteGradebookRepository implements GradebookRepository {

    private final SqliteDatabase db;

    SqliteGradebookRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<GradedAttempt> attempts(Collection<Long> learnerIds, Collection<String> lessonIds) {
        if (learnerIds.isEmpty() || lessonIds.isEmpty()) {
            return List.of();
        }
        List<Long> learners = List.copyOf(new java.util.LinkedHashSet<>(learnerIds));
        List<String> lessons = List.copyOf(new java.util.LinkedHashSet<>(lessonIds));
        String sql = "SELECT t.id, t.learner_id, t.lesson_id, t.lesson_hash, t.started_at, t.finished_at, t.score,"
                + " t.passed, t.replay, COUNT(a.id), COALESCE(SUM(a.response_ms), 0), MAX(a.answered_at)"
                + " FROM attempts t LEFT JOIN answers a ON a.attempt_id = t.id"
                + " WHERE t.learner_id IN (" + marks(learners.size()) + ") AND t.lesson_id IN (" + marks(lessons.size()) + ")"
                + " GROUP BY t.id, t.learner_id, t.lesson_id, t.lesson_hash, t.started_at, t.finished_at, t.score,"
                + " t.passed, t.replay";
        return db.call("read the gradebook", c -> {
            List<GradedAttempt> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                for (long id : learners) {
                    p.setLong(i++, id);
                }
                for (String id : lessons) {
                    p.setString(i++, id);
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> started = SqliteLearnerRepository.instant(rs.getString(5));
                        if (started.isEmpty()) {
                            continue;
                        }
                        Optional<Instant> finished = SqliteLearnerRepository.instant(rs.getString(6));
                        double score = rs.getDouble(7);
                        Optional<Double> s = rs.wasNull() || finished.isEmpty() ? Optional.empty() : Optional.of(score);
                        String hash = rs.getString(4);
                        out.add(new GradedAttempt(rs.getLong(1), rs.getLong(2), rs.getString(3), hash == null ? "" : hash,
                                started.get(), finished, s, rs.getInt(8) == 1, rs.getInt(9) == 1, rs.getInt(10),
                                rs.getLong(11), SqliteLearnerRepository.instant(rs.getString(12))));
                    }
                }
            }
            out.sort(Comparator.comparing(GradedAttempt::startedAt).thenComparingLong(GradedAttempt::attemptId));
            return out;
        });
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public Optional<String> criteriaJson(long attemptId) {
        return db.call("read an attempt's criteria", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT criteria_json FROM attempts WHERE id = ?")) {
                p.setLong(1, attemptId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
