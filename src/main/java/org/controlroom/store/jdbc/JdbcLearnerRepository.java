package org.controlroom.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.store.Learner;
import org.controlroom.store.LearnerNames;
import org.controlroom.store.LearnerRepository;
import org.controlroom.store.StoreException;

/** Learners, on any {@link SqlDatabase}. Names are stored clean ({@link LearnerNames}) and compared case-folded. */
public final class JdbcLearnerRepository implements LearnerRepository {

    /** SQLite's own {@code CURRENT_TIMESTAMP} form, which other tools write: UTC. */
    private static final DateTimeFormatter SQLITE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final SqlDatabase db;
    private final Clock clock;

    public JdbcLearnerRepository(SqlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Learner add(String name) {
        String clean = LearnerNames.clean(name);
        Instant now = clock.instant();
        return db.transaction("add a learner", c -> {
            Optional<Learner> taken = find(c, clean);
            if (taken.isPresent()) {
                throw new StoreException("there is already a learner called '" + taken.get().name() + "'; choose another name");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO learners (name, created_at) VALUES (?, ?)")) {
                p.setString(1, clean);
                p.setString(2, now.toString());
                p.executeUpdate();
            }
            long id = db.dialect().lastId(c);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO career_state (learner_id, xp, updated_at) VALUES (?, 0, ?)")) {
                p.setLong(1, id);
                p.setString(2, now.toString());
                p.executeUpdate();
            }
            return new Learner(id, clean, now);
        });
    }

    @Override
    public Learner rename(String name, String newName) {
        String clean = LearnerNames.clean(newName);
        return db.transaction("rename a learner", c -> {
            Learner who = find(c, name).orElseThrow(() -> new StoreException("no learner called '" + name + "'"));
            Optional<Learner> taken = find(c, clean);
            if (taken.isPresent() && taken.get().id() != who.id()) {
                throw new StoreException("there is already a learner called '" + taken.get().name()
                        + "'; choose another name");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE learners SET name = ? WHERE id = ?")) {
                p.setString(1, clean);
                p.setLong(2, who.id());
                p.executeUpdate();
            }
            return new Learner(who.id(), clean, who.createdAt(), who.problem());
        });
    }

    @Override
    public void remove(String name) {
        db.transaction("remove a learner", c -> {
            Learner who = find(c, name).orElseThrow(() -> new StoreException("no learner called '" + name + "'"));
            // the schema's foreign keys cascade; these deletes say so explicitly, child tables first, so a
            // database opened without foreign keys enforced loses no row to a dangling learner id either
            for (String sql : List.of(
                    "DELETE FROM answers WHERE attempt_id IN (SELECT id FROM attempts WHERE learner_id = ?)",
                    "DELETE FROM xp_awards WHERE learner_id = ?",
                    "DELETE FROM attempts WHERE learner_id = ?",
                    "DELETE FROM lesson_results WHERE learner_id = ?",
                    "DELETE FROM career_state WHERE learner_id = ?",
                    "DELETE FROM career_actions WHERE learner_id = ?",
                    "DELETE FROM sessions WHERE learner_id = ?",
                    "DELETE FROM music_library WHERE learner_id = ?",
                    "DELETE FROM class_members WHERE learner_id = ?",
                    "DELETE FROM assignment_lessons WHERE assignment_id IN (SELECT id FROM assignments WHERE learner_id = ?)",
                    "DELETE FROM assignments WHERE learner_id = ?",
                    "DELETE FROM learners WHERE id = ?")) {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setLong(1, who.id());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Learner> findByName(String name) {
        return db.call("find a learner", c -> find(c, name));
    }

    @Override
    public List<Learner> list() {
        return db.call("list learners", c -> {
            List<Learner> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, name, created_at FROM learners ORDER BY " + db.dialect().folded("name") + ", id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /**
     * The learner whose name is the same as {@code name} in any Unicode form and case: first by the stored
     * form (the index), then, for names stored in another form by an older version or another program, by
     * comparing every name's {@link LearnerNames#key key}.
     */
    private Optional<Learner> find(Connection c, String name) throws SQLException {
        String raw = name == null ? "" : name.strip();
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, name, created_at FROM learners WHERE " + db.dialect().sameFolded("name") + " OR "
                        + db.dialect().sameFolded("name")
                        + " ORDER BY id")) {
            p.setString(1, nfc);
            p.setString(2, raw);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(row(rs));
                }
            }
        }
        String key = LearnerNames.key(raw);
        try (PreparedStatement p = c.prepareStatement("SELECT id, name, created_at FROM learners ORDER BY id");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                if (LearnerNames.key(rs.getString(2)).equals(key)) {
                    return Optional.of(row(rs));
                }
            }
        }
        return Optional.empty();
    }

    private Learner row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String name = rs.getString(2);
        String stamp = rs.getString(3);
        Optional<Instant> created = instant(stamp);
        if (created.isPresent()) {
            return new Learner(id, name, created, Optional.empty());
        }
        return new Learner(id, name, Optional.empty(), Optional.of("learner '" + name + "' (row " + id + " of the"
                + " learners table in " + db.where() + ") has a date Control Room cannot read ("
                + (stamp == null ? "none" : "'" + stamp + "'") + "), probably written by another program; the"
                + " learner is listed without it and the row was left as it is"));
    }

    /** A stored time: ISO-8601 as Control Room writes it, or SQLite's {@code CURRENT_TIMESTAMP} and date forms (UTC). */
    static Optional<Instant> instant(String stamp) {
        if (stamp == null) {
            return Optional.empty();
        }
        String s = stamp.strip();
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException notIso) {
            // other forms below
        }
        try {
            return Optional.of(LocalDateTime.parse(s, SQLITE_STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notSqlite) {
            // a date alone?
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
