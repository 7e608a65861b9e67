package org.controlroom.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.ClassNames;
import org.controlroom.store.ClassRepository;
import org.controlroom.store.Learner;
import org.controlroom.store.StoreException;
import org.controlroom.store.TutorClass;

/** Classes and their members on SQLite; standard SQL only (ids from {@code INSERT ... RETURNING}). */
final class SqliteClassRepository implements ClassRepository {

    private static final Comparator<TutorClass> BY_NAME = Comparator
            .comparing((TutorClass k) -> ClassNames.key(k.name())).thenComparingLong(TutorClass::id);

    private final SqliteDatabase db;
    private final Clock clock;

    SqliteClassRepository(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public TutorClass add(String name) {
        String clean = ClassNames.clean(name);
        Instant now = clock.instant();
        return db.transaction("create a class", c -> {
            Optional<TutorClass> taken = find(c, clean);
            if (taken.isPresent()) {
                throw new StoreException("there is already a class called '" + taken.get().name() + "'; choose another name");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO classes (name, name_key, created_at)"
                    + " VALUES (?, ?, ?) RETURNING id")) {
                p.setString(1, clean);
                p.setString(2, ClassNames.key(clean));
                p.setString(3, now.toString());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return new TutorClass(rs.getLong(1), clean, now, Optional.empty());
                }
            }
        });
    }

    @Override
    public Optional<TutorClass> findByName(String name) {
        return db.call("find a class", c -> find(c, name));
    }

    @Override
    public List<TutorClass> list() {
        return db.call("list classes", c -> {
            List<TutorClass> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, created_at, archived_at FROM classes");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            out.sort(BY_NAME);
            return out;
        });
    }

    @Override
    public TutorClass rename(String name, String newName) {
        String clean = ClassNames.clean(newName);
        return db.transaction("rename a class", c -> {
            TutorClass k = existing(c, name);
            Optional<TutorClass> taken = find(c, clean);
            if (taken.isPresent() && taken.get().id() != k.id()) {
                throw new StoreException("there is already a class called '" + taken.get().name() + "'; choose another name");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE classes SET name = ?, name_key = ? WHERE id = ?")) {
                p.setString(1, clean);
                p.setString(2, ClassNames.key(clean));
                p.setLong(3, k.id());
                p.executeUpdate();
            }
            return new TutorClass(k.id(), clean, k.createdAt(), k.archivedAt());
        });
    }

    @Override
    public TutorClass setArchived(String name, boolean archived) {
        Instant now = clock.instant();
        return db.transaction(archived ? "archive a class" : "restore a class", c -> {
            TutorClass k = existing(c, name);
            if (k.archived() == archived) {
                return k;
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE classes SET archived_at = ? WHERE id = ?")) {
                p.setString(1, archived ? now.toString() : null);
                p.setLong(2, k.id());
                p.executeUpdate();
            }
            return new TutorClass(k.id(), k.name(), k.createdAt(), archived ? Optional.of(now) : Optional.empty());
        });
    }

    @Override
    public boolean addLearner(long classId, long learnerId) {
        Instant now = clock.instant();
        return db.transaction("add a learner to a class", c -> {
            requireRow(c, "SELECT 1 FROM classes WHERE id = ?", classId, "no class with id " + classId);
            requireRow(c, "SELECT 1 FROM learners WHERE id = ?", learnerId, "no learner with id " + learnerId);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO class_members (class_id, learner_id, added_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (class_id, learner_id) DO NOTHING")) {
                p.setLong(1, classId);
                p.setLong(2, learnerId);
                p.setString(3, now.toString());
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean removeLearner(long classId, long learnerId) {
        return db.transaction("take a learner out of a class", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM class_members WHERE class_id = ? AND learner_id = ?")) {
                p.setLong(1, classId);
                p.setLong(2, learnerId);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Learner> members(long classId) {
        return db.call("list a class's learners", c -> {
            List<Learner> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT l.id, l.name, l.created_at FROM learners l"
                    + " JOIN class_members m ON m.learner_id = l.id WHERE m.class_id = ?")) {
                p.setLong(1, classId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> created = SqliteLearnerRepository.instant(rs.getString(3));
                        out.add(new Learner(rs.getLong(1), rs.getString(2), created,
                                created.isPresent() ? Optional.empty() : Optional.of("unreadable date")));
                    }
                }
            }
            out.sort(Comparator.comparing((Learner l) -> org.controlroom.store.LearnerNames.key(l.name()))
                    .thenComparingLong(Learner::id));
            return out;
        });
    }

    @Override
    public List<TutorClass> classesOf(long learnerId) {
        return db.call("list a learner's classes", c -> {
            List<TutorClass> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT k.id, k.name, k.created_at, k.archived_at FROM classes k"
                    + " JOIN class_members m ON m.class_id = k.id WHERE m.learner_id = ?")) {
                p.setLong(1, learnerId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            out.sort(BY_NAME);
            return out;
        });
    }

    private static void requireRow(Connection c, String sql, long id, String message) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(message);
                }
            }
        }
    }

    private static TutorClass existing(Connection c, String name) throws SQLException {
        return find(c, name).orElseThrow(() -> new StoreException("no class called '" + name + "' (see 'class list')"));
    }

    private static Optional<TutorClass> find(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, name, created_at, archived_at FROM classes WHERE name_key = ?")) {
            p.setString(1, ClassNames.key(name == null ? "" : name));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static TutorClass row(ResultSet rs) throws SQLException {
        return new TutorClass(rs.getLong(1), rs.getString(2),
                SqliteLearnerRepository.instant(rs.getString(3)).orElse(Instant.EPOCH),
                SqliteLearnerRepository.instant(rs.getString(4)));
    }
}
