package org.controlroom.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a learner's progress: the query behind the progress view and {@code progress}. */
public final class ProgressRepository {

    private final Database db;

    public ProgressRepository(Database db) {
        this.db = db;
    }

    public LearnerProgress progress(Learner learner) {
        return db.call("read progress", c -> {
            long xp = 0;
            try (PreparedStatement p = c.prepareStatement("SELECT xp FROM career_state WHERE learner_id = ?")) {
                p.setLong(1, learner.id());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        xp = rs.getLong(1);
                    }
                }
            }
            List<LessonResult> lessons = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT lesson_id, best_score, passed, attempts"
                    + " FROM lesson_results WHERE learner_id = ? ORDER BY lesson_id")) {
                p.setLong(1, learner.id());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        lessons.add(new LessonResult(rs.getString(1), rs.getDouble(2), rs.getInt(3) == 1, rs.getInt(4)));
                    }
                }
            }
            long answers = 0;
            long judged = 0;
            long right = 0;
            Map<String, Double> meanError = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT a.error_unit, COUNT(*), COUNT(a.correct),"
                    + " TOTAL(a.correct), AVG(a.error) FROM answers a JOIN attempts t ON a.attempt_id = t.id"
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
            return new LearnerProgress(learner, xp, lessons, answers, judged, right, meanError);
        });
    }
}
