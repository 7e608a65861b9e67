package org.controlroom.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.LessonResult;
import org.controlroom.store.ProgressRepository;

/** The progress query, on any {@link SqlDatabase}. */
public final class JdbcProgressRepository implements ProgressRepository {

    private final SqlDatabase db;

    public JdbcProgressRepository(SqlDatabase db) {
        this.db = db;
    }

    /** Whether an attempt (or award) at this content counts: content the catalogue holds, or played before hashes were kept. */
    private static boolean counts(LessonHashes catalogue, String lessonId, String hash) {
        return hash == null || hash.isEmpty() ? catalogue.holdsLesson(lessonId) : catalogue.holds(lessonId, hash);
    }

    @Override
    public LearnerProgress progress(Learner learner, LessonHashes catalogue) {
        return db.call("read progress", c -> {
            long xp = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT xp FROM career_state WHERE learner_id = ?")) {
                p.setLong(1, learner.id());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        xp = rs.getLong(1); // earned before content hashes were kept (schema v4)
                    }
                }
            }
            // One award per lesson id counts: the first at content the catalogue holds.
            Set<String> awarded = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT lesson_id, lesson_hash, xp FROM xp_awards"
                    + " WHERE learner_id = ? ORDER BY awarded_at, " + db.dialect().insertionOrder())) {
                p.setLong(1, learner.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String lessonId = rs.getString(1);
                        if (counts(catalogue, lessonId, rs.getString(2)) && awarded.add(lessonId)) {
                            xp += rs.getLong(3);
                        }
                    }
                }
            }
            Map<String, LessonResult> results = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT lesson_id, lesson_hash, MAX(score),"
                    + " MAX(COALESCE(passed, 0)), COUNT(*) FROM attempts WHERE learner_id = ? AND finished_at IS NOT NULL"
                    + " AND replay = 0"
                    + " GROUP BY lesson_id, lesson_hash")) {
                p.setLong(1, learner.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String lessonId = rs.getString(1);
                        if (!counts(catalogue, lessonId, rs.getString(2))) {
                            continue;
                        }
                        LessonResult r = new LessonResult(lessonId, rs.getDouble(3), rs.getInt(4) == 1, rs.getInt(5));
                        results.merge(lessonId, r, (a, b) -> new LessonResult(lessonId,
                                Math.max(a.bestScore(), b.bestScore()), a.passed() || b.passed(),
                                a.attempts() + b.attempts()));
                    }
                }
            }
            long answers = 0;
            long judged = 0;
            long right = 0;
            Map<String, Double> meanError = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT a.error_unit, COUNT(*), COUNT(a.correct),"
                    + " COALESCE(SUM(a.correct), 0), AVG(a.error) FROM answers a JOIN attempts t ON a.attempt_id = t.id"
                    + " WHERE t.learner_id = ? GROUP BY a.error_unit")) {
                p.setLong(1, learner.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String unit = rs.getString(1);
                        answers += rs.getLong(2);
                        judged += rs.getLong(3);
                        right += (long) rs.getDouble(4);
                        double mean = rs.getDouble(5);
                        if (unit != null && !rs.wasNull()) {
                            meanError.put(unit, mean);
                        }
                    }
                }
            }
            return new LearnerProgress(learner, xp, new ArrayList<>(results.values()), answers, judged, right, meanError);
        });
    }
}
