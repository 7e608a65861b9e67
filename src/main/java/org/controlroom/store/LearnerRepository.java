package org.controlroom.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adds and finds learners. Names are unique regardless of case. */
public final class LearnerRepository {

    public static final int MAX_NAME_LENGTH = 80;

    private final Database db;
    private final Clock clock;

    public LearnerRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds a learner.
     *
     * @throws StoreException when the name is blank, too long or already taken
     */
    public Learner add(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new StoreException("a learner needs a name");
        }
        if (clean.length() > MAX_NAME_LENGTH || clean.chars().anyMatch(Character::isISOControl)) {
            throw new StoreException("a learner's name is at most " + MAX_NAME_LENGTH + " characters, without control characters");
        }
        Instant now = clock.instant();
        return db.transaction("add a learner", c -> {
            if (find(c, clean).isPresent()) {
                throw new StoreException("there is already a learner called '" + find(c, clean).get().name()
                        + "'; choose another name");
            }
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO learners (name, created_at) VALUES (?, ?)")) {
                p.setString(1, clean);
                p.setString(2, now.toString());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = p.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO career_state (learner_id, xp, updated_at) VALUES (?, 0, ?)")) {
                p.setLong(1, id);
                p.setString(2, now.toString());
                p.executeUpdate();
            }
            return new Learner(id, clean, now);
        });
    }

    public Optional<Learner> findByName(String name) {
        return db.call("find a learner", c -> find(c, name.strip()));
    }

    public List<Learner> list() {
        return db.call("list learners", c -> {
            List<Learner> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, name, created_at FROM learners ORDER BY name COLLATE NOCASE");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static Optional<Learner> find(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, name, created_at FROM learners WHERE name = ? COLLATE NOCASE")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Learner row(ResultSet rs) throws SQLException {
        return new Learner(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)));
    }
}
