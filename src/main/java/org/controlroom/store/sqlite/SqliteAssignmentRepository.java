package org.controlroom.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.controlroom.store.Assignment;
import org.controlroom.store.AssignmentRepository;
import org.controlroom.store.StoreException;

/** Assignments on SQLite; standard SQL only (ids from {@code INSERT ... RETURNING}). */
final class SqliteAssignmentRepository implements AssignmentRepository {

    private static final String COLUMNS = "a.id, a.class_id, a.learner_id, a.due_at, a.pass_mark, a.created_at";

    private final SqliteDatabase db;

    SqliteAssignmentRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Assignment assignToClass(long classId, List<String> lessonIds, Instant dueAt, OptionalDouble passMark,
                                    Instant createdAt) {
        return insert(Optional.of(classId), Optional.empty(), lessonIds, dueAt, passMark, createdAt);
    }

    @Override
    public Assignment assignToLearner(long learnerId, List<String> lessonIds, Instant dueAt, OptionalDouble passMark,
                                      Instant createdAt) {
        return insert(Optional.empty(), Optional.of(learnerId), lessonIds, dueAt, passMark, createdAt);
    }

    private Assignment insert(Optional<Long> classId, Optional<Long> learnerId, List<String> lessonIds, Instant dueAt,
                              OptionalDouble passMark, Instant createdAt) {
        if (lessonIds.isEmpty()) {
            throw new StoreException("an assignment needs at least one lesson");
        }
        if (passMark.isPresent() && !(passMark.getAsDouble() >= 0 && passMark.getAsDouble() <= 100)) {
            throw new StoreException("a pass mark is a score from 0 to 100, not " + passMark.getAsDouble());
        }
        return db.transaction("save an assignment", c -> {
            if (classId.isPresent()) {
                require(c, "SELECT 1 FROM classes WHERE id = ?", classId.get(), "no class with id " + classId.get());
            } else {
                require(c, "SELECT 1 FROM learners WHERE id = ?", learnerId.get(), "no learner with id " + learnerId.get());
            }
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO assignments (class_id, learner_id, due_at, pass_mark,"
                    + " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                if (classId.isPresent()) {
                    p.setLong(1, classId.get());
                } else {
                    p.setNull(1, Types.INTEGER);
                }
                if (learnerId.isPresent()) {
                    p.setLong(2, learnerId.get());
                } else {
                    p.setNull(2, Types.INTEGER);
                }
                p.setString(3, dueAt.toString());
                if (passMark.isPresent()) {
                    p.setDouble(4, passMark.getAsDouble());
                } else {
                    p.setNull(4, Types.REAL);
                }
                p.setString(5, createdAt.toString());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO assignment_lessons (assignment_id, position, lesson_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < lessonIds.size(); i++) {
                    p.setLong(1, id);
                    p.setInt(2, i);
                    p.setString(3, lessonIds.get(i));
                    p.executeUpdate();
                }
            }
            return new Assignment(id, lessonIds, classId, learnerId, dueAt, passMark, createdAt);
        });
    }

    @Override
    public Optional<Assignment> find(long id) {
        return db.call("read an assignment", c -> query(c, "SELECT " + COLUMNS + " FROM assignments a WHERE a.id = ?",
                id).stream().findFirst());
    }

    @Override
    public List<Assignment> list() {
        return db.call("list assignments", c -> query(c, "SELECT " + COLUMNS + " FROM assignments a ORDER BY a.id"));
    }

    @Override
    public List<Assignment> forClass(long classId) {
        return db.call("list a class's assignments", c -> query(c, "SELECT " + COLUMNS
                + " FROM assignments a WHERE a.class_id = ? ORDER BY a.id", classId));
    }

    @Override
    public List<Assignment> forLearner(long learnerId) {
        return db.call("list a learner's assignments", c -> query(c, "SELECT " + COLUMNS + " FROM assignments a"
                + " WHERE a.learner_id = ? OR a.class_id IN (SELECT m.class_id FROM class_members m"
                + " JOIN classes k ON k.id = m.class_id WHERE m.learner_id = ? AND k.archived_at IS NULL)"
                + " ORDER BY a.id", learnerId, learnerId));
    }

    @Override
    public boolean remove(long id) {
        return db.transaction("delete an assignment", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM assignment_lessons WHERE assignment_id = ?")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM assignments WHERE id = ?")) {
                p.setLong(1, id);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static void require(Connection c, String sql, long id, String message) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(message);
                }
            }
        }
    }

    /** The assignments {@code sql} selects (its columns {@link #COLUMNS}), each with its lessons in order. */
    private static List<Assignment> query(Connection c, String sql, long... params) throws SQLException {
        record Row(long id, Optional<Long> classId, Optional<Long> learnerId, Instant due, OptionalDouble pass,
                   Instant created) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long classId = rs.getLong(2);
                    Optional<Long> k = rs.wasNull() ? Optional.empty() : Optional.of(classId);
                    long learnerId = rs.getLong(3);
                    Optional<Long> l = rs.wasNull() ? Optional.empty() : Optional.of(learnerId);
                    Optional<Instant> due = SqliteLearnerRepository.instant(rs.getString(4));
                    double mark = rs.getDouble(5);
                    OptionalDouble pass = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(mark);
                    Instant created = SqliteLearnerRepository.instant(rs.getString(6)).orElse(Instant.EPOCH);
                    if (due.isPresent()) {
                        rows.put(id, new Row(id, k, l, due.get(), pass, created));
                    }
                }
            }
        }
        List<Assignment> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT lesson_id FROM assignment_lessons WHERE assignment_id = ? ORDER BY position")) {
            for (Row r : rows.values()) {
                p.setLong(1, r.id());
                List<String> lessons = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        lessons.add(rs.getString(1));
                    }
                }
                if (!lessons.isEmpty()) {
                    out.add(new Assignment(r.id(), lessons, r.classId(), r.learnerId(), r.due(), r.pass(), r.created()));
                }
            }
        }
        return out;
    }
}
